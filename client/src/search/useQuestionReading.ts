/**
 * How the discovery API reads a phrase typed in the search box ("Tajikistan to Russia": connect;
 * "Rahmon and Putin": share), so the box can offer that answer above the search hits.
 */
import type { InterpretResponse } from '../../../common/api.ts';
import { interpretPhrase } from '../api/discovery.ts';
import { useResource } from '../api/useResource.ts';
import { fullCaption } from '../graph/caption.ts';

const DEBOUNCE_MS = 180;

/** The reading of `phrase` once the API has given it; undefined while it is asked or not asked. */
export function useQuestionReading(phrase: string, asked: boolean): InterpretResponse | undefined {
  const reading = useResource(
    asked && phrase ? phrase : undefined,
    (signal) => interpretPhrase(phrase, signal),
    { delayMs: DEBOUNCE_MS },
  );
  // No reading (offline, a refusal): the option still asks, in the phrase's own words.
  return reading.kind === 'ready' ? reading.data : undefined;
}

/** The words of the question option: what Discover will answer, with the names it found. */
export function questionOption(phrase: string, reading: InterpretResponse | undefined): string {
  if (!reading || reading.intent === 'search') return `Ask Discover: “${phrase}”`;
  const names = reading.terms.map((t) => (t.node ? fullCaption(t.node) : `“${t.text}”`));
  if (reading.intent === 'connect') return `Connect ${names.join(' → ')}`;
  return `What ${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''} share`;
}
