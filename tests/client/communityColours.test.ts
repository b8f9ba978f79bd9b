import { describe, expect, it } from 'vitest';
import type { CentralityMembersResponse } from '../../common/api.ts';
import {
  COMMUNITY_COLOURS,
  communityColours,
  OTHER_COMMUNITIES,
  rankingColour,
} from '../../client/src/discovery/communityColours.ts';
import { EMPTY_PROJECTION } from './projection-fixture.ts';

function answer(communities: number[], members: [string, number][]): CentralityMembersResponse {
  return {
    measure: 'degree',
    members: members.map(([node, community]) => ({ node, score: 1, community })),
    outside: [],
    top: 1,
    communities: communities.map((id) => ({ id, size: 3, members: [], kind: null })),
    modularity: null,
    projection: EMPTY_PROJECTION,
  };
}

describe('community colours', () => {
  it('gives the communities on the canvas distinct hues in order, whatever their ids', () => {
    const colours = communityColours(
      answer(
        [12, 30, 41],
        [
          ['a', 30],
          ['b', 12],
          ['c', 41],
          ['d', 12],
        ],
      ),
    );
    expect(colours.entries.map((e) => [e.community.id, e.colour, e.shown])).toEqual([
      [12, COMMUNITY_COLOURS[0], ['b', 'd']],
      [30, COMMUNITY_COLOURS[1], ['a']],
      [41, COMMUNITY_COLOURS[2], ['c']],
    ]);
    expect(colours.colourOf(30)).toBe(COMMUNITY_COLOURS[1]);
    expect(colours.others).toBe(0);
  });

  it('lets the communities beyond the hues share one neutral colour, and says how many', () => {
    const ids = Array.from({ length: COMMUNITY_COLOURS.length + 3 }, (_, i) => i);
    const colours = communityColours(
      answer(
        ids,
        ids.map((i) => [`n${i}`, i]),
      ),
    );
    const hues = colours.entries.slice(0, COMMUNITY_COLOURS.length).map((e) => e.colour);
    expect(new Set(hues).size).toBe(COMMUNITY_COLOURS.length);
    expect(hues).not.toContain(OTHER_COMMUNITIES);
    expect(colours.entries.slice(COMMUNITY_COLOURS.length).map((e) => e.colour)).toEqual([
      OTHER_COMMUNITIES,
      OTHER_COMMUNITIES,
      OTHER_COMMUNITIES,
    ]);
    expect(colours.others).toBe(3);
    expect(colours.colourOf(999)).toBe(OTHER_COMMUNITIES);
  });

  it('colours a ranking alone by community id, never two ids alike', () => {
    const seen = COMMUNITY_COLOURS.map((_, i) => rankingColour(i));
    expect(new Set(seen).size).toBe(COMMUNITY_COLOURS.length);
    expect(rankingColour(COMMUNITY_COLOURS.length)).toBe(OTHER_COMMUNITIES);
  });
});
