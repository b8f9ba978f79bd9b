// Centrality's emphasis reaches the canvas the way everything else does: as element data that the
// stylesheet draws, synced by the canvas. Checked on a headless Cytoscape with the real stylesheet.
import cytoscape from 'cytoscape';
import { describe, expect, test } from 'vitest';
import type { CentralityMembersResponse, GraphNode } from '../../common/api.ts';
import { centralityEmphasis, sizeFor } from '../../client/src/discovery/canvasStyle.ts';
import {
  COMMUNITY_COLOURS,
  OUTSIDE_COMMUNITIES,
  communityColours,
} from '../../client/src/discovery/communityColours.ts';
import { EMPTY_PROJECTION } from './projection-fixture.ts';
import { syncElements } from '../../client/src/graph/canvasSync.ts';
import { nodeSize, toElements } from '../../client/src/graph/elements.ts';
import { countLabels, labelStyles } from '../../client/src/graph/palette.ts';
import { graphStylesheet } from '../../client/src/graph/stylesheet.ts';

const nodes: GraphNode[] = [
  { id: 'tj', labels: ['Country'], properties: { name: 'Tajikistan' } },
  { id: 'ru', labels: ['Country'], properties: { name: 'Russia' } },
  { id: 'doc', labels: ['Passage'], properties: { text: 'A source.' } },
];
const styles = labelStyles(['Country', 'Passage']);
const counts = countLabels(nodes);

const answer: CentralityMembersResponse = {
  measure: 'degree',
  members: [
    { node: 'tj', score: 4, community: 7 },
    { node: 'ru', score: 1, community: 3 },
    { node: 'gone', score: 2, community: 3 },
  ],
  outside: ['doc'],
  top: 4,
  communities: [
    { id: 7, size: 5, members: [], kind: null },
    { id: 3, size: 2, members: [], kind: null },
  ],
  modularity: null,
  projection: EMPTY_PROJECTION,
};

describe('centralityEmphasis', () => {
  test('sizes drawn members by score and colours them by community; the rest small and pale', () => {
    const emphasis = centralityEmphasis(
      answer,
      communityColours(answer),
      new Set(['tj', 'ru', 'doc']),
    );
    expect(Object.fromEntries(emphasis)).toEqual({
      tj: { fill: COMMUNITY_COLOURS[0], diameter: sizeFor(4, 4) },
      ru: { fill: COMMUNITY_COLOURS[1], diameter: sizeFor(1, 4) },
      doc: { fill: OUTSIDE_COMMUNITIES, diameter: 16 },
    });
  });

  test('leaves out nodes that are not drawn', () => {
    const emphasis = centralityEmphasis(answer, communityColours(answer), new Set(['ru']));
    expect([...emphasis.keys()]).toEqual(['ru']);
  });
});

describe('emphasis on the canvas', () => {
  const colourOf = (cy: cytoscape.Core, id: string) =>
    cy.getElementById(id).style('background-color') as string;
  const widthOf = (cy: cytoscape.Core, id: string) =>
    parseFloat(cy.getElementById(id).style('width') as string);

  test('is drawn over the label colour and degree size, and taken away again', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStylesheet() });
    const memory = new Map();
    // Fresh definitions each time, as the app makes them: Cytoscape keeps the data objects added.
    const plain = () => toElements(nodes, [], styles, counts);
    const drawSlices = (elements: ReturnType<typeof toElements>) => {
      for (const slice of syncElements(cy, elements, memory, null).slices) {
        cy.add(slice.nodes);
        cy.add(slice.edges);
      }
    };
    drawSlices(plain());
    const labelColour = colourOf(cy, 'tj');
    expect(widthOf(cy, 'tj')).toBe(nodeSize(0));

    const emphasis = centralityEmphasis(answer, communityColours(answer), new Set(['tj', 'doc']));
    drawSlices(toElements(nodes, [], styles, counts, emphasis));
    expect(widthOf(cy, 'tj')).toBe(sizeFor(4, 4));
    expect(colourOf(cy, 'tj')).not.toBe(labelColour);
    expect(widthOf(cy, 'doc')).toBe(16);
    // A node the emphasis does not name keeps its own look.
    expect(widthOf(cy, 'ru')).toBe(nodeSize(0));
    // The label's colour stays in the data, for the legend and the exports.
    expect(cy.getElementById('tj').data('color')).toBe(styles.Country?.color);

    drawSlices(plain());
    expect(colourOf(cy, 'tj')).toBe(labelColour);
    expect(widthOf(cy, 'tj')).toBe(nodeSize(0));
    expect(widthOf(cy, 'doc')).toBe(nodeSize(0));
    cy.destroy();
  });
});
