import { describe, expect, test } from 'vitest';
import type { GraphData } from '../../common/api.ts';
import { NO_FILTER, applyFilter, toggle, typeEntries } from '../../client/src/graph/filters.ts';
import { countLabels, darken, labelStyles } from '../../client/src/graph/palette.ts';

const data: GraphData = {
  nodes: [
    { id: 'tj', labels: ['Entity', 'Country'], properties: {} },
    { id: 'ru', labels: ['Entity', 'Country'], properties: {} },
    { id: 'er', labels: ['Entity', 'Person'], properties: {} },
    { id: 'p1', labels: ['Passage'], properties: {} },
  ],
  relationships: [
    { id: 'a', type: 'LEADS', start: 'er', end: 'tj', properties: {} },
    { id: 'b', type: 'BORDERS', start: 'tj', end: 'ru', properties: {} },
    { id: 'c', type: 'MENTIONS', start: 'p1', end: 'er', properties: {} },
    { id: 'd', type: 'MENTIONS', start: 'p1', end: 'tj', properties: {} },
  ],
};
const counts = countLabels(data.nodes);

describe('applyFilter', () => {
  test('no filter returns the data itself', () => {
    expect(applyFilter(data, NO_FILTER, counts)).toBe(data);
  });

  test('a hidden label takes its nodes and their relationships away, by primary label', () => {
    const out = applyFilter(data, { hiddenLabels: ['Passage'], hiddenTypes: [] }, counts);
    expect(out.nodes.map((n) => n.id)).toEqual(['tj', 'ru', 'er']);
    expect(out.relationships.map((r) => r.id)).toEqual(['a', 'b']);
    // "Entity" is on every entity but never their primary label: hiding it hides nothing.
    expect(
      applyFilter(data, { hiddenLabels: ['Entity'], hiddenTypes: [] }, counts).nodes,
    ).toHaveLength(4);
  });

  test('a hidden type takes only those relationships away', () => {
    const out = applyFilter(data, { hiddenLabels: [], hiddenTypes: ['MENTIONS'] }, counts);
    expect(out.nodes).toHaveLength(4);
    expect(out.relationships.map((r) => r.id)).toEqual(['a', 'b']);
  });
});

describe('helpers', () => {
  test('toggle adds once and removes', () => {
    expect(toggle(['A'], 'B', true)).toEqual(['A', 'B']);
    expect(toggle(['A', 'B'], 'B', true)).toEqual(['A', 'B']);
    expect(toggle(['A', 'B'], 'A', false)).toEqual(['B']);
  });

  test('typeEntries counts types, most first', () => {
    expect(typeEntries(data.relationships)).toEqual([
      { type: 'MENTIONS', count: 2 },
      { type: 'BORDERS', count: 1 },
      { type: 'LEADS', count: 1 },
    ]);
  });

  test('chosen colours replace the automatic ones with a matching border; bad values are ignored', () => {
    const styles = labelStyles(['Country', 'Person']);
    const out = labelStyles(['Country', 'Person'], { Country: '#112233', Person: 'red' });
    expect(out.Country).toEqual({ color: '#112233', border: darken('#112233', 0.3) });
    expect(out.Person).toEqual(styles.Person);
    expect(labelStyles(['Country', 'Person'], {})).toEqual(styles);
  });
});
