/**
 * Which colour each community gets on the canvas, and what the legend says about it. The
 * communities shown get distinct colour-blind-safe hues in order (largest first); when more
 * communities are shown than there are hues, the smallest share one neutral "other" colour
 * rather than two communities silently sharing a hue.
 */
import type { CentralityMembersResponse, CommunitySummary } from '../../../common/api.ts';

/** Okabe–Ito first, then more hues that stay apart from them. */
export const COMMUNITY_COLOURS = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#8C564B',
  '#17BECF',
  '#7F3C8D',
] as const;
/** The colour the communities beyond the hues share. */
export const OTHER_COMMUNITIES = '#9E9E9E';
/** Nodes that no community holds (sources, nodes outside the scope or window). */
export const OUTSIDE_COMMUNITIES = '#E4E4E4';

export interface CommunityEntry {
  community: CommunitySummary;
  colour: string;
  /** Members of this community on the canvas. */
  shown: string[];
}

export interface CommunityColours {
  colourOf(community: number): string;
  /** One entry per community on the canvas, largest first. */
  entries: CommunityEntry[];
  /** Communities beyond the hues, which share OTHER_COMMUNITIES. */
  others: number;
}

/** Colours for the communities in a members answer, in the order the server lists them. */
export function communityColours(answer: CentralityMembersResponse): CommunityColours {
  const shown = new Map<number, string[]>();
  for (const member of answer.members) {
    const list = shown.get(member.community) ?? [];
    list.push(member.node);
    shown.set(member.community, list);
  }
  const colours = new Map<number, string>();
  const entries = answer.communities.map((community, index): CommunityEntry => {
    const colour = COMMUNITY_COLOURS[index] ?? OTHER_COMMUNITIES;
    colours.set(community.id, colour);
    return { community, colour, shown: shown.get(community.id) ?? [] };
  });
  return {
    colourOf: (community) => colours.get(community) ?? OTHER_COMMUNITIES,
    entries,
    others: Math.max(0, entries.length - COMMUNITY_COLOURS.length),
  };
}

/** Colours for a ranking alone (no canvas): the largest communities by their ids. */
export function rankingColour(community: number): string {
  return COMMUNITY_COLOURS[community] ?? OTHER_COMMUNITIES;
}
