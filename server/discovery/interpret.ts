/**
 * GET /api/discovery/interpret: a search-box phrase read as connect, share or a plain search,
 * with each name resolved to its best match through the explorer's search. Of the possible
 * readings the first whose every name matches a node exactly (name or alias, ignoring case and
 * diacritics) wins; else the first whose names all match something; else a plain search.
 */
import type { GraphNode, InterpretResponse, InterpretedTerm } from '../../common/api.ts';
import { captionOf, type CaptionRules } from '../../common/caption.ts';
import { searchNodes } from '../search/search.ts';
import { foldText, queryTerms } from '../search/text.ts';
import { MAX_QUERY_TERMS } from '../search/search.ts';
import type { DiscoveryContext } from './connect.ts';
import { SHARE_MAX_ENTITIES } from './limits.ts';
import { readPhrase, type PhraseReading } from './phrase.ts';

/** Search hits looked at per name, to prefer one that the name matches exactly. */
const CANDIDATES_PER_NAME = 10;
/** Readings tried at most (each costs one search per name). */
const MAX_READINGS = 6;

/** What a node is called: its caption on this schema, the usual naming keys and its aliases. */
function namesOf(node: GraphNode, rules: CaptionRules): string[] {
  const out: string[] = [captionOf(node, rules)];
  for (const key of ['name', 'title', 'acronym', 'officialName', 'fullName']) {
    const value = node.properties[key];
    if (typeof value === 'string') out.push(value);
  }
  const aliases = node.properties.aliases;
  if (Array.isArray(aliases)) for (const a of aliases) if (typeof a === 'string') out.push(a);
  return out;
}

export function isExactMatch(text: string, node: GraphNode, rules: CaptionRules = {}): boolean {
  const folded = foldText(text);
  return namesOf(node, rules).some((name) => foldText(name) === folded);
}

export async function interpret(
  ctx: DiscoveryContext,
  query: string,
  limits: { scanLimit: number },
): Promise<InterpretResponse> {
  const rules = ctx.facts.profile.captions;
  const resolved = new Map<string, GraphNode | null>();
  const resolve = async (text: string): Promise<GraphNode | null> => {
    const key = foldText(text);
    if (resolved.has(key)) return resolved.get(key) ?? null;
    const terms = queryTerms(text, MAX_QUERY_TERMS);
    const hits =
      terms.length === 0
        ? []
        : (
            await searchNodes(
              ctx.db,
              ctx.facts,
              { query: text, terms, labels: null, limit: CANDIDATES_PER_NAME },
              { timeoutMs: ctx.timeoutMs, scanLimit: limits.scanLimit },
            )
          ).hits.map((h) => h.node);
    // "Russia" names Russia, not the best-scored "talks between Tajikistan and Russia".
    const hit = hits.find((node) => isExactMatch(text, node, rules)) ?? hits[0] ?? null;
    resolved.set(key, hit);
    return hit;
  };

  const readings = readPhrase(query)
    .filter((r) => r.intent === 'search' || r.terms.length <= SHARE_MAX_ENTITIES)
    .slice(0, MAX_READINGS);
  const search = readings[readings.length - 1] as PhraseReading;
  // A phrase that is itself a name ("Oil and gas sector") is a search, not a question.
  const whole = await resolve(search.terms[0] as string);
  if (whole && isExactMatch(search.terms[0] as string, whole, rules)) {
    return answer(query, 'search', [{ text: search.terms[0] as string, node: whole }], null);
  }

  let loose: { reading: PhraseReading; terms: InterpretedTerm[] } | undefined;
  let first: { reading: PhraseReading; terms: InterpretedTerm[] } | undefined;
  for (const reading of readings) {
    if (reading.intent === 'search') continue;
    const terms: InterpretedTerm[] = [];
    for (const text of reading.terms) terms.push({ text, node: await resolve(text) });
    first ??= { reading, terms };
    const nodes = terms.map((t) => t.node);
    if (nodes.some((n) => n === null)) continue;
    const distinct = new Set(nodes.map((n) => n?.id)).size === nodes.length;
    if (!distinct) continue;
    if (terms.every((t) => t.node && isExactMatch(t.text, t.node, rules))) {
      return answer(query, reading.intent, terms, null);
    }
    loose ??= { reading, terms };
  }
  if (loose) return answer(query, loose.reading.intent, loose.terms, null);
  if (first) {
    const missing = first.terms.filter((t) => t.node === null).map((t) => `"${t.text}"`);
    const message =
      missing.length > 0
        ? `Nothing in the graph matches ${missing.join(' or ')}.`
        : 'The names match the same node; name different things.';
    return answer(query, first.reading.intent, first.terms, message);
  }
  return answer(query, 'search', [{ text: search.terms[0] as string, node: whole }], null);
}

function answer(
  query: string,
  intent: InterpretResponse['intent'],
  terms: InterpretedTerm[],
  message: string | null,
): InterpretResponse {
  return { query, intent, terms, message };
}
