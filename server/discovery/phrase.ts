/**
 * What a search-box phrase asks for, before any name is looked up: "X to Y", "from X to Y",
 * "how is X connected to Y", "path between X and Y" ask to connect two things; "A and B",
 * "A, B and C", "A & B", "what do A and B share" ask what they share. Names may contain the
 * joining words themselves ("Trinidad and Tobago"), so every way of splitting is proposed, and
 * the caller keeps the one whose parts all name something.
 */

export type PhraseIntent = 'connect' | 'share' | 'search';

export interface PhraseReading {
  intent: PhraseIntent;
  /** The names, in order; for search the whole phrase. */
  terms: string[];
}

const CONNECT_FRAMES: RegExp[] = [
  /^how\s+(?:is|are)\s+(.+)\s+(?:connected|linked|related)\s+(?:to|with)\s+(.+?)\??$/i,
  /^(?:paths?|connections?|links?)\s+(?:from\s+)?(.+)\s+to\s+(.+)$/i,
  /^from\s+(.+)\s+to\s+(.+)$/i,
];
const CONNECT_BETWEEN = /^(?:paths?|connections?|links?)\s+between\s+(.+)$/i;
const SHARE_FRAMES: RegExp[] = [
  /^what\s+do\s+(.+?)\s+(?:share|have\s+in\s+common)\??$/i,
  /^(?:common\s+ground|shared)\s+(?:of|between)\s+(.+)$/i,
  /^(.+?)\s+in\s+common\??$/i,
];
const ARROW = /\s*(?:->|→|⟶|=>)\s*/;
const TO = /\s+to\s+/gi;
const AND = /\s+(?:and|&|\+)\s+/gi;

const clean = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/^[\s"“”']+|[\s"“”'?!.]+$/g, '')
    .trim();

/** Every way of cutting `text` into two at one match of `joiner`. */
function twoWay(text: string, joiner: RegExp): string[][] {
  const splits: string[][] = [];
  for (const match of text.matchAll(joiner)) {
    const left = clean(text.slice(0, match.index));
    const right = clean(text.slice(match.index + match[0].length));
    if (left && right) splits.push([left, right]);
  }
  return splits;
}

/** "A, B and C" → [A, B, C] (commas first, then every split of the last part at "and"). */
function listSplits(text: string): string[][] {
  const parts = text
    .split(/\s*[,;]\s*/)
    .map(clean)
    .filter(Boolean);
  if (parts.length > 1) {
    const last = parts[parts.length - 1] as string;
    const head = parts.slice(0, -1);
    const lastStripped = clean(last.replace(/^(?:and|&)\s+/i, ''));
    const tails = twoWay(lastStripped, AND);
    return [...tails.map((tail) => [...head, ...tail]), [...head, lastStripped]];
  }
  return twoWay(text, AND);
}

/** Readings of a phrase, most likely first; a plain search is always the last. */
export function readPhrase(input: string): PhraseReading[] {
  const text = clean(input);
  const readings: PhraseReading[] = [];
  const connect = (terms: string[]) => readings.push({ intent: 'connect', terms });
  const shareOf = (terms: string[]) => readings.push({ intent: 'share', terms });

  for (const frame of CONNECT_FRAMES) {
    const match = frame.exec(text);
    if (match) connect([clean(match[1] as string), clean(match[2] as string)]);
  }
  const between = CONNECT_BETWEEN.exec(text);
  if (between) for (const split of twoWay(between[1] as string, AND)) connect(split);
  for (const frame of SHARE_FRAMES) {
    const match = frame.exec(text);
    if (match) for (const split of listSplits(match[1] as string)) shareOf(split);
  }
  if (readings.length === 0) {
    const arrow = text.split(ARROW).map(clean).filter(Boolean);
    if (arrow.length === 2) connect(arrow);
    for (const split of twoWay(text, TO)) connect(split);
    for (const split of listSplits(text)) shareOf(split);
  }
  const seen = new Set<string>();
  const unique = readings.filter((reading) => {
    const key = `${reading.intent}\u0000${reading.terms.join('\u0000')}`;
    if (seen.has(key) || reading.terms.some((t) => t.length === 0)) return false;
    seen.add(key);
    return true;
  });
  return [...unique, { intent: 'search', terms: [text] }];
}
