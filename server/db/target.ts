/**
 * Which Neo4j to talk to: the server named by NEO4J_URI, or else the project-managed local one,
 * started (or reused) on demand. Shared by `npm start` and the command-line tools.
 */
import { start as startLocal } from '../neo4j/instance.ts';
import { localInstanceOptions } from '../neo4j/default-instance.ts';
import type { Config } from '../config.ts';
import type { Neo4jTarget } from './database.ts';

export interface ResolvedTarget {
  target: Neo4jTarget;
  /** Present when the managed local instance serves: whether it was already running, start time. */
  local?: { reused: boolean; startMs: number };
}

/** Resolves the configured target, starting the managed local Neo4j when NEO4J_URI is unset. */
export async function resolveTarget(
  config: Config,
  progress: (line: string) => void,
): Promise<ResolvedTarget> {
  if (config.neo4j.kind === 'remote') {
    const { uri, user, password, database } = config.neo4j;
    return { target: { uri, user, password, database } };
  }
  const started = await startLocal(localInstanceOptions(config, progress));
  const { uri, user, password } = started.state;
  return {
    target: { uri, user, password, database: config.neo4j.database },
    local: { reused: started.reused, startMs: started.startMs },
  };
}
