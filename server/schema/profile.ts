/**
 * Profiles every label from a small sample of its nodes: which properties most nodes carry, how
 * distinct their values are, which are text and which are dates (temporal values, or texts in a
 * form common/dates.ts detects). Captions, search and time are all chosen from this one profile.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type { DateProperty } from '../../common/api.ts';
import { captionRules, type CaptionRules, type LabelProfile } from '../../common/caption.ts';
import { detectDateForm, parseDateText } from '../../common/dates.ts';
import { ENTITY_KINDS, YEAR_PROPERTY } from '../model/ontology.ts';
import { quoteName } from './names.ts';
import { toCount, toNumber, toStrings } from './records.ts';

/** Nodes looked at per label: enough to tell names from categories, cheap on any database. */
export const PROFILE_SAMPLE_SIZE = 200;

export interface LabelCount {
  label: string;
  count: number;
}

export interface SchemaProfile {
  labels: LabelCount[];
  captions: CaptionRules;
  dates: DateProperty[];
}

function profileQuery(labels: readonly string[]): string {
  const parts = labels.map(
    (label, i) => `MATCH (e:${quoteName(label)})
  WITH e LIMIT $sample
  WITH collect(e) AS nodes
  UNWIND nodes AS e
  UNWIND keys(e) AS key
  WITH size(nodes) AS sampled, key, e[key] AS value
  RETURN ${i} AS position, sampled, key, count(*) AS present, count(DISTINCT value) AS distinct,
    count(CASE WHEN value IS :: STRING THEN 1 END) AS texts,
    count(CASE WHEN value IS :: INTEGER THEN 1 END) AS integers,
    count(CASE WHEN value IS :: DATE OR value IS :: ZONED DATETIME OR value IS :: LOCAL DATETIME THEN 1 END) AS temporals,
    avg(CASE WHEN value IS :: STRING THEN size(value) END) AS meanLength,
    collect(CASE WHEN value IS :: STRING THEN value END)[0..40] AS examples`,
  );
  return `CALL () {
  ${parts.join('\n  UNION ALL\n  ')}
}
RETURN position, sampled, key, present, distinct, texts, integers, temporals, meanLength, examples
ORDER BY position, key`;
}

const COUNTS_QUERY = `
CALL db.labels() YIELD label
RETURN label ORDER BY label`;

/** An integer `year` on one of our own kinds: the ontology says it is a year (YEAR_PROPERTY). */
function isOntologyYear(label: string, key: string, integers: number): boolean {
  return (
    key === YEAR_PROPERTY && integers > 0 && (ENTITY_KINDS as readonly string[]).includes(label)
  );
}

/** One label's property in the profile sample: where it is, its examples and value kinds. */
interface ProfileRow {
  position: unknown;
  key: string;
  sampled: unknown;
  present: unknown;
  examples: unknown;
  temporals: unknown;
  texts: unknown;
  integers: unknown;
  distinct: unknown;
  meanLength: unknown;
}

/** Reads label counts (count store), caption rules and date properties. */
export async function readSchemaProfile(tx: ManagedTransaction): Promise<SchemaProfile> {
  const names = (await tx.run<{ label: string }>(COUNTS_QUERY)).records.map((r) => r.get('label'));
  if (names.length === 0) return { labels: [], captions: {}, dates: [] };
  const counts = (
    await tx.run<{ c: unknown[] }>(
      `RETURN [${names.map((l) => `COUNT { (:${quoteName(l)}) }`).join(', ')}] AS c`,
    )
  ).records[0]?.get('c');
  const profiles: LabelProfile[] = names.map((label) => ({ label, sampled: 0, properties: [] }));
  const dates: DateProperty[] = [];
  const rows = await tx.run<ProfileRow>(profileQuery(names), {
    sample: neo4j.int(PROFILE_SAMPLE_SIZE),
  });
  for (const record of rows.records) {
    const profile = profiles[toCount(record.get('position'))];
    if (!profile) continue;
    const key = record.get('key');
    const examples = toStrings(record.get('examples'));
    const temporals = toCount(record.get('temporals'));
    const form = temporals > 0 ? null : detectDateForm(examples);
    const texts = toCount(record.get('texts'));
    const textDates = form
      ? Math.round(
          (texts * examples.filter((e) => parseDateText(e, form)).length) / examples.length,
        )
      : 0;
    profile.sampled = toCount(record.get('sampled'));
    profile.properties.push({
      key,
      present: toCount(record.get('present')),
      distinct: toCount(record.get('distinct')),
      texts,
      dates: temporals + textDates,
      meanLength: toNumber(record.get('meanLength')) ?? 0,
    });
    if (temporals > 0) dates.push({ label: profile.label, key, form: 'temporal' });
    else if (form) dates.push({ label: profile.label, key, form });
    else if (isOntologyYear(profile.label, key, toCount(record.get('integers')))) {
      dates.push({ label: profile.label, key, form: 'year' });
    }
  }
  return {
    labels: names.map((label, i) => ({ label, count: toCount(counts?.[i]) })),
    captions: captionRules(profiles),
    dates,
  };
}
