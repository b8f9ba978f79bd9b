/**
 * Helpers for the Explorer API tests: an app served on a free port against the suite's Neo4j,
 * JSON requests, and response validation with the schemas the OpenAPI document is built from.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import type { z } from 'zod';
import { createApp } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import type { Discovery } from '../../server/discovery/router.ts';
import { problemType, type ProblemId } from '../../server/http/problems.ts';
import { createLogger } from '../../server/log.ts';
import { ProblemSchema } from '../../common/contract/explorer.ts';

export interface Served {
  base: string;
  config: Config;
  /** The app's discovery domain (its projection cache). */
  discovery: Discovery;
  close: () => Promise<void>;
}

/** Serves the whole app on 127.0.0.1:<free port>; `env` adjusts the configuration. */
export async function serve(db: Database, env: Record<string, string> = {}): Promise<Served> {
  const config = loadConfig(env);
  let discovery: Discovery | undefined;
  const app = createApp({
    db,
    config,
    log: createLogger('silent'),
    onDiscovery: (d) => (discovery = d),
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    config,
    discovery: discovery as Discovery,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function get(base: string, path: string): Promise<JsonResponse> {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

export async function post(base: string, path: string, body: unknown): Promise<JsonResponse> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** Asserts a 200 whose body matches the documented schema, and returns it typed. */
export function ok<S extends z.ZodType>(response: JsonResponse, schema: S): z.infer<S> {
  if (response.status !== 200) {
    throw new Error(`expected 200, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  const parsed = schema.safeParse(response.body);
  if (!parsed.success) {
    throw new Error(`response does not match its documented schema: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** Asserts a problem+json of the given type and status; returns the problem for more checks. */
export function problem(
  response: JsonResponse,
  id: ProblemId,
  status: number,
): z.infer<typeof ProblemSchema> {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  const parsed = ProblemSchema.parse(response.body);
  expect(parsed.type).toBe(problemType(id));
  expect(JSON.stringify(parsed)).not.toMatch(/\bat .*\.ts:\d+|node_modules|Neo4jError:/);
  return parsed;
}

export const enc = encodeURIComponent;
