/**
 * The vocabulary the server and the client share: every JSON shape that crosses /api, as the
 * types inferred from the zod schemas of common/contract/, where each shape is defined once.
 * Types only (and one plain bound): importing this module brings no zod into a bundle.
 */
export type * from './contract/explorer.ts';
export type * from './contract/discovery.ts';
export type * from './contract/documents.ts';

/** Nodes one POST /api/discovery/centrality/members request may name (a large canvas). */
export const CENTRALITY_MEMBERS_MAX_IDS = 5_000;
