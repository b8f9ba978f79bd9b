/**
 * The evidence conventions Summit Graph understands, and their detection in a database's schema.
 * A database that follows none of them simply has no evidence; nothing else depends on them.
 *
 * - Mentions: a relationship from a text passage to what it mentions, with `quote` (and `start`,
 *   `end` offsets into the passage's text).
 * - Relationship evidence: index-aligned lists on a relationship (`evidencePassages` holds the
 *   `key` of each quoted passage, `evidenceQuotes`, `evidenceStarts`, `evidenceEnds`).
 * - Provenance: `source` ("text" or "background") with a `basis` for background knowledge.
 */
import type { EvidenceProfile } from '../../common/api.ts';

export const MENTION = { quote: 'quote', start: 'start', end: 'end' } as const;
export const RELATIONSHIP_EVIDENCE = {
  passages: 'evidencePassages',
  quotes: 'evidenceQuotes',
  starts: 'evidenceStarts',
  ends: 'evidenceEnds',
} as const;
export const PROVENANCE = { source: 'source', basis: 'basis' } as const;
/** The property that identifies a passage in `evidencePassages`. */
export const PASSAGE_KEY = 'key';

/** Detects the profile from the property keys seen per relationship type and in the database. */
export function detectEvidenceProfile(input: {
  relationshipKeys: ReadonlyMap<string, readonly string[]>;
  propertyKeys: readonly string[];
  passageLabels: readonly string[];
}): EvidenceProfile {
  const mentionTypes: string[] = [];
  const relationshipEvidenceTypes: string[] = [];
  for (const [type, keys] of input.relationshipKeys) {
    if (keys.includes(MENTION.quote)) mentionTypes.push(type);
    else if (
      keys.includes(RELATIONSHIP_EVIDENCE.quotes) ||
      keys.includes(RELATIONSHIP_EVIDENCE.passages)
    ) {
      relationshipEvidenceTypes.push(type);
    }
  }
  return {
    mentionTypes: mentionTypes.sort(),
    passageLabels: mentionTypes.length > 0 ? [...input.passageLabels].sort() : [],
    relationshipEvidenceTypes: relationshipEvidenceTypes.sort(),
    provenance:
      input.propertyKeys.includes(PROVENANCE.source) &&
      input.propertyKeys.includes(PROVENANCE.basis),
  };
}

export const NO_EVIDENCE: EvidenceProfile = {
  mentionTypes: [],
  passageLabels: [],
  relationshipEvidenceTypes: [],
  provenance: false,
};
