/**
 * Search without a usable full-text index: a bounded scan that shares its node budget among all
 * labels (planScan), says which labels it saw only in part, matches words spread over a node's
 * properties, and, when nothing matches as typed, tolerates typos (three-letter pieces narrow the
 * candidates in Cypher, edit distance decides in match.ts).
 */
import type { Node } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type { SearchHit, SearchResponse } from '../../common/api.ts';
import { compareByCaption, type CaptionRules } from '../../common/caption.ts';
import type { Database } from '../db/database.ts';
import { toGraphNode } from '../db/encode.ts';
import type { SchemaProfile } from '../schema/profile.ts';
import { toNumber } from '../schema/records.ts';
import { fuzzyEdits } from './lucene.ts';
import { bestMatch, typoCloseness } from './match.ts';
import { scanSearchQuery, typoCandidatesQuery } from './queries.ts';
import type { SearchLimits, SearchRequest } from './search.ts';
import { foldText } from './text.ts';

/** One label of a scan and how many of its nodes the scan looks at. */
export interface ScanStep {
  label: string;
  count: number;
  budget: number;
}

/**
 * Shares the scan's node budget among labels so every label is searched: the smallest labels
 * first, each taking what it needs up to an equal share of what is left, so a few large labels
 * cannot crowd out the rest (storage order no longer decides what is seen). Labels in `covered`
 * are left out: a folding full-text index has answered for their nodes.
 */
export function planScan(
  labels: readonly { label: string; count: number }[],
  wanted: readonly string[] | null,
  scanLimit: number,
  covered: readonly string[] = [],
): ScanStep[] {
  const chosen = labels
    .filter(
      (l) => l.count > 0 && (!wanted || wanted.includes(l.label)) && !covered.includes(l.label),
    )
    .sort((a, b) => a.count - b.count || (a.label < b.label ? -1 : 1));
  let left = scanLimit;
  return chosen.map((l, i) => {
    const budget = Math.min(l.count, Math.floor(left / (chosen.length - i)));
    left -= budget;
    return { label: l.label, count: l.count, budget };
  });
}

/** Three-letter pieces of a folded word (the word itself when shorter). */
export function trigrams(word: string): string[] {
  const chars = [...word];
  if (chars.length <= 3) return [word];
  return [...new Set(chars.slice(0, -2).map((_, i) => chars.slice(i, i + 3).join('')))];
}

/**
 * The pieces of `trigrams(word)` a word within fuzzyEdits(word) edits of it still contains:
 * each edit breaks at most three (the q-gram lemma), so short words with a typo may share none.
 */
export function requiredTrigrams(word: string): number {
  const edits = fuzzyEdits(word);
  return edits === 0 ? trigrams(word).length : Math.max(0, [...word].length - 2 - 3 * edits);
}

/** Typo candidates looked at per wanted hit. */
const TYPO_CANDIDATES_PER_HIT = 5;

export async function scanSearch(
  db: Database,
  profile: SchemaProfile,
  request: SearchRequest,
  limits: SearchLimits,
  covered: readonly string[] = [],
): Promise<SearchResponse> {
  const plan = planScan(profile.labels, request.labels, limits.scanLimit, covered);
  const captions = profile.captions;
  const params = {
    covered,
    budgets: plan.map((step) => neo4j.int(step.budget)),
    captionKeys: plan.map((step) => captions[step.label] ?? []),
    limit: neo4j.int(request.limit),
  };
  const folded = request.terms.map(foldText);
  let fallback: SearchResponse['fallback'] = null;
  let hits: SearchHit[] = [];
  if (plan.length > 0) {
    const rows = await db.read(
      async (tx) =>
        (
          await tx.run<{
            node: Node;
            best: { key: string | null; text: string | null; score: unknown };
          }>(scanSearchQuery(plan.map((s) => s.label)), {
            ...params,
            q: foldText(request.query),
            terms: folded,
          })
        ).records,
      limits.timeoutMs,
    );
    hits = rows.map((record) => {
      const best = record.get('best');
      const node = toGraphNode(record.get('node'));
      return {
        node,
        score: toNumber(best.score) ?? 0,
        match:
          best.key !== null && best.text !== null
            ? { property: best.key, text: best.text }
            : bestMatch(node.properties, request.query, captions[node.labels[0] ?? ''] ?? []),
      };
    });
    if (hits.length === 0) {
      hits = await typoSearch(db, plan, params, folded, request, limits.timeoutMs, captions);
      if (hits.length > 0) fallback = 'typo';
    }
  }
  const partialLabels = plan
    .filter((step) => step.budget < step.count)
    .map((step) => ({ label: step.label, scanned: step.budget, count: step.count }));
  return {
    query: request.query,
    mode: 'scan',
    indexes: [],
    hits: hits.sort((a, b) => b.score - a.score || compareByCaption(a.node, b.node, captions)),
    limit: request.limit,
    partial: partialLabels.length > 0,
    partialLabels,
    fallback,
  };
}

/** Nothing as typed: nodes with a word within the allowed edits of every word. */
async function typoSearch(
  db: Database,
  plan: ScanStep[],
  params: Record<string, unknown>,
  folded: string[],
  request: SearchRequest,
  timeoutMs: number,
  captions: CaptionRules,
): Promise<SearchHit[]> {
  if (!folded.some((term) => fuzzyEdits(term) > 0)) return [];
  const rows = await db.read(
    async (tx) =>
      (
        await tx.run<{ node: Node }>(typoCandidatesQuery(plan.map((s) => s.label)), {
          ...params,
          grams: folded.map(trigrams),
          required: folded.map((term) => neo4j.int(requiredTrigrams(term))),
          candidates: neo4j.int(request.limit * TYPO_CANDIDATES_PER_HIT),
        })
      ).records,
    timeoutMs,
  );
  const hits: SearchHit[] = [];
  for (const record of rows) {
    const node = toGraphNode(record.get('node'));
    const match = bestMatch(node.properties, request.query, captions[node.labels[0] ?? ''] ?? []);
    // Every word must be there, as typed or within its edits: the pieces only narrowed.
    const score = match ? typoCloseness(node.properties, folded) : 0;
    if (match && score === 1) hits.push({ node, score, match });
  }
  return hits.slice(0, request.limit);
}
