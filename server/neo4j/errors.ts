/** Typed failures of the managed local Neo4j, each with a stable id the CLI prints and tests match on. */
export type LocalNeo4jErrorId =
  | 'java-missing'
  | 'java-version'
  | 'maven-missing'
  | 'download-failed'
  | 'port-in-use'
  | 'store-locked'
  | 'start-timeout'
  | 'start-failed'
  | 'stop-timeout'
  | 'not-installed';

export class LocalNeo4jError extends Error {
  override readonly name = 'LocalNeo4jError';
  constructor(
    readonly id: LocalNeo4jErrorId,
    message: string,
    /** The last lines of Neo4j's own log, where they explain the failure. */
    readonly logTail?: string,
  ) {
    super(message);
  }
}
