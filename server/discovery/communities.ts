/**
 * The communities an answer lists: largest first, each with its most central members and its
 * most frequent kind. Reads captions and labels from the projection, so it runs in the worker.
 */
import type { CommunitySummary } from '../../common/api.ts';
import { kindOf } from './kind.ts';
import { COMMUNITY_TOP_MEMBERS } from './limits.ts';
import type { ProjectionGraph } from './projection.ts';

/** Communities listed at most (the largest); isolated nodes each form one. */
export const COMMUNITIES_LISTED = 50;

/**
 * The communities of the ranked nodes: the COMMUNITIES_LISTED largest, or exactly those in
 * `only`. Community ids are numbered by size, so sorting by id sorts by size.
 */
export function summariseCommunities(
  graph: ProjectionGraph,
  ranked: readonly string[],
  communityOf: (node: string) => number | undefined,
  only?: ReadonlySet<number>,
): CommunitySummary[] {
  const byId = new Map<number, string[]>();
  for (const node of ranked) {
    const id = communityOf(node);
    if (id === undefined) continue;
    const list = byId.get(id) ?? [];
    list.push(node);
    byId.set(id, list);
  }
  const listed = [...byId.entries()].sort(([a], [b]) => a - b);
  return (only ? listed.filter(([id]) => only.has(id)) : listed.slice(0, COMMUNITIES_LISTED)).map(
    ([id, members]) => {
      const kinds = new Map<string, number>();
      for (const node of members) {
        const kind = kindOf(graph.getNodeAttribute(node, 'labels'));
        if (kind) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      }
      const kind = [...kinds.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
      return {
        id,
        size: members.length,
        members: members.slice(0, COMMUNITY_TOP_MEMBERS).map((node) => ({
          node,
          caption: graph.getNodeAttribute(node, 'caption'),
        })),
        kind: kind ? kind[0] : null,
      };
    },
  );
}
