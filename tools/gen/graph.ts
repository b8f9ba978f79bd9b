/**
 * A deterministic synthetic graph of exactly `rels` relationships: the standing world first, then
 * meetings until the budget is spent. Yielded in chunks whose nodes come before any relationship
 * that needs them, so a 1M-relationship graph streams into Neo4j in bounded memory.
 */
import { Random } from './prng.ts';
import { MeetingStream } from './meetings.ts';
import type { NodeRow, RelationshipRow } from './rows.ts';
import { buildWorld, countryCount, type World } from './world.ts';

export interface GenerateOptions {
  /** Exact number of relationships to generate. */
  rels: number;
  seed: string;
  /** Meetings per chunk. */
  chunkMeetings?: number;
}

export interface Chunk {
  nodes: NodeRow[];
  relationships: RelationshipRow[];
}

export const MIN_RELS = 100;
export const MAX_RELS = 20_000_000;
const DEFAULT_CHUNK_MEETINGS = 500;

export class GenerateOptionsError extends Error {
  override readonly name = 'GenerateOptionsError';
}

export function checkOptions(options: GenerateOptions): void {
  if (!Number.isInteger(options.rels) || options.rels < MIN_RELS || options.rels > MAX_RELS) {
    throw new GenerateOptionsError(
      `rels must be a whole number from ${MIN_RELS} to ${MAX_RELS.toLocaleString('en')} (got ${options.rels})`,
    );
  }
  if (options.seed.length === 0) throw new GenerateOptionsError('seed must not be empty');
}

/** The world a graph of this size and seed stands in (islands, home country, hubs). */
export function worldFor(options: GenerateOptions): World {
  return buildWorld(new Random(`${options.seed}:world`), countryCount(options.rels));
}

/** Yields the graph chunk by chunk; the relationships add up to exactly `rels`. */
export function* generateGraph(options: GenerateOptions): Generator<Chunk> {
  checkOptions(options);
  const world = worldFor(options);
  let budget = options.rels;
  const take = (rows: RelationshipRow[]) => {
    const kept = rows.length <= budget ? rows : rows.slice(0, budget);
    budget -= kept.length;
    return kept;
  };
  yield { nodes: world.nodes, relationships: take(world.relationships) };

  const meetings = new MeetingStream(new Random(`${options.seed}:meetings`), world);
  const perChunk = options.chunkMeetings ?? DEFAULT_CHUNK_MEETINGS;
  for (let index = 0; budget > 0;) {
    const chunk: Chunk = { nodes: [], relationships: [] };
    for (let i = 0; i < perChunk && budget > 0; i += 1, index += 1) {
      const meeting = meetings.next(index);
      chunk.nodes.push(...meeting.nodes);
      chunk.relationships.push(...take(meeting.relationships));
    }
    yield chunk;
  }
}
