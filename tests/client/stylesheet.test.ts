import { describe, expect, test } from 'vitest';
import {
  CAPTIONED,
  CAPTION_ZOOM,
  CURVED,
  EDGE_CURVE_LIMIT,
  EDGE_LABEL_LIMIT,
  LABELLED,
  NODE_CAPTION_LIMIT,
  captionReach,
  edgeDetail,
  graphStylesheet,
} from '../../client/src/graph/stylesheet.ts';

/** The style properties a selector's rules set, later rules winning, as Cytoscape applies them. */
function styleOf(selector: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const rule of graphStylesheet()) {
    const selectors = rule.selector.split(',').map((s) => s.trim());
    if (selectors.includes(selector) && 'style' in rule) Object.assign(out, rule.style);
  }
  return out;
}

describe('captionReach', () => {
  test('a small scene captions every node at any zoom', () => {
    expect(captionReach(40, 0.1)).toBe('all');
    expect(captionReach(NODE_CAPTION_LIMIT, 0.05)).toBe('all');
  });

  test('a large scene captions the nodes in view only when zoomed in enough to read them', () => {
    expect(captionReach(NODE_CAPTION_LIMIT + 1, CAPTION_ZOOM / 2)).toBe('none');
    expect(captionReach(5_000, CAPTION_ZOOM)).toBe('in-view');
    expect(captionReach(5_000, 2)).toBe('in-view');
  });
});

describe('edgeDetail', () => {
  test('small scenes label and curve every edge; large ones neither', () => {
    expect(edgeDetail(40)).toEqual({ labelled: true, curved: true });
    expect(edgeDetail(EDGE_LABEL_LIMIT + 1)).toEqual({ labelled: false, curved: true });
    expect(edgeDetail(EDGE_CURVE_LIMIT)).toEqual({ labelled: false, curved: true });
    expect(edgeDetail(EDGE_CURVE_LIMIT + 1)).toEqual({ labelled: false, curved: false });
  });
});

describe('graphStylesheet', () => {
  test('captioned nodes show their caption; others only when hovered, selected or on a path', () => {
    expect(styleOf('node').label).toBeUndefined();
    for (const selector of [
      `node.${CAPTIONED}`,
      'node.highlighted',
      'node:selected',
      'node.path',
    ]) {
      expect(styleOf(selector)).toMatchObject({ label: 'data(caption)', 'font-size': 11 });
    }
  });

  test('curved edges are bezier curves with arrows; plain ones cheap straight lines', () => {
    expect(styleOf('edge')['curve-style']).toBe('haystack');
    expect(styleOf('edge')['target-arrow-shape']).toBeUndefined();
    for (const selector of [`edge.${CURVED}`, 'edge.highlighted', 'edge:selected', 'edge.path']) {
      expect(styleOf(selector)).toMatchObject({
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
      });
    }
    expect(styleOf(`edge.${LABELLED}`).label).toBe('data(type)');
  });
});
