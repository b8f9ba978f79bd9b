/**
 * GET /api/openapi.json matches the implementation: every route the app mounts is documented
 * with its method, every reference resolves, and the documented bounds are the configured ones.
 * (The other API tests validate real responses with the schemas the document is generated from.)
 */
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { createLogger } from '../../server/log.ts';
import { openTestDatabase } from '../support/neo4j.ts';
import { get, serve, type Served } from './api-harness.ts';

interface Layer {
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every "METHOD /path" the app routes, from Express's own router stack. */
function mountedRoutes(app: Express): string[] {
  const routes: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          routes.push(`${method.toUpperCase()} ${prefix}${layer.route.path}`);
        }
      } else if (layer.handle?.stack) {
        const mount = layer.rawPath && layer.rawPath !== '/' ? layer.rawPath : '';
        walk(layer.handle.stack, `${prefix}${mount}`);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return routes;
}

type OpenApi = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { parameters?: { name: string; schema: Record<string, unknown> }[] }>
  >;
  components: { schemas: Record<string, unknown> };
};

let db: Database;
let app: Served;
let document: OpenApi;

beforeAll(async () => {
  db = openTestDatabase();
  app = await serve(db, { SEARCH_LIMIT_MAX: '42', PATH_MAX_LENGTH: '6' });
  const response = await get(app.base, '/api/openapi.json');
  expect(response.status).toBe(200);
  document = response.body as OpenApi;
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with the app version', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(JSON.stringify(document)).not.toContain('"$schema"');
  });

  it('documents every mounted API route, and nothing that is not mounted', () => {
    const expressApp = createApp({ db, config: loadConfig({}), log: createLogger('silent') });
    const mounted = mountedRoutes(expressApp)
      .filter((r) => r.split(' ')[1]?.startsWith('/api/'))
      .map((r) => r.replace(/:(\w+)/g, '{$1}'))
      .sort();
    const documented = Object.entries(document.paths)
      .flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    expect(mounted).toContain('GET /api/nodes/{id}/neighbours');
    expect(mounted).toContain('POST /api/cypher');
    expect(documented).toEqual(mounted);
  });

  it('resolves every $ref to a component', () => {
    const refs = [
      ...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g),
    ].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(document.components.schemas, ref).toHaveProperty(ref as string);
  });

  it('documents the guards: 403 host check, 429 wherever a rate limit counts, 401 where the write token is needed', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${path}`,
        statuses: Object.keys((operation as { responses: Record<string, unknown> }).responses),
      })),
    );
    expect(operations.length).toBeGreaterThan(10);
    for (const { name, statuses } of operations) {
      expect(statuses.includes('429'), name).toBe(name !== 'GET /api/health');
      expect(statuses.includes('401'), name).toBe(name === 'POST /api/documents');
      expect(statuses, name).toContain('403');
    }
  });

  it('describes every answer by a named shape and every parameter in words', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        name: `${method.toUpperCase()} ${path}`,
        operation: operation as {
          parameters?: { name: string; description?: string; schema: object }[];
          responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
        },
      })),
    );
    for (const { name, operation } of operations) {
      if (name === 'GET /api/openapi.json') continue;
      const ok = operation.responses['200']?.content?.['application/json']?.schema;
      expect(ok?.$ref, name).toMatch(
        /^#\/components\/schemas\/\w+Response$|^#\/components\/schemas\/Document\w+$/,
      );
      for (const parameter of operation.parameters ?? []) {
        expect(parameter.description, `${name} ${parameter.name}`).toMatch(/\w{3}/);
        expect(Object.keys(parameter.schema).length, `${name} ${parameter.name}`).toBeGreaterThan(
          0,
        );
      }
    }
  });

  it('states the configured bounds', () => {
    const parameter = (path: string, name: string) =>
      document.paths[path]?.get?.parameters?.find((p) => p.name === name)?.schema;
    expect(parameter('/api/search', 'limit')).toMatchObject({ maximum: 42, default: 20 });
    expect(parameter('/api/search', 'q')).toMatchObject({ minLength: 1, maxLength: 200 });
    expect(parameter('/api/discovery/interpret', 'q')).toMatchObject({ minLength: 1 });
    expect(parameter('/api/paths', 'maxLength')).toMatchObject({ maximum: 6, default: 4 });
    expect(parameter('/api/nodes/{id}/neighbours', 'limit')).toMatchObject({ default: 100 });
  });
});
