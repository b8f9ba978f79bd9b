/** Answering a typed question: read the phrase, then run connect or share with the names found. */
import type { ConnectResponse, InterpretResponse, ShareResponse } from '../../../common/api.ts';
import { fetchConnect, fetchShare, interpretPhrase, type TimeWindow } from '../api/discovery.ts';

export type Answer =
  | { kind: 'reading'; reading: InterpretResponse }
  | { kind: 'connect'; result: ConnectResponse }
  | { kind: 'share'; result: ShareResponse };

/** Whether a search-box phrase asks to connect or share ("X to Y", "A and B", "A, B"). */
export function looksLikeQuestion(text: string): boolean {
  return /\s(?:to|and)\s|\s&\s|->|→|,/i.test(text.trim());
}

export const CONNECT_MAX_LENGTH = 4;
export const CONNECT_PATHS = 3;

export async function answerQuestion(
  phrase: string,
  window: TimeWindow,
  signal: AbortSignal,
): Promise<Answer> {
  const reading = await interpretPhrase(phrase, signal);
  const ids = reading.terms.map((t) => t.node?.id);
  if (reading.message || reading.intent === 'search' || ids.some((id) => !id)) {
    return { kind: 'reading', reading };
  }
  if (reading.intent === 'connect') {
    const result = await fetchConnect(
      ids[0] as string,
      ids[1] as string,
      { maxLength: CONNECT_MAX_LENGTH, k: CONNECT_PATHS, rank: 'weighted', window },
      signal,
    );
    return { kind: 'connect', result };
  }
  return { kind: 'share', result: await fetchShare(ids as string[], signal) };
}
