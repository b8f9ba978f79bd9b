/** Reads the resolution candidates from the graph, inside the ingesting transaction. */
import type { ManagedTransaction } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { ENTITY_KINDS, type EntityKind } from '../../model/ontology.ts';
import type { Candidate } from './resolve.ts';
import type { Database } from '../../db/database.ts';
import { READ_CANDIDATES, READ_PERSON_NAMES } from '../write/queries.ts';

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
const number = (v: unknown) =>
  neo4j.isInt(v) ? v.toNumber() : typeof v === 'number' ? v : undefined;

/** Every entity of the given kinds, with names, codes and the countries it concerns. */
export async function readCandidates(
  tx: ManagedTransaction,
  kinds: readonly EntityKind[],
): Promise<Candidate[]> {
  const result = await tx.run<{
    key: string;
    labels: string[];
    properties: Record<string, unknown>;
    countries: string[];
  }>(READ_CANDIDATES, { kinds: [...kinds] });
  return result.records.flatMap((r) => {
    const kind = r
      .get('labels')
      .find((l): l is EntityKind => (ENTITY_KINDS as readonly string[]).includes(l));
    if (!kind) return [];
    const p = r.get('properties');
    const date = p.date;
    return [
      {
        key: r.get('key'),
        kind,
        name: text(p.name) ?? '',
        aliases: Array.isArray(p.aliases)
          ? p.aliases.filter((a): a is string => typeof a === 'string')
          : [],
        officialName: text(p.officialName),
        fullName: text(p.fullName),
        acronym: text(p.acronym),
        demonym: text(p.demonym),
        iso3: text(p.iso3),
        ordinal: number(p.ordinal),
        measure: text(p.measure),
        unit: text(p.unit),
        year: number(p.year),
        period: text(p.period),
        value: number(p.value),
        date: date instanceof neo4j.types.Date ? date.toString() : text(date),
        countries: r.get('countries'),
      },
    ];
  });
}

/** Full names (two words or more) of the persons among the candidates: hints for extraction. */
export function personNamesOf(candidates: readonly Candidate[]): string[] {
  const names = candidates
    .filter((c) => c.kind === 'Person')
    .flatMap((c) => [c.name, ...c.aliases])
    .filter((n) => n.trim().split(/\s+/).length >= 2);
  return [...new Set(names)];
}

/** The graph's person names, read before extraction (outside the writing transaction). */
export async function readPersonNames(db: Database): Promise<string[]> {
  const rows = await db.read(
    async (tx) => (await tx.run<{ name: unknown; aliases: unknown[] }>(READ_PERSON_NAMES)).records,
  );
  return personNamesOf(
    rows.map((r) => ({
      key: '',
      kind: 'Person',
      name: text(r.get('name')) ?? '',
      aliases: r.get('aliases').filter((a): a is string => typeof a === 'string'),
      countries: [],
    })),
  );
}
