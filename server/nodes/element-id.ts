/**
 * Node and relationship ids in the API are Neo4j element ids ("4:<database uuid>:<n>"). They are
 * URL-safe as path segments (":" is allowed there); clients should still encodeURIComponent them.
 */
import { z } from 'zod';

/** Neo4j 5 element ids: entity kind, database id, local id. Lenient on the middle part. */
const ELEMENT_ID = /^\d+:[A-Za-z0-9-]{1,64}:\d{1,20}$/;

export const ElementIdSchema = z
  .string({ error: 'is required: a Neo4j element id' })
  .trim()
  .regex(ELEMENT_ID, 'is not a Neo4j element id (expected e.g. 4:2f5c…:12, URL-encoded)');

export function isElementId(value: string): boolean {
  return ELEMENT_ID.test(value);
}
