/**
 * The validated configuration: parsed once at start-up from the environment into a typed object.
 * Every violation is reported at once. No other module reads process.env.
 */
import { z } from 'zod';

const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'] as const;

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const memory = z.string().regex(/^\d+[kmg]$/i, 'must be a size such as 512m or 2g');
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** A proxy Express can trust: an IPv4/IPv6 address or subnet, or one of its named ranges. */
const TRUSTED_PROXY =
  /^(?:loopback|linklocal|uniquelocal|\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?|[0-9a-f:]*:[0-9a-f:.]*(?:\/\d{1,3})?)$/i;

const EnvSchema = z.object({
  NEO4J_URI: z
    .string()
    .trim()
    .min(1)
    .refine(
      (value) => {
        const scheme = /^([a-z0-9+]+):\/\//i.exec(value)?.[1]?.toLowerCase();
        return scheme !== undefined && (NEO4J_SCHEMES as readonly string[]).includes(scheme);
      },
      { message: `must be a URI with one of the schemes ${NEO4J_SCHEMES.join(', ')}` },
    )
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9.\-_]{0,62}$/, 'must be a valid Neo4j database name')
    .default('neo4j'),
  PORT: int(0, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  QUERY_TIMEOUT_MS: int(100, 600_000).default(15_000),
  QUERY_MAX_ROWS: int(1, 100_000).default(1_000),
  NEIGHBOUR_LIMIT: int(1, 10_000).default(100),
  SEARCH_LIMIT_MAX: int(1, 1_000).default(100),
  SEARCH_SCAN_LIMIT: int(100, 10_000_000).default(50_000),
  PATH_MAX_LENGTH: int(1, 15).default(8),
  CYPHER_MAX_CONCURRENCY: int(1, 64).default(4),
  SEED_ON_FIRST_START: bool.optional(),
  NEO4J_LOCAL_INSTANCE: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'must be a short lower-case name (letters, digits, -)')
    .default('default'),
  NEO4J_LOCAL_BOLT_PORT: int(1, 65535).default(7687),
  NEO4J_LOCAL_HEAP: memory.default('1g'),
  NEO4J_LOCAL_PAGECACHE: memory.default('512m'),
  JAVA_HOME: z.string().optional(),
  WRITE_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
    .optional(),
  CORS_ORIGINS: z
    .string()
    .transform((value) => value.split(',').map((origin) => origin.trim()))
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i,
            'must list origins such as https://example.org (scheme, host, optional port), comma-separated',
          ),
      ),
    )
    .optional(),
  ALLOWED_HOSTS: z
    .string()
    .transform((value) => value.split(',').map((host) => host.trim().toLowerCase()))
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^(?:\*|[a-z0-9.-]+|\[?[0-9a-f:.]+\]?)$/,
            'must list host names or addresses without scheme or port (or *), comma-separated',
          ),
      ),
    )
    .optional(),
  TRUST_PROXY: z
    .string()
    .transform((value, context) => {
      const text = value.trim();
      if (text === '' || text === 'false') return false;
      if (/^\d+$/.test(text)) {
        const hops = Number(text);
        if (hops >= 1 && hops <= 10) return hops;
      } else if (text !== 'true') {
        const entries = text.split(',').map((entry) => entry.trim());
        if (entries.every((entry) => TRUSTED_PROXY.test(entry))) return entries;
      }
      context.addIssue({
        code: 'custom',
        message:
          'must be the number of proxies in front (1–10) or the proxies’ addresses, subnets or loopback/linklocal/uniquelocal, comma-separated; "true" would let any client choose its address',
      });
      return z.NEVER;
    })
    .optional(),
  RATE_LIMIT_WINDOW_MS: int(1_000, 3_600_000).default(60_000),
  RATE_LIMIT_MAX: int(1, 1_000_000).default(3_000),
  RATE_LIMIT_CYPHER_MAX: int(1, 1_000_000).default(300),
  RATE_LIMIT_WRITE_MAX: int(1, 1_000_000).default(60),
});

export interface Config {
  /** Where Neo4j is: an explicit server, or the project-managed local one. */
  neo4j:
    | { kind: 'remote'; uri: string; user: string; password: string; database: string }
    | { kind: 'local'; database: string };
  http: { port: number; host: string };
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  limits: {
    queryTimeoutMs: number;
    queryMaxRows: number;
    neighbourLimit: number;
    searchLimitMax: number;
    /** Nodes a search without a usable full-text index looks at, at most. */
    searchScanLimit: number;
    /** Upper bound for the maxLength of GET /api/paths. */
    pathMaxLength: number;
    /** Cypher console queries running at once; more wait, then get 503. */
    cypherMaxConcurrency: number;
  };
  /** Load the seed graph when the database is empty at start-up. */
  seedOnFirstStart: boolean;
  security: {
    /** Bearer token writing routes require; without one they refuse every request. */
    writeToken: string | undefined;
    /**
     * Host names requests may address (Host header); null: any. Guards a server on loopback
     * against DNS rebinding.
     */
    allowedHosts: string[] | null;
    /** Origins allowed to call the API from a browser; empty = same origin only. */
    corsOrigins: string[];
    /**
     * Proxies whose X-Forwarded-For names the client (Express "trust proxy": a hop count or
     * addresses); false: the peer address is the client's.
     */
    trustProxy: false | number | string[];
    /** Requests per client address and window: all of /api, the console, writing routes. */
    rateLimit: { windowMs: number; max: number; cypherMax: number; writeMax: number };
  };
  local: {
    /** Folder name of the managed instance under .local/neo4j/instances. */
    instance: string;
    boltPort: number;
    heap: string;
    pageCache: string;
    javaHome: string | undefined;
  };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly violations: string[]) {
    super(`Invalid configuration:\n${violations.map((v) => `  - ${v}`).join('\n')}`);
  }
}

/** Parses the environment; throws ConfigError listing every violation. */
/** Names a browser uses for this machine itself. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'];

/**
 * The Host names the server answers for: ALLOWED_HOSTS when set (`*`: any); otherwise, on a
 * loopback address, the loopback names only (a page on another domain that rebinds its name to
 * 127.0.0.1 sends its own name); on any other address, any name.
 */
function allowedHosts(configured: string[] | undefined, bind: string): string[] | null {
  const list = configured?.map((host) => host.replace(/^\[(.*)\]$/, '$1'));
  if (list) return list.includes('*') ? null : [...new Set([...LOOPBACK_HOSTS, ...list])];
  const loopback = LOOPBACK_HOSTS.includes(bind.toLowerCase()) || /^127\./.test(bind);
  // The bound address itself too: 127.0.0.2 is loopback but not one of the usual names.
  return loopback ? [...new Set([...LOOPBACK_HOSTS, bind.toLowerCase()])] : null;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as shells and .env files commonly produce them.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => value !== '' || key === 'NEO4J_PASSWORD'),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  const violations = parsed.success
    ? []
    : parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`,
      );
  // Cross-field rules are checked on the raw values so they are reported with the rest.
  if (cleaned.NEO4J_URI !== undefined && cleaned.NEO4J_PASSWORD === undefined) {
    violations.push(
      'NEO4J_PASSWORD: is required when NEO4J_URI is set (use an empty value for a server without auth)',
    );
  }
  if (!parsed.success || violations.length > 0) throw new ConfigError(violations);
  const e = parsed.data;
  return {
    neo4j: e.NEO4J_URI
      ? {
          kind: 'remote',
          uri: e.NEO4J_URI,
          user: e.NEO4J_USER,
          password: e.NEO4J_PASSWORD ?? '',
          database: e.NEO4J_DATABASE,
        }
      : { kind: 'local', database: e.NEO4J_DATABASE },
    http: { port: e.PORT, host: e.HOST },
    logLevel: e.LOG_LEVEL,
    limits: {
      queryTimeoutMs: e.QUERY_TIMEOUT_MS,
      queryMaxRows: e.QUERY_MAX_ROWS,
      neighbourLimit: e.NEIGHBOUR_LIMIT,
      searchLimitMax: e.SEARCH_LIMIT_MAX,
      searchScanLimit: e.SEARCH_SCAN_LIMIT,
      pathMaxLength: e.PATH_MAX_LENGTH,
      cypherMaxConcurrency: e.CYPHER_MAX_CONCURRENCY,
    },
    // Seeding writes: on by default only for the project-managed database.
    seedOnFirstStart: e.SEED_ON_FIRST_START ?? e.NEO4J_URI === undefined,
    security: {
      writeToken: e.WRITE_TOKEN,
      corsOrigins: e.CORS_ORIGINS ?? [],
      allowedHosts: allowedHosts(e.ALLOWED_HOSTS, e.HOST),
      trustProxy: e.TRUST_PROXY ?? false,
      rateLimit: {
        windowMs: e.RATE_LIMIT_WINDOW_MS,
        max: e.RATE_LIMIT_MAX,
        cypherMax: e.RATE_LIMIT_CYPHER_MAX,
        writeMax: e.RATE_LIMIT_WRITE_MAX,
      },
    },
    local: {
      instance: e.NEO4J_LOCAL_INSTANCE,
      boltPort: e.NEO4J_LOCAL_BOLT_PORT,
      heap: e.NEO4J_LOCAL_HEAP,
      pageCache: e.NEO4J_LOCAL_PAGECACHE,
      javaHome: e.JAVA_HOME,
    },
  };
}
