import { describe, expect, test } from 'vitest';
import type { GraphNode, GraphRelationship } from '../../common/api.ts';
import {
  MAX_NODE_SIZE,
  MIN_NODE_SIZE,
  dataChanged,
  legendEntries,
  nodeSize,
  sceneDegrees,
  toElements,
} from '../../client/src/graph/elements.ts';
import { countLabels, labelStyles } from '../../client/src/graph/palette.ts';

const nodes: GraphNode[] = [
  { id: 'tj', labels: ['Country'], properties: { name: 'Tajikistan' } },
  { id: 'ru', labels: ['Country'], properties: { name: 'Russia' } },
  { id: 'er', labels: ['Person'], properties: { name: 'Emomali Rahmon' } },
];
const rels: GraphRelationship[] = [
  { id: 'r1', type: 'LEADS', start: 'er', end: 'tj', properties: {} },
  { id: 'r2', type: 'STRATEGIC_PARTNER_OF', start: 'tj', end: 'ru', properties: {} },
  { id: 'r3', type: 'MENTIONS', start: 'tj', end: 'elsewhere', properties: {} },
  { id: 'r4', type: 'SELF', start: 'ru', end: 'ru', properties: {} },
];
const styles = labelStyles(['Country', 'Person']);
const counts = countLabels(nodes);

describe('toElements', () => {
  test('makes one node element per node with caption, label colour and degree size', () => {
    const elements = toElements(nodes, rels, styles, counts);
    const tj = elements.find((e) => e.data.id === 'tj');
    expect(tj?.group).toBe('nodes');
    expect(tj?.data).toMatchObject({
      caption: 'Tajikistan',
      label: 'Country',
      color: styles.Country?.color,
      size: nodeSize(2),
    });
    expect(elements.find((e) => e.data.id === 'er')?.data.color).toBe(styles.Person?.color);
  });

  test('drops relationships whose ends are not both on the canvas', () => {
    const edges = toElements(nodes, rels, styles, counts).filter((e) => e.group === 'edges');
    expect(edges.map((e) => e.data.id).sort()).toEqual(['r1', 'r2', 'r4']);
    expect(edges.find((e) => e.data.id === 'r1')?.data).toEqual({
      id: 'r1',
      source: 'er',
      target: 'tj',
      type: 'LEADS',
    });
  });
});

describe('degrees and sizes', () => {
  test('a self-loop counts once; isolated nodes have no entry', () => {
    const degrees = sceneDegrees(rels.slice(0, 2).concat(rels[3] as GraphRelationship));
    expect(Object.fromEntries(degrees)).toEqual({ er: 1, tj: 2, ru: 2 });
  });

  test('size grows with degree between the bounds', () => {
    expect(nodeSize(0)).toBe(MIN_NODE_SIZE);
    expect(nodeSize(3)).toBeGreaterThan(nodeSize(1));
    expect(nodeSize(1_000_000)).toBe(MAX_NODE_SIZE);
  });
});

describe('legendEntries', () => {
  test('a catch-all label shared by every node never decides the colour', () => {
    const tagged = nodes.map((n) => ({ ...n, labels: ['Entity', ...n.labels] }));
    const entries = legendEntries(
      tagged,
      labelStyles(['Entity', 'Country', 'Person']),
      countLabels(tagged),
    );
    expect(entries.map((e) => e.label)).toEqual(['Country', 'Person']);
  });

  test('counts nodes per primary label, most frequent first', () => {
    expect(legendEntries(nodes, styles, counts)).toEqual([
      { label: 'Country', count: 2, color: styles.Country?.color },
      { label: 'Person', count: 1, color: styles.Person?.color },
    ]);
  });
});

describe('dataChanged', () => {
  const current = { id: 'tj', caption: 'Tajikistan', size: 40, color: '#4f83cc' };

  test('the same values are no change, whatever the order or the object', () => {
    expect(dataChanged(current, { ...current })).toBe(false);
    expect(
      dataChanged(current, { color: '#4f83cc', size: 40, id: 'tj', caption: 'Tajikistan' }),
    ).toBe(false);
    expect(dataChanged(current, { id: 'tj' })).toBe(false);
  });

  test('a different or new value is a change', () => {
    expect(dataChanged(current, { ...current, size: 41 })).toBe(true);
    expect(dataChanged(current, { ...current, caption: 'Tojikiston' })).toBe(true);
    expect(dataChanged(current, { ...current, fullCaption: 'Tajikistan' })).toBe(true);
  });
});
