import { describe, expect, test } from 'vitest';
import type { GraphNode, GraphRelationship, ResolveResponse } from '../../common/api.ts';
import {
  captureSnapshot,
  keyProperties,
  nodeRef,
  resolveRequest,
  restoredScene,
  type CaptureInput,
} from '../../client/src/scene/capture.ts';
import {
  SnapshotError,
  decodeSnapshot,
  encodeSnapshot,
  parseSnapshot,
  type SceneSnapshot,
} from '../../client/src/scene/snapshot.ts';
import {
  parseSceneFile,
  sceneFile,
  sceneFileName,
  withScene,
} from '../../client/src/scene/savedScenes.ts';

const node = (id: string, labels: string[], properties: GraphNode['properties']): GraphNode => ({
  id,
  labels,
  properties,
});
const rel = (id: string, start: string, end: string, type: string): GraphRelationship => ({
  id,
  type,
  start,
  end,
  properties: {},
});

const KEYS = keyProperties([
  {
    name: 'person_key',
    type: 'UNIQUENESS',
    entityType: 'NODE',
    labelsOrTypes: ['Person'],
    properties: ['key'],
  },
  {
    name: 'country_iso',
    type: 'NODE_KEY',
    entityType: 'NODE',
    labelsOrTypes: ['Country'],
    properties: ['iso'],
  },
  // Neither a single-property key of a node, nor unique: not keys.
  {
    name: 'pair',
    type: 'UNIQUENESS',
    entityType: 'NODE',
    labelsOrTypes: ['Meeting'],
    properties: ['a', 'b'],
  },
  {
    name: 'exists',
    type: 'NODE_PROPERTY_EXISTENCE',
    entityType: 'NODE',
    labelsOrTypes: ['Award'],
    properties: ['name'],
  },
  {
    name: 'rel',
    type: 'RELATIONSHIP_UNIQUENESS',
    entityType: 'RELATIONSHIP',
    labelsOrTypes: ['LEADS'],
    properties: ['id'],
  },
]);

const putin = node('4:db:1', ['Person'], { key: 'person-putin', name: 'Vladimir Putin' });
const russia = node('4:db:2', ['Country'], { iso: 'RU', name: 'Russia' });
const talks = node('4:db:3', ['Meeting'], { name: 'Talks', a: 1, b: 2 });
const leads = rel('5:db:9', putin.id, russia.id, 'LEADS');
const met = rel('5:db:10', putin.id, talks.id, 'PARTICIPATED_IN');

function input(overrides: Partial<CaptureInput> = {}): CaptureInput {
  return {
    scene: {
      nodes: { [putin.id]: putin, [russia.id]: russia, [talks.id]: talks },
      relationships: { [leads.id]: leads, [met.id]: met },
      hidden: [talks.id],
      pinned: [russia.id],
    },
    positions: new Map([
      [putin.id, { x: 10.123, y: -20.5 }],
      [russia.id, { x: 300, y: 40.456 }],
    ]),
    filter: {
      hiddenLabels: ['Passage'],
      hiddenTypes: ['MENTIONS'],
      properties: [
        { target: 'node', key: 'name', kind: 'string', operator: 'contains', value: 'a' },
      ],
      dateRange: { target: 'node', key: 'date', from: '2017-01-01', keepMissing: true },
    },
    colours: { Person: '#c81e1e' },
    captions: { Country: ['iso'] },
    layout: 'grid',
    viewport: { zoom: 1.5625, pan: { x: 12.5, y: -40 } },
    selection: { kind: 'node', id: putin.id },
    keys: KEYS,
    ...overrides,
  };
}

describe('stable references', () => {
  test('single-property uniqueness and node-key constraints of nodes are keys', () => {
    expect(KEYS).toEqual({ Person: 'key', Country: 'iso' });
  });

  test('a node is named by its key where it has one, else by its element id', () => {
    expect(nodeRef(putin, KEYS)).toEqual({
      label: 'Person',
      property: 'key',
      value: 'person-putin',
    });
    expect(nodeRef(russia, KEYS)).toEqual({ label: 'Country', property: 'iso', value: 'RU' });
    expect(nodeRef(talks, KEYS)).toEqual({ id: talks.id });
    // A keyed label without the property on this node, or with a value that is no plain key.
    expect(nodeRef(node('4:db:7', ['Person'], { name: 'x' }), KEYS)).toEqual({ id: '4:db:7' });
    expect(
      nodeRef(
        node('4:db:8', ['Person'], { key: { $type: 'Integer', value: '9007199254740993' } }),
        KEYS,
      ),
    ).toEqual({ id: '4:db:8' });
  });
});

describe('the snapshot codec', () => {
  test('captures elements, positions, hidden, pinned, filters, styles, viewport and selection', () => {
    const snapshot = captureSnapshot(input());
    expect(snapshot.nodes).toEqual([
      { ref: { label: 'Person', property: 'key', value: 'person-putin' }, at: [10.12, -20.5] },
      { ref: { label: 'Country', property: 'iso', value: 'RU' }, at: [300, 40.46] },
      { ref: { id: talks.id } },
    ]);
    // Ends and type name a relationship; no parallel one needs its id.
    expect(snapshot.rels).toEqual([
      { s: 0, e: 1, t: 'LEADS' },
      { s: 0, e: 2, t: 'PARTICIPATED_IN' },
    ]);
    expect(snapshot).toMatchObject({
      hidden: [2],
      pinned: [1],
      layout: 'grid',
      viewport: { zoom: 1.5625, pan: { x: 12.5, y: -40 } },
      select: { node: 0 },
      style: { colours: { Person: '#c81e1e' }, captions: { Country: ['iso'] } },
    });
    expect(snapshot.filter.dates).toEqual({
      target: 'node',
      key: 'date',
      from: '2017-01-01',
      keepMissing: true,
    });
    const selectRel = captureSnapshot(input({ selection: { kind: 'relationship', id: met.id } }));
    expect(selectRel.select).toEqual({ rel: 1 });
  });

  test('keeps the element ids of parallel relationships only, to tell them apart', () => {
    const again = rel('5:db:11', putin.id, russia.id, 'LEADS');
    const base = input();
    const snapshot = captureSnapshot({
      ...base,
      scene: { ...base.scene, relationships: { ...base.scene.relationships, [again.id]: again } },
    });
    expect(snapshot.rels).toEqual([
      { s: 0, e: 1, t: 'LEADS', id: leads.id },
      { s: 0, e: 2, t: 'PARTICIPATED_IN' },
      { s: 0, e: 1, t: 'LEADS', id: again.id },
    ]);
  });

  test('round-trips through a link parameter, non-ASCII text included', async () => {
    const snapshot = captureSnapshot(
      input({ filter: { hiddenLabels: ['Страна'], hiddenTypes: [], properties: [] } }),
    );
    const text = await encodeSnapshot(snapshot);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeSnapshot(text)).toEqual(snapshot);
    // Deflated: a view of many similar references costs far less than its JSON.
    const many = captureSnapshot({
      ...input(),
      scene: {
        nodes: Object.fromEntries(
          Array.from({ length: 200 }, (_, i) => [
            `4:db:${i}`,
            node(`4:db:${i}`, ['Person'], { key: `person-${i}` }),
          ]),
        ),
        relationships: {},
        hidden: [],
        pinned: [],
      },
    });
    expect((await encodeSnapshot(many)).length).toBeLessThan(JSON.stringify(many).length / 3);
  });

  test('a damaged link or a bad snapshot is refused with what is wrong', async () => {
    const good = captureSnapshot(input());
    await expect(decodeSnapshot('abc$%')).rejects.toThrow(SnapshotError);
    await expect(decodeSnapshot((await encodeSnapshot(good)).slice(0, 40))).rejects.toThrow(
      /does not unpack to JSON/,
    );
    expect(() => parseSnapshot({ ...good, v: 2 })).toThrow(
      /v: is not a scene version this app reads \(expected 1\)/,
    );
    expect(() => parseSnapshot({ ...good, rels: [{ s: 0, e: 7, t: 'X' }] })).toThrow(
      /rels\.0\.e: names node 7, but the scene has 3 nodes/,
    );
    expect(() => parseSnapshot({ ...good, layout: 'spiral' })).toThrow(/layout:/);
    expect(() =>
      parseSnapshot({ ...good, style: { colours: { Person: 'red' }, captions: {} } }),
    ).toThrow(/style\.colours\.Person: must be a colour like #1a2b3c/);
    expect(() => parseSnapshot({ ...good, select: { node: 3 } })).toThrow(/select\.node/);
    expect(() => parseSnapshot('nonsense')).toThrow(SnapshotError);
  });
});

describe('restoring', () => {
  const snapshot: SceneSnapshot = captureSnapshot(input());

  test('asks for every reference, with the relationships by their ends', () => {
    expect(resolveRequest(snapshot)).toEqual({
      nodes: snapshot.nodes.map((n) => n.ref),
      relationships: [
        { start: 0, end: 1, type: 'LEADS' },
        { start: 0, end: 2, type: 'PARTICIPATED_IN' },
      ],
    });
  });

  test('puts the view back under new element ids and counts what is gone', () => {
    const newPutin = { ...putin, id: '4:db:101' };
    const newRussia = { ...russia, id: '4:db:102' };
    const newLeads = { ...leads, id: '5:db:200', start: newPutin.id, end: newRussia.id };
    const resolved: ResolveResponse = {
      nodes: [newPutin, newRussia, null],
      relationships: [newLeads, null],
      unresolved: { nodes: [2], relationships: [1] },
    };
    const restored = restoredScene(snapshot, resolved);
    expect(restored.data.nodes.map((n) => n.id)).toEqual([newPutin.id, newRussia.id]);
    expect(restored.data.relationships.map((r) => r.id)).toEqual([newLeads.id]);
    expect([...restored.positions]).toEqual([
      [newPutin.id, { x: 10.12, y: -20.5 }],
      [newRussia.id, { x: 300, y: 40.46 }],
    ]);
    expect(restored.hidden).toEqual([]);
    expect(restored.pinned).toEqual([newRussia.id]);
    expect(restored.selection).toEqual({ kind: 'node', id: newPutin.id });
    expect(restored.filter.hiddenLabels).toEqual(['Passage']);
    expect(restored.missing).toBe(2);
  });
});

describe('scene files', () => {
  const scene = {
    name: 'Putin & partners',
    savedAt: '2026-12-07T03:00:00.000Z',
    snapshot: captureSnapshot(input()),
  };

  test('round-trip, and are named after the scene', () => {
    expect(parseSceneFile(sceneFile(scene))).toEqual(scene);
    expect(sceneFileName(scene.name)).toBe('putin-partners.scene.json');
    expect(sceneFileName('???')).toBe('scene.scene.json');
  });

  test('a scene saved under a taken name replaces it', () => {
    const other = { ...scene, name: 'A' };
    const list = withScene(withScene([], scene), other);
    expect(list.map((s) => s.name)).toEqual(['A', 'Putin & partners']);
    expect(withScene(list, { ...other, savedAt: 'later' }).filter((s) => s.name === 'A')).toEqual([
      { ...other, savedAt: 'later' },
    ]);
  });

  test('anything else is refused with a clear message', () => {
    expect(() => parseSceneFile('not json')).toThrow('This file is not a scene: it is not JSON.');
    expect(() => parseSceneFile('{"hello": 1}')).toThrow(
      /a scene file has "format": "summit-graph-scene"/,
    );
    const broken = JSON.parse(sceneFile(scene)) as { scene: { nodes: unknown } };
    broken.scene.nodes = 'none';
    expect(() => parseSceneFile(JSON.stringify(broken))).toThrow(
      /This scene cannot be read: nodes:/,
    );
  });
});
