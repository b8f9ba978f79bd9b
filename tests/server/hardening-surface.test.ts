/**
 * The HTTP surface against a real Neo4j: security headers and the content security policy, CORS
 * closed by default, the write token on every state-changing request, rate limits, size limits,
 * request ids, and error answers that carry no internals.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type ConfigError } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { hostName } from '../../server/security/host.ts';
import { localWriteToken } from '../../server/security/local-token.ts';
import { bearerToken, tokenMatches } from '../../server/security/write-token.ts';
import { openTestDatabase } from '../support/neo4j.ts';
import { problem, serve, type JsonResponse, type Served } from './api-harness.ts';

const TOKEN = 'correct-horse-battery-staple-42';

async function request(
  base: string,
  pathAndQuery: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<JsonResponse & { text: string }> {
  const response = await fetch(`${base}${pathAndQuery}`, {
    ...init,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (e.g. an empty preflight answer)
  }
  return { status: response.status, headers: response.headers, body, text };
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

let db: Database;
const served: Served[] = [];
async function app(env: Record<string, string> = {}): Promise<Served> {
  const s = await serve(db, env);
  served.push(s);
  return s;
}

beforeAll(() => {
  db = openTestDatabase();
});
afterAll(async () => {
  for (const s of served) await s.close();
  await db.close();
});

describe('configuration', () => {
  it('reports every bad security setting at once', () => {
    let violations: string[] = [];
    try {
      loadConfig({
        WRITE_TOKEN: 'short',
        CORS_ORIGINS: 'https://ok.example, *, https://x.example/path',
        RATE_LIMIT_MAX: '0',
        RATE_LIMIT_WINDOW_MS: 'soon',
        TRUST_PROXY: 'true',
      });
    } catch (error) {
      violations = (error as ConfigError).violations;
    }
    expect(violations.map((v) => v.split(':')[0])).toEqual(
      expect.arrayContaining([
        'WRITE_TOKEN',
        'CORS_ORIGINS.1',
        'CORS_ORIGINS.2',
        'RATE_LIMIT_MAX',
        'RATE_LIMIT_WINDOW_MS',
        'TRUST_PROXY',
      ]),
    );
    for (const bad of ['0', '11', 'everyone', '10.0.0.1, *']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
    expect(loadConfig({ TRUST_PROXY: '1' }).security.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, ::1' }).security.trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '::1',
    ]);
    const config = loadConfig({
      WRITE_TOKEN: TOKEN,
      CORS_ORIGINS: 'https://a.example,http://b:8080',
    });
    expect(config.security).toEqual({
      writeToken: TOKEN,
      allowedHosts: ['localhost', '127.0.0.1', '::1'],
      corsOrigins: ['https://a.example', 'http://b:8080'],
      trustProxy: false,
      rateLimit: { windowMs: 60_000, max: 3_000, cypherMax: 300, writeMax: 60 },
    });
    expect(loadConfig({}).security.writeToken).toBeUndefined();
  });
});

describe('security headers', () => {
  it('sends a strict content security policy and the usual protective headers', async () => {
    const { base } = await app();
    const response = await request(base, '/api/openapi.json');
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives['default-src']).toBe("'self'");
    expect(directives['script-src']).toBe("'self'");
    expect(directives['style-src']).toBe("'self'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(directives['base-uri']).toBe("'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('sends them on problems too', async () => {
    const { base } = await app();
    const response = await request(base, '/api/no-such-route');
    problem(response, 'not-found', 404);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});

describe('CORS', () => {
  const preflight = (origin: string, method = 'POST') => ({
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': 'content-type',
    },
  });

  it('is closed by default: no origin is allowed, not even on preflight', async () => {
    const { base } = await app();
    const simple = await request(base, '/api/openapi.json', {
      headers: { origin: 'https://evil.example' },
    });
    expect(simple.status).toBe(200);
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await request(base, '/api/cypher', preflight('https://evil.example'));
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('allows exactly the configured origins, without credentials', async () => {
    const { base } = await app({ CORS_ORIGINS: 'https://viewer.example, http://localhost:5173' });
    const pre = await request(base, '/api/cypher', preflight('https://viewer.example'));
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://viewer.example');
    expect(pre.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
    const simple = await request(base, '/api/openapi.json', {
      headers: { origin: 'http://localhost:5173' },
    });
    expect(simple.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(simple.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    for (const origin of ['https://viewer.example.evil', 'http://viewer.example', 'null']) {
      const other = await request(base, '/api/cypher', preflight(origin));
      expect(other.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });
});

describe('the write token', () => {
  it('compares tokens by digest and reads only well-formed bearer headers', () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokenMatches('', TOKEN)).toBe(false);
    expect(bearerToken(`Bearer ${TOKEN}`)).toBe(TOKEN);
    expect(bearerToken(`bearer   ${TOKEN} `)).toBe(TOKEN);
    expect(bearerToken(`Basic ${TOKEN}`)).toBeUndefined();
    expect(bearerToken(`Bearer ${TOKEN} extra`)).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });

  const writes: [string, string][] = [
    ['POST', '/api/documents'],
    ['PUT', '/api/documents/1'],
    ['PATCH', '/api/nodes/1'],
    ['DELETE', '/api/nodes/1'],
    ['POST', '/api/seed'],
    ['POST', '/api/admin/reset'],
    // A read-only route's path under another method or spelling is still a write attempt.
    ['DELETE', '/api/cypher'],
    ['POST', '/api/Cypher/'],
  ];

  it.each(writes)(
    '%s %s without a token answers 401 with a Bearer challenge',
    async (method, p) => {
      const { base } = await app({ WRITE_TOKEN: TOKEN });
      const response = await request(base, p, {
        method,
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      const body = problem(response, 'unauthorized', 401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="summit-graph"');
      expect(body.detail).toContain('Authorization: Bearer');
    },
  );

  it('refuses a wrong or malformed token, and does not echo it', async () => {
    const { base } = await app({ WRITE_TOKEN: TOKEN });
    for (const [authorization, error] of [
      [`Bearer ${TOKEN.slice(0, -1)}`, 'invalid_token'],
      [`Bearer ${TOKEN}${TOKEN}`, 'invalid_token'],
      [`Basic ${Buffer.from(`neo4j:${TOKEN}`).toString('base64')}`, 'invalid_request'],
      ['Bearer', 'invalid_request'],
    ] as const) {
      const response = await request(base, '/api/documents', json({}, { authorization }));
      problem(response, 'unauthorized', 401);
      expect(response.headers.get('www-authenticate')).toBe(
        `Bearer realm="summit-graph", error="${error}"`,
      );
      expect(response.text).not.toContain(TOKEN.slice(0, 12));
    }
  });

  it('lets the right token through to the route', async () => {
    const { base } = await app({ WRITE_TOKEN: TOKEN });
    const response = await request(
      base,
      '/api/admin/reset',
      json({}, { authorization: `Bearer ${TOKEN}` }),
    );
    // Past the guard: no such route, so the router's own answer.
    problem(response, 'not-found', 404);
  });

  it('refuses every write when no token is configured (a remote database without WRITE_TOKEN)', async () => {
    const { base } = await app();
    const response = await request(
      base,
      '/api/documents',
      json({}, { authorization: `Bearer ${TOKEN}` }),
    );
    const body = problem(response, 'unauthorized', 401);
    expect(body.detail).toContain('no WRITE_TOKEN is configured');
  });

  it('does not ask the read-only console or GET routes for a token', async () => {
    const { base } = await app({ WRITE_TOKEN: TOKEN });
    expect((await request(base, '/api/cypher', json({ query: 'RETURN 1 AS one' }))).status).toBe(
      200,
    );
    expect((await request(base, '/api/schema')).status).toBe(200);
  });

  it('is generated once for the local default and kept across restarts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summit-token-'));
    const file = path.join(dir, 'state', 'write-token');
    const first = localWriteToken(file);
    expect(first.created).toBe(true);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = localWriteToken(file);
    expect(again).toEqual({ token: first.token, file, created: false });
    fs.writeFileSync(file, 'short\n');
    const replaced = localWriteToken(file);
    expect(replaced.created).toBe(true);
    expect(replaced.token).not.toBe(first.token);
    fs.rmSync(dir, { recursive: true });
  });
});

/** GET with a Host header of our choosing (fetch does not let a caller set it). */
function getWithHost(base: string, path: string, host: string): Promise<JsonResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers: { host } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const headers = new Headers();
          for (const [key, value] of Object.entries(response.headers)) {
            if (typeof value === 'string') headers.set(key, value);
          }
          resolve({ status: response.statusCode ?? 0, headers, body: JSON.parse(text) as unknown });
        });
      })
      .on('error', reject);
  });
}

describe('host names (DNS rebinding)', () => {
  it('reads the host name of a Host header', () => {
    expect(hostName('localhost:3000')).toBe('localhost');
    expect(hostName('[::1]:3000')).toBe('::1');
    expect(hostName('[::1]')).toBe('::1');
    expect(hostName('Summit.Example')).toBe('summit.example');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
  });

  it('answers only for loopback names on loopback, and for the names ALLOWED_HOSTS adds', async () => {
    expect(loadConfig({}).security.allowedHosts).toEqual(['localhost', '127.0.0.1', '::1']);
    expect(loadConfig({ HOST: '0.0.0.0' }).security.allowedHosts).toBeNull();
    expect(loadConfig({ HOST: '127.0.0.2' }).security.allowedHosts).toContain('127.0.0.2');
    expect(loadConfig({ ALLOWED_HOSTS: '*' }).security.allowedHosts).toBeNull();
    expect(() => loadConfig({ ALLOWED_HOSTS: 'https://x.example' })).toThrow(/ALLOWED_HOSTS/);

    const { base } = await app();
    const port = new URL(base).port;
    expect((await getWithHost(base, '/api/openapi.json', `localhost:${port}`)).status).toBe(200);
    expect((await getWithHost(base, '/api/openapi.json', `[::1]:${port}`)).status).toBe(200);
    const refused = await getWithHost(base, '/api/openapi.json', `rebound.example:${port}`);
    const body = problem(refused, 'host-not-allowed', 403);
    expect(body.detail).toContain('"rebound.example"');
    // The app shell is refused too, not only the API.
    expect((await getWithHost(base, '/', 'rebound.example')).status).toBe(403);

    const named = await app({ ALLOWED_HOSTS: 'Summit.example' });
    expect((await getWithHost(named.base, '/api/openapi.json', 'summit.example')).status).toBe(200);
    expect((await getWithHost(named.base, '/api/openapi.json', 'localhost')).status).toBe(200);
    problem(
      await getWithHost(named.base, '/api/openapi.json', 'other.example'),
      'host-not-allowed',
      403,
    );
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After once the API budget is spent; health is exempt', async () => {
    const { base } = await app({ RATE_LIMIT_MAX: '3' });
    for (let i = 0; i < 3; i++) {
      const ok = await request(base, '/api/openapi.json');
      expect(ok.status).toBe(200);
      expect(ok.headers.get('ratelimit')).toMatch(/r=\d+/);
    }
    const limited = await request(base, '/api/openapi.json');
    const body = problem(limited, 'rate-limited', 429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(body.detail).toContain('at most 3 per 60 s');
    expect((await request(base, '/api/health')).status).toBe(200);
  });

  it('counts the client a trusted proxy names, and only then', async () => {
    const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
    // Trusted (the test's loopback peer is the proxy): each forwarded client has its budget.
    const proxied = await app({ RATE_LIMIT_MAX: '2', TRUST_PROXY: 'loopback' });
    for (let i = 0; i < 2; i++) {
      expect((await request(proxied.base, '/api/openapi.json', from('198.51.100.7'))).status).toBe(
        200,
      );
    }
    problem(
      await request(proxied.base, '/api/openapi.json', from('198.51.100.7')),
      'rate-limited',
      429,
    );
    expect((await request(proxied.base, '/api/openapi.json', from('203.0.113.9'))).status).toBe(
      200,
    );
    // Not trusted: the header is ignored and everyone behind the peer shares one budget.
    const direct = await app({ RATE_LIMIT_MAX: '2' });
    expect((await request(direct.base, '/api/openapi.json', from('198.51.100.7'))).status).toBe(
      200,
    );
    expect((await request(direct.base, '/api/openapi.json', from('203.0.113.9'))).status).toBe(200);
    problem(
      await request(direct.base, '/api/openapi.json', from('192.0.2.1')),
      'rate-limited',
      429,
    );
  });

  it('gives the console and writing routes budgets of their own', async () => {
    const { base } = await app({
      RATE_LIMIT_CYPHER_MAX: '2',
      RATE_LIMIT_WRITE_MAX: '2',
      WRITE_TOKEN: TOKEN,
    });
    const query = json({ query: 'RETURN 1 AS one' });
    expect((await request(base, '/api/cypher', query)).status).toBe(200);
    expect((await request(base, '/api/cypher', query)).status).toBe(200);
    problem(await request(base, '/api/cypher', query), 'rate-limited', 429);
    // Other routes still answer.
    expect((await request(base, '/api/schema')).status).toBe(200);
    // Failed token guesses spend the writing budget too: no brute force at full speed.
    problem(await request(base, '/api/documents', json({})), 'unauthorized', 401);
    problem(await request(base, '/api/documents', json({})), 'unauthorized', 401);
    problem(
      await request(base, '/api/documents', json({}, { authorization: `Bearer ${TOKEN}` })),
      'rate-limited',
      429,
    );
  });
});

describe('size limits and bad requests', () => {
  it('refuses a body over 1 MB with 413, before parsing it', async () => {
    const { base } = await app();
    const huge = json({ query: `RETURN '${'x'.repeat(1_100_000)}'` });
    problem(await request(base, '/api/cypher', huge), 'payload-too-large', 413);
  });

  it('answers malformed JSON and odd bodies with 400, without internals', async () => {
    const { base } = await app();
    const cases = [
      '{"query": ',
      '{"query": "RETURN 1", "__proto__": {"admin": true}}',
      '[1, 2, 3]',
      '"RETURN 1"',
      '{"query": {"$ne": null}}',
      `{"query": "RETURN 1", "params": ${'['.repeat(5000)}${']'.repeat(5000)}}`,
    ];
    for (const body of cases) {
      const response = await request(base, '/api/cypher', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status, body.slice(0, 60)).toBeGreaterThanOrEqual(400);
      expect(response.status, body.slice(0, 60)).toBeLessThan(500);
      expect(response.text).not.toMatch(/\bat .*\.(ts|js):\d+|node_modules|SyntaxError|stack/);
    }
  });

  it('refuses oversized headers and URLs at the HTTP layer without crashing', async () => {
    const { base } = await app();
    const long = await request(base, `/api/search?q=${'a'.repeat(40_000)}`);
    expect(long.status).toBe(431);
    expect((await request(base, '/api/openapi.json')).status).toBe(200);
  });

  it('hides internals when Neo4j refuses the credentials', async () => {
    const { Database } = await import('../../server/db/database.ts');
    const password = 'wrong-password-hardening-7c1f';
    const misconfigured = new Database({ ...db.target, password });
    const s = await serve(misconfigured);
    try {
      const response = await request(s.base, '/api/schema');
      expect(response.status).toBeGreaterThanOrEqual(500);
      expect(response.text).not.toContain(password);
      expect(response.text).not.toMatch(/Neo4jError|\bat .*\.(ts|js):\d+|node_modules/);
    } finally {
      await s.close();
      await misconfigured.close();
    }
  });
});

describe('request ids', () => {
  it('gives every response an X-Request-Id, keeping a well-formed one from the caller', async () => {
    const { base } = await app();
    const fresh = await request(base, '/api/openapi.json');
    expect(fresh.headers.get('x-request-id')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    const kept = await request(base, '/api/openapi.json', {
      headers: { 'x-request-id': 'trace-42.a:b' },
    });
    expect(kept.headers.get('x-request-id')).toBe('trace-42.a:b');
    const replaced = await request(base, '/api/nope', {
      headers: { 'x-request-id': 'has spaces and <html>' },
    });
    expect(replaced.headers.get('x-request-id')).not.toContain('html');
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
