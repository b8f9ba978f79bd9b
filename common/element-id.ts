/**
 * Which element ids name stored elements. Neo4j 5 element ids are "<kind>:<database id>:<n>";
 * nodes and relationships that procedures make up on the fly (`db.schema.visualization()`) carry
 * other ids (negative numbers) and exist only in the answer that returned them.
 */

/** Neo4j 5 element ids: entity kind, database id, local id. Lenient on the middle part. */
export const STORED_ELEMENT_ID = /^\d+:[A-Za-z0-9-]{1,64}:\d{1,20}$/;

/** Whether `id` can name a stored node or relationship (and so be looked up). */
export function isStoredElementId(id: string): boolean {
  return STORED_ELEMENT_ID.test(id);
}
