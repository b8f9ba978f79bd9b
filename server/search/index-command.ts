/**
 * The full-text index a user may ask for (`npm run search:index`): one index over the caption
 * properties (common/caption.ts) of every label, with a folding analyzer, so search answers from
 * the index instead of scanning. Never created unless asked: it writes to the user's database.
 */
import type { CaptionRules } from '../../common/caption.ts';
import { quoteName } from '../schema/names.ts';

export const SEARCH_INDEX_NAME = 'explorer_search';

/** What the index covers: labels with a caption rule, and the union of their caption keys. */
export function searchIndexPlan(rules: CaptionRules): { labels: string[]; properties: string[] } {
  const labels = Object.keys(rules).sort();
  const properties = [...new Set(labels.flatMap((l) => rules[l] ?? []))].sort();
  return { labels, properties };
}

/** The CREATE statement, or null when no label has a caption property. */
export function searchIndexStatement(rules: CaptionRules): string | null {
  const { labels, properties } = searchIndexPlan(rules);
  if (labels.length === 0 || properties.length === 0) return null;
  return `CREATE FULLTEXT INDEX ${quoteName(SEARCH_INDEX_NAME)} IF NOT EXISTS
FOR (n:${labels.map(quoteName).join('|')}) ON EACH [${properties.map((p) => `n.${quoteName(p)}`).join(', ')}]
OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'standard-folding'}}`;
}
