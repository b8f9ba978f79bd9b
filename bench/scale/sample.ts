/**
 * Picks what the scenarios ask for from the loaded graph, deterministically: start nodes by
 * degree (median, 99th percentile, the largest hub), search texts of several kinds built from
 * real names, pairs of entities for paths, and nodes in components of their own.
 */
import type { Database } from '../../server/db/database.ts';
import { accented } from '../../tools/gen/names.ts';
import { Random } from '../../tools/gen/prng.ts';
import { ISLAND_REGION } from '../../tools/gen/world.ts';

export interface SampledNode {
  id: string;
  key: string;
  name: string;
  labels: string[];
  degree: number;
}

export const ENTITY_DEGREES = `
MATCH (n:Entity)
RETURN elementId(n) AS id, n.key AS key, n.name AS name, labels(n) AS labels,
       COUNT { (n)--() } AS degree`;

export async function entityDegrees(db: Database): Promise<SampledNode[]> {
  const nodes = await db.read(async (tx) =>
    (
      await tx.run<{ id: string; key: string; name: string; labels: string[]; degree: unknown }>(
        ENTITY_DEGREES,
      )
    ).records.map((r) => ({
      id: r.get('id'),
      key: r.get('key'),
      name: r.get('name'),
      labels: r.get('labels'),
      degree: Number(r.get('degree')),
    })),
  );
  // Element ids break ties so the order never depends on the store's scan order.
  return nodes.sort((a, b) => a.degree - b.degree || (a.key < b.key ? -1 : 1));
}

export interface DegreeClasses {
  median: SampledNode;
  p99: SampledNode;
  hub: SampledNode;
}

/** The median-degree, 99th-percentile and highest-degree entities. */
export function byDegree(sorted: readonly SampledNode[]): DegreeClasses {
  if (sorted.length === 0) throw new Error('the graph has no Entity nodes to sample');
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { median: at(0.5), p99: at(0.99), hub: sorted[sorted.length - 1]! };
}

export type SearchKind = 'exact' | 'prefix' | 'typo' | 'accents' | 'two words' | 'no match';

export interface SearchText {
  kind: SearchKind;
  q: string;
}

function typo(word: string, random: Random): string {
  const i = random.int(1, word.length - 2);
  const letter = 'aeioustrn'[random.int(0, 8)]!;
  return word.slice(0, i) + (word[i] === letter ? 'x' : letter) + word.slice(i + 1);
}

/** `perKind` search texts of each kind, from the names of the sampled entities. */
export function searchTexts(
  nodes: readonly SampledNode[],
  perKind: number,
  seed = 'search',
): SearchText[] {
  const random = new Random(seed);
  const named = nodes.filter((n) =>
    n.labels.some((l) => ['Person', 'Country', 'Organisation'].includes(l)),
  );
  const people = nodes.filter((n) => n.labels.includes('Person'));
  const spheres = nodes.filter((n) => n.labels.includes('Sphere') && n.name.includes(' '));
  const texts: SearchText[] = [];
  for (let i = 0; i < perKind; i += 1) {
    const person = random.pick(people.length > 0 ? people : named);
    const family = person.name.split(' ').at(-1) ?? person.name;
    texts.push({ kind: 'exact', q: random.pick(named).name });
    texts.push({ kind: 'prefix', q: family.slice(0, 4) });
    texts.push({ kind: 'typo', q: family.length >= 6 ? typo(family, random) : family });
    texts.push({ kind: 'accents', q: accented(random.pick(named).name, random) ?? person.name });
    const sphere = spheres.length > 0 ? random.pick(spheres).name.toLowerCase() : person.name;
    const words = sphere.split(' ').filter((w) => w.length > 3);
    texts.push({ kind: 'two words', q: words.length > 0 ? words.join(' ') : sphere });
    texts.push({ kind: 'no match', q: `zq${'xvwkj'[i % 5]}${random.int(100, 999)}` });
  }
  return texts;
}

/** Random pairs of distinct entities with at least two relationships. */
export function pathPairs(
  nodes: readonly SampledNode[],
  count: number,
  exclude: ReadonlySet<string> = new Set(),
  seed = 'paths',
): [SampledNode, SampledNode][] {
  const random = new Random(seed);
  const candidates = nodes.filter((n) => n.degree >= 2 && !exclude.has(n.id));
  const pairs: [SampledNode, SampledNode][] = [];
  while (pairs.length < count && candidates.length >= 2) {
    const a = random.pick(candidates);
    const b = random.pick(candidates);
    if (a.id !== b.id) pairs.push([a, b]);
  }
  return pairs;
}

export const ISLAND_COUNTRIES = `
MATCH (c:Country {region: $region})
RETURN elementId(c) AS id, c.key AS key, c.name AS name, labels(c) AS labels,
       COUNT { (c)--() } AS degree, [(c)--(x) | elementId(x)] AS component
ORDER BY key`;

export interface Island extends SampledNode {
  /** Element ids of the island's leaders and award. */
  component: string[];
}

/** The generator's island countries: connected to their leaders and award only. */
export async function islands(db: Database): Promise<Island[]> {
  return db.read(async (tx) =>
    (
      await tx.run<{
        id: string;
        key: string;
        name: string;
        labels: string[];
        degree: unknown;
        component: string[];
      }>(ISLAND_COUNTRIES, { region: ISLAND_REGION })
    ).records.map((r) => ({
      id: r.get('id'),
      key: r.get('key'),
      name: r.get('name'),
      labels: r.get('labels'),
      degree: Number(r.get('degree')),
      component: r.get('component'),
    })),
  );
}
