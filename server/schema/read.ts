/**
 * Reads a database's schema: names and counts from the count store, property types from bounded
 * samples, indexes, constraints, the label-to-label graph and the evidence profile. Works on any
 * Neo4j 5 database; nothing here assumes the Summit Graph model.
 */
import type { ManagedTransaction, Node, Record as Neo4jRecord, Relationship } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type {
  ConstraintSummary,
  EvidenceProfile,
  IndexSummary,
  PropertySummary,
  SchemaEdge,
  SchemaResponse,
} from '../../common/api.ts';
import { detectEvidenceProfile, NO_EVIDENCE } from './evidence-profile.ts';
import {
  CONSTRAINTS_QUERY,
  FULLTEXT_INDEXES_QUERY,
  coverageQuery,
  INDEXES_QUERY,
  NAMES_QUERY,
  SCHEMA_GRAPH_QUERY,
  countsQuery,
  propertySampleQuery,
  startLabelsQuery,
} from './queries.ts';
import { readSchemaProfile, type SchemaProfile } from './profile.ts';
import { toCount, toStringOrNull, toStrings } from './records.ts';

/** Elements looked at per label and per type for property summaries. */
export const SCHEMA_SAMPLE_SIZE = 1000;
/** Relationships looked at per type to detect evidence conventions. */
const FACTS_SAMPLE_SIZE = 200;

interface Names {
  labels: string[];
  types: string[];
  propertyKeys: string[];
}

/** What the explorer's own routes need to know about a database, cheaply. */
export interface SchemaFacts {
  relationshipTypes: string[];
  fulltextIndexes: {
    name: string;
    labels: string[];
    /**
     * Every label whose nodes all carry one of `labels`, its own included: a `Country` whose
     * nodes are all `Entity` is covered by an index on `Entity`.
     */
    covers: string[];
    properties: string[];
    analyzer: string | null;
  }[];
  evidence: EvidenceProfile;
  /** Label counts, caption rules and date properties (profile.ts). */
  profile: SchemaProfile;
}

async function readNames(tx: ManagedTransaction): Promise<Names> {
  const record = (await tx.run(NAMES_QUERY)).records[0];
  return {
    labels: toStrings(record?.get('labels')).sort(),
    types: toStrings(record?.get('types')).sort(),
    propertyKeys: toStrings(record?.get('propertyKeys')).sort(),
  };
}

async function sampleProperties(
  tx: ManagedTransaction,
  kind: 'label' | 'type',
  names: readonly string[],
  sample: number,
): Promise<{ sampled: number; properties: PropertySummary[] }[]> {
  const out = names.map(() => ({ sampled: 0, properties: [] as PropertySummary[] }));
  if (names.length === 0) return out;
  const result = await tx.run<{
    position: unknown;
    sampled: unknown;
    key: string;
    types: unknown;
    present: unknown;
  }>(propertySampleQuery(kind, names), { sample: neo4j.int(sample) });
  for (const record of result.records) {
    const entry = out[toCount(record.get('position'))];
    if (!entry) continue;
    entry.sampled = toCount(record.get('sampled'));
    entry.properties.push({
      key: record.get('key'),
      // valueType() says "STRING NOT NULL"; a stored property is never null, so the suffix is noise.
      types: toStrings(record.get('types'))
        .map((t) => t.replace(/ NOT NULL/g, ''))
        .sort(),
      present: toCount(record.get('present')),
    });
  }
  return out;
}

async function readEvidenceProfile(
  tx: ManagedTransaction,
  names: Names,
  typeKeys: ReadonlyMap<string, readonly string[]>,
): Promise<EvidenceProfile> {
  const draft = detectEvidenceProfile({
    relationshipKeys: typeKeys,
    propertyKeys: names.propertyKeys,
    passageLabels: [],
  });
  if (draft.mentionTypes.length === 0) return draft;
  const record = (await tx.run(startLabelsQuery(draft.mentionTypes))).records[0];
  return { ...draft, passageLabels: toStrings(record?.get('labels')).sort() };
}

function keysByType(types: readonly string[], samples: { properties: PropertySummary[] }[]) {
  return new Map(types.map((t, i) => [t, (samples[i]?.properties ?? []).map((p) => p.key)]));
}

/**
 * The facts search, nodes and paths depend on: relationship types, full-text indexes, evidence.
 * The label profile is read apart (readSchemaProfile), so a cache may read both side by side.
 */
export async function readSchemaFacts(
  tx: ManagedTransaction,
): Promise<Omit<SchemaFacts, 'profile'>> {
  const names = await readNames(tx);
  const fulltext = await tx.run<{
    name: string;
    labelsOrTypes: unknown;
    properties: unknown;
    analyzer: unknown;
  }>(FULLTEXT_INDEXES_QUERY);
  const samples = await sampleProperties(tx, 'type', names.types, FACTS_SAMPLE_SIZE);
  const evidence =
    names.types.length > 0
      ? await readEvidenceProfile(tx, names, keysByType(names.types, samples))
      : NO_EVIDENCE;
  const fulltextIndexes: SchemaFacts['fulltextIndexes'] = [];
  for (const r of fulltext.records) {
    const labels = toStrings(r.get('labelsOrTypes'));
    fulltextIndexes.push({
      name: r.get('name'),
      labels,
      covers: await coveredLabels(tx, labels, names.labels),
      properties: toStrings(r.get('properties')),
      analyzer: toStringOrNull(r.get('analyzer')),
    });
  }
  return { relationshipTypes: names.types, fulltextIndexes, evidence };
}

/** `indexLabels` and every other label whose nodes all carry one of them (coverageQuery). */
async function coveredLabels(
  tx: ManagedTransaction,
  indexLabels: string[],
  allLabels: readonly string[],
): Promise<string[]> {
  const others = allLabels.filter((l) => !indexLabels.includes(l));
  if (others.length === 0) return [...indexLabels].sort();
  const record = (await tx.run<{ covered: boolean[] }>(coverageQuery(others), { indexLabels }))
    .records[0];
  const flags = record?.get('covered') ?? [];
  return [...indexLabels, ...others.filter((_, i) => flags[i] === true)].sort();
}

/** The whole schema, for GET /api/schema. */
export async function readSchema(
  tx: ManagedTransaction,
  database: string,
): Promise<SchemaResponse> {
  const names = await readNames(tx);
  const counts = (
    await tx.run<{
      labelCounts: unknown[];
      typeCounts: unknown[];
      nodes: unknown;
      relationships: unknown;
    }>(countsQuery(names.labels, names.types))
  ).records[0];
  const labelCounts = counts?.get('labelCounts') ?? [];
  const typeCounts = counts?.get('typeCounts') ?? [];
  const labelSamples = await sampleProperties(tx, 'label', names.labels, SCHEMA_SAMPLE_SIZE);
  const typeSamples = await sampleProperties(tx, 'type', names.types, SCHEMA_SAMPLE_SIZE);
  const indexes = (
    await tx.run<{
      name: string;
      type: string;
      entityType: IndexSummary['entityType'];
      labelsOrTypes: unknown;
      properties: unknown;
      state: string;
      owningConstraint: unknown;
      analyzer: unknown;
    }>(INDEXES_QUERY)
  ).records.map((r): IndexSummary => {
    const analyzer = toStringOrNull(r.get('analyzer'));
    return {
      name: r.get('name'),
      type: r.get('type'),
      entityType: r.get('entityType'),
      labelsOrTypes: toStrings(r.get('labelsOrTypes')),
      properties: toStrings(r.get('properties')),
      state: r.get('state'),
      owningConstraint: toStringOrNull(r.get('owningConstraint')),
      ...(analyzer ? { analyzer } : {}),
    };
  });
  const constraints = (
    await tx.run<{
      name: string;
      type: string;
      entityType: ConstraintSummary['entityType'];
      labelsOrTypes: unknown;
      properties: unknown;
    }>(CONSTRAINTS_QUERY)
  ).records.map((r): ConstraintSummary => ({
    name: r.get('name'),
    type: r.get('type'),
    entityType: r.get('entityType'),
    labelsOrTypes: toStrings(r.get('labelsOrTypes')),
    properties: toStrings(r.get('properties')),
  }));
  const edges = schemaEdges((await tx.run<SchemaGraphRow>(SCHEMA_GRAPH_QUERY)).records[0]);
  const evidence =
    names.types.length > 0
      ? await readEvidenceProfile(tx, names, keysByType(names.types, typeSamples))
      : NO_EVIDENCE;
  const profile = await readSchemaProfile(tx);
  return {
    database,
    totals: {
      nodes: toCount(counts?.get('nodes')),
      relationships: toCount(counts?.get('relationships')),
    },
    labels: names.labels.map((label, i) => ({
      label,
      count: toCount(labelCounts[i]),
      sampled: sampledCount(labelSamples[i], toCount(labelCounts[i])),
      properties: labelSamples[i]?.properties ?? [],
    })),
    relationshipTypes: names.types.map((type, i) => ({
      type,
      count: toCount(typeCounts[i]),
      sampled: sampledCount(typeSamples[i], toCount(typeCounts[i])),
      properties: typeSamples[i]?.properties ?? [],
    })),
    propertyKeys: names.propertyKeys,
    indexes,
    constraints,
    graph: { edges },
    evidence,
    sampleSize: SCHEMA_SAMPLE_SIZE,
    captions: profile.captions,
    dates: profile.dates,
  };
}

/** What db.schema.visualization() returns: one node per label, one relationship per triple. */
interface SchemaGraphRow {
  nodes: Node[];
  relationships: Relationship[];
}

/** Distinct (label)-[type]->(label) triples from db.schema.visualization(), sorted. */
function schemaEdges(record: Neo4jRecord<SchemaGraphRow> | undefined): SchemaEdge[] {
  if (!record) return [];
  const labelOf = new Map(
    record.get('nodes').map((n) => [n.elementId, toStringOrNull(n.properties.name)]),
  );
  const seen = new Map<string, SchemaEdge>();
  for (const rel of record.get('relationships')) {
    const start = labelOf.get(rel.startNodeElementId);
    const end = labelOf.get(rel.endNodeElementId);
    if (!start || !end) continue;
    seen.set(JSON.stringify([start, rel.type, end]), { start, type: rel.type, end });
  }
  return [...seen.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, edge]) => edge);
}

/** Elements without any property yield no sample rows; the sample still covered them. */
function sampledCount(sample: { sampled: number } | undefined, count: number): number {
  return sample && sample.sampled > 0 ? sample.sampled : Math.min(count, SCHEMA_SAMPLE_SIZE);
}
