/**
 * The one gateway to Neo4j for the whole process: one driver, the database always named, reads
 * routed as reads. Transient failures are retried by the driver's managed transactions.
 */
import neo4j, { type Driver, type ManagedTransaction, type SessionConfig } from 'neo4j-driver';

export interface Neo4jTarget {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export interface ServerFacts {
  version: string;
  edition: string;
  address: string;
}

export class Database {
  readonly driver: Driver;

  constructor(
    readonly target: Neo4jTarget,
    options: { maxTransactionRetryTimeMs?: number } = {},
  ) {
    this.driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
      // Fail fast when Neo4j is gone: requests answer 503 instead of hanging.
      connectionTimeout: 3_000,
      connectionAcquisitionTimeout: 5_000,
      maxTransactionRetryTime: options.maxTransactionRetryTimeMs ?? 3_000,
      disableLosslessIntegers: false,
      logging: { level: 'error', logger: () => {} },
    });
  }

  private session(mode: 'READ' | 'WRITE', extra: Partial<SessionConfig> = {}) {
    return this.driver.session({
      database: this.target.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...extra,
    });
  }

  /** Runs `work` in a managed read transaction (retried on transient errors). */
  async read<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    const session = this.session('READ');
    try {
      return await session.executeRead(work, timeoutMs ? { timeout: timeoutMs } : undefined);
    } finally {
      await session.close();
    }
  }

  /** Runs `work` in a managed write transaction (retried on transient errors). */
  async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(work);
    } finally {
      await session.close();
    }
  }

  /** Runs one auto-commit statement, for schema commands that cannot share a transaction. */
  async runAutoCommit(query: string, params: Record<string, unknown> = {}): Promise<void> {
    const session = this.session('WRITE');
    try {
      await session.run(query, params);
    } finally {
      await session.close();
    }
  }

  /** Version, edition and address of the server, via dbms.components(). */
  async serverFacts(): Promise<ServerFacts> {
    const info = await this.driver.getServerInfo({ database: this.target.database });
    const components = await this.read(async (tx) => {
      const result = await tx.run(
        'CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition',
      );
      return result.records[0];
    });
    return {
      version: (components?.get('version') as string | undefined) ?? info.agent ?? 'unknown',
      edition: (components?.get('edition') as string | undefined) ?? 'unknown',
      address: info.address ?? this.target.uri,
    };
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
