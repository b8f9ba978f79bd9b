/**
 * Relationship types discovery never walks: mention links (a passage naming things would tie
 * together everything it names) and the review links ingestion leaves between an entity and a
 * possible duplicate (unconfirmed, so not a fact).
 */
import type { EvidenceProfile } from '../../common/api.ts';
import { REVIEW_TYPE } from '../model/ontology.ts';

export function excludedTypes(evidence: EvidenceProfile): string[] {
  return [...new Set([...evidence.mentionTypes, REVIEW_TYPE])].sort();
}
