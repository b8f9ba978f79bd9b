/**
 * The one gateway to Neo4j for the whole process: one driver, the database always named, reads
 * routed as reads. Transient failures are retried by the driver's managed transactions. The
 * driver itself stays private: everything outside `server/db/` goes through these methods.
 */
import neo4j, {
  type Driver,
  type ManagedTransaction,
  type ServerInfo,
  type Session,
} from 'neo4j-driver';

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

/** How a session of its own is opened by `withSession`. */
export interface SessionOptions {
  mode: 'READ' | 'WRITE';
  /** Another database than the target's, e.g. `system` for administration commands. */
  database?: string;
  /** Records pulled per batch, for streaming reads with a row cap. */
  fetchSize?: number;
}

/** Sessions opened by this gateway and how many of them are still open. */
export interface SessionCounts {
  opened: number;
  open: number;
}

export class Database {
  readonly #driver: Driver;
  #opened = 0;
  #closed = 0;

  constructor(
    readonly target: Neo4jTarget,
    options: { maxTransactionRetryTimeMs?: number } = {},
  ) {
    this.#driver = neo4j.driver(target.uri, neo4j.auth.basic(target.user, target.password), {
      // Fail fast when Neo4j is gone: requests answer 503 instead of hanging.
      connectionTimeout: 3_000,
      connectionAcquisitionTimeout: 5_000,
      maxTransactionRetryTime: options.maxTransactionRetryTimeMs ?? 3_000,
      disableLosslessIntegers: false,
      logging: { level: 'error', logger: () => {} },
    });
  }

  /**
   * Runs `work` with a session of its own, closed afterwards. For what a managed transaction
   * cannot give: the bookmark of a session, a fetch size, auto-commit statements, another
   * database. Prefer `read` and `write` otherwise.
   */
  async withSession<T>(
    options: SessionOptions,
    work: (session: Session) => Promise<T>,
  ): Promise<T> {
    const session = this.#driver.session({
      database: options.database ?? this.target.database,
      defaultAccessMode: options.mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(options.fetchSize === undefined ? {} : { fetchSize: options.fetchSize }),
    });
    this.#opened += 1;
    try {
      return await work(session);
    } finally {
      this.#closed += 1;
      await session.close();
    }
  }

  /** Runs `work` in a managed read transaction (retried on transient errors). */
  read<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.withSession({ mode: 'READ' }, (session) =>
      session.executeRead(work, timeoutMs ? { timeout: timeoutMs } : undefined),
    );
  }

  /** Runs `work` in a managed write transaction (retried on transient errors). */
  write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.withSession({ mode: 'WRITE' }, (session) => session.executeWrite(work));
  }

  /** Runs one auto-commit statement, for schema commands that cannot share a transaction. */
  async runAutoCommit(query: string, params: Record<string, unknown> = {}): Promise<void> {
    await this.withSession({ mode: 'WRITE' }, (session) => session.run(query, params));
  }

  /**
   * The server's agent, address and protocol, asked on a pooled connection without the retries
   * of managed transactions: it fails at once when Neo4j is not there.
   */
  serverInfo(): Promise<ServerInfo> {
    return this.#driver.getServerInfo({ database: this.target.database });
  }

  /** Resolves when a connection to the target database can be opened; throws the driver's error otherwise. */
  async verifyConnectivity(): Promise<void> {
    await this.#driver.verifyConnectivity({ database: this.target.database });
  }

  /** Version, edition and address of the server, via dbms.components(). */
  async serverFacts(): Promise<ServerFacts> {
    const info = await this.serverInfo();
    const components = await this.read(async (tx) => {
      const result = await tx.run<{ version: string; edition: string }>(
        'CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS version, edition',
      );
      return result.records[0];
    });
    return {
      version: components?.get('version') ?? info.agent ?? 'unknown',
      edition: components?.get('edition') ?? 'unknown',
      address: info.address ?? this.target.uri,
    };
  }

  /** Sessions opened so far and still open, so a soak can show none is left behind. */
  sessionCounts(): SessionCounts {
    return { opened: this.#opened, open: this.#opened - this.#closed };
  }

  async close(): Promise<void> {
    await this.#driver.close();
  }
}
