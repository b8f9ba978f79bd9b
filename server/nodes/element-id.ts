/**
 * Node and relationship ids in the API are Neo4j element ids ("4:<database uuid>:<n>"). They are
 * URL-safe as path segments (":" is allowed there); clients should still encodeURIComponent them.
 */
import { z } from 'zod';
import { STORED_ELEMENT_ID as ELEMENT_ID } from '../../common/element-id.ts';

export const ElementIdSchema = z
  .string({ error: 'is required: a Neo4j element id' })
  .trim()
  .regex(ELEMENT_ID, 'is not a Neo4j element id (expected e.g. 4:2f5c…:12, URL-encoded)');

export function isElementId(value: string): boolean {
  return ELEMENT_ID.test(value);
}
