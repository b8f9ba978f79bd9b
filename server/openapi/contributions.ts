/**
 * How a domain outside the explorer documents its routes: call contributeToOpenApi() from its
 * router module with its path items, and register its response schemas in `registry`
 * (schemas.ts) with an id. The document is built when the app is created, after every router
 * module has loaded. tests/server/api-openapi.test.ts fails for any mounted route left out.
 */
import type { Config } from '../config.ts';

export type OpenApiPathItems = Record<string, Record<string, unknown>>;

const contributed: ((config: Config) => OpenApiPathItems)[] = [];

/** Adds path items ("/api/…" → operations) to the document. */
export function contributeToOpenApi(paths: (config: Config) => OpenApiPathItems): void {
  contributed.push(paths);
}

export function contributedPaths(config: Config): OpenApiPathItems {
  return Object.assign({}, ...contributed.map((paths) => paths(config))) as OpenApiPathItems;
}
