import { describe, expect, test } from 'vitest';
import type { GraphData, GraphNode, GraphRelationship } from '../../common/api.ts';
import {
  EMPTY_SCENE,
  leafNeighbours,
  sceneReducer,
  visibleData,
  type Scene,
} from '../../client/src/scene/scene.ts';
import { initialHistory, withHistory } from '../../client/src/scene/history.ts';

const node = (id: string, label = 'Country'): GraphNode => ({
  id,
  labels: [label],
  properties: { name: id },
});
const rel = (id: string, start: string, end: string, type = 'BORDERS'): GraphRelationship => ({
  id,
  type,
  start,
  end,
  properties: {},
});

// tj - ru, tj - af, tj - uz, ru - uz
const base: GraphData = {
  nodes: [node('tj'), node('ru'), node('af'), node('uz')],
  relationships: [
    rel('r1', 'tj', 'ru'),
    rel('r2', 'tj', 'af'),
    rel('r3', 'tj', 'uz'),
    rel('r4', 'ru', 'uz'),
  ],
};
const loaded = sceneReducer(EMPTY_SCENE, { type: 'replace', data: base });

describe('sceneReducer', () => {
  test('replace indexes the data and marks every node as arrived without an anchor', () => {
    expect(Object.keys(loaded.nodes)).toEqual(['tj', 'ru', 'af', 'uz']);
    expect(Object.keys(loaded.relationships)).toHaveLength(4);
    expect(loaded.arrival).toEqual({ anchor: null, ids: ['tj', 'ru', 'af', 'uz'] });
  });

  test('add merges only what is new, records the anchor and the expansion count', () => {
    const next = sceneReducer(loaded, {
      type: 'add',
      data: {
        nodes: [node('tj'), node('csto', 'Organisation')],
        relationships: [rel('r1', 'tj', 'ru'), rel('m1', 'tj', 'csto', 'MEMBER_OF')],
      },
      anchor: 'tj',
      expansion: { shown: 5, total: 12 },
    });
    expect(Object.keys(next.nodes)).toEqual(['tj', 'ru', 'af', 'uz', 'csto']);
    expect(next.relationships.m1?.type).toBe('MEMBER_OF');
    expect(next.arrival).toEqual({ anchor: 'tj', ids: ['csto'] });
    expect(next.expansions.tj).toEqual({ shown: 5, total: 12 });
    expect(next.nodes.tj).toBe(loaded.nodes.tj);
  });

  test('adding nothing new returns the same scene', () => {
    expect(
      sceneReducer(loaded, { type: 'add', data: { nodes: [node('tj')], relationships: [] } }),
    ).toBe(loaded);
  });

  test('remove drops the nodes and every relationship touching them', () => {
    const next = sceneReducer(loaded, { type: 'remove', ids: ['tj'] });
    expect(Object.keys(next.nodes)).toEqual(['ru', 'af', 'uz']);
    expect(Object.keys(next.relationships)).toEqual(['r4']);
  });

  test('collapse removes neighbours tied to nothing else, keeps shared and pinned ones', () => {
    expect(leafNeighbours(loaded, 'tj')).toEqual(['af']);
    const pinned = sceneReducer(loaded, { type: 'pin', ids: ['af'], pinned: true });
    expect(leafNeighbours(pinned, 'tj')).toEqual([]);
    const next = sceneReducer(loaded, { type: 'collapse', id: 'tj' });
    expect(Object.keys(next.nodes)).toEqual(['tj', 'ru', 'uz']);
  });

  test('hide keeps nodes in the scene but out of the drawing; bringing one in shows it again', () => {
    const hidden = sceneReducer(loaded, { type: 'hide', ids: ['ru'] });
    const visible = visibleData(hidden);
    expect(visible.nodes.map((n) => n.id)).toEqual(['tj', 'af', 'uz']);
    expect(visible.relationships.map((r) => r.id)).toEqual(['r2', 'r3']);
    expect(sceneReducer(hidden, { type: 'show-all' }).hidden).toEqual([]);
    const back = sceneReducer(hidden, {
      type: 'add',
      data: { nodes: [node('ru')], relationships: [] },
    });
    expect(back.hidden).toEqual([]);
  });

  test('pin and unpin; unknown ids are ignored', () => {
    const pinned = sceneReducer(loaded, { type: 'pin', ids: ['tj', 'nowhere'], pinned: true });
    expect(pinned.pinned).toEqual(['tj']);
    expect(sceneReducer(pinned, { type: 'pin', ids: ['tj'], pinned: true })).toBe(pinned);
    expect(sceneReducer(pinned, { type: 'pin', ids: ['tj'], pinned: false }).pinned).toEqual([]);
  });

  test('visibleData leaves out relationships whose ends are not in the scene', () => {
    const scene: Scene = {
      ...loaded,
      relationships: { ...loaded.relationships, x: rel('x', 'tj', 'elsewhere') },
    };
    expect(visibleData(scene).relationships.map((r) => r.id)).not.toContain('x');
  });
});

describe('withHistory', () => {
  const reduce = withHistory(sceneReducer, 3);

  test('undo and redo walk through every change', () => {
    let h = initialHistory(EMPTY_SCENE);
    h = reduce(h, { type: 'replace', data: base });
    h = reduce(h, { type: 'remove', ids: ['af'] });
    expect(Object.keys(h.present.nodes)).toHaveLength(3);
    h = reduce(h, { type: 'undo' });
    expect(Object.keys(h.present.nodes)).toHaveLength(4);
    h = reduce(h, { type: 'undo' });
    expect(h.present).toBe(EMPTY_SCENE);
    expect(reduce(h, { type: 'undo' })).toBe(h);
    h = reduce(h, { type: 'redo' });
    h = reduce(h, { type: 'redo' });
    expect(Object.keys(h.present.nodes)).toEqual(['tj', 'ru', 'uz']);
    expect(reduce(h, { type: 'redo' })).toBe(h);
  });

  test('a new change clears the redo steps; no-op actions are not steps', () => {
    let h = reduce(initialHistory(EMPTY_SCENE), { type: 'replace', data: base });
    h = reduce(h, { type: 'undo' });
    h = reduce(h, { type: 'replace', data: { nodes: [node('x')], relationships: [] } });
    expect(h.future).toEqual([]);
    expect(reduce(h, { type: 'show-all' })).toBe(h);
  });

  test('keeps at most the limit of steps', () => {
    let h = initialHistory(EMPTY_SCENE);
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      h = reduce(h, { type: 'add', data: { nodes: [node(id)], relationships: [] } });
    }
    expect(h.past).toHaveLength(3);
  });
});

describe('restoring a saved view', () => {
  test('replaces the scene in one step, keeping only hidden and pinned nodes it has', () => {
    const reduce = withHistory(sceneReducer);
    const start = reduce(initialHistory(EMPTY_SCENE), {
      type: 'add',
      data: { nodes: [node('old')], relationships: [] },
    });
    const restored = reduce(start, {
      type: 'restore',
      data: { nodes: [node('a'), node('b')], relationships: [rel('r', 'a', 'b')] },
      hidden: ['b', 'old'],
      pinned: ['a', 'gone'],
    });
    expect(Object.keys(restored.present.nodes)).toEqual(['a', 'b']);
    expect(restored.present.hidden).toEqual(['b']);
    expect(restored.present.pinned).toEqual(['a']);
    expect(visibleData(restored.present).nodes.map((n) => n.id)).toEqual(['a']);
    expect(reduce(restored, { type: 'undo' }).present).toBe(start.present);
  });
});
