/**
 * The registry of named API shapes: every schema registered here becomes a component of the
 * OpenAPI document (server/openapi/document.ts), under its id.
 */
import { z } from 'zod';
import { STORED_ELEMENT_ID } from '../element-id.ts';

export const registry = z.registry<{ id: string; description?: string }>();

/** Ids of request shapes: documented as a client writes them (defaults optional), not as parsed. */
export const requestComponents = new Set<string>();

/** Registers `schema` as the component `id` and returns it. */
export function component<T extends z.ZodType>(
  id: string,
  schema: T,
  description?: string,
  io?: 'input',
): T {
  registry.add(schema, description ? { id, description } : { id });
  if (io === 'input') requestComponents.add(id);
  return schema;
}

export const count = z.number().int().min(0);

export const elementId = z
  .string()
  .describe('A Neo4j element id, e.g. "4:2f5c…:12"; URL-encode it in paths.');

/** An element id in a request: validated, since it will be looked up. */
export const storedElementId = z
  .string({ error: 'is required: a Neo4j element id' })
  .trim()
  .regex(STORED_ELEMENT_ID, 'is not a Neo4j element id (expected e.g. 4:2f5c…:12, URL-encoded)');
