/**
 * Caption keys the reader chose per label, kept per database in local storage (like label
 * colours), and laid over the rules the schema suggests.
 */
import type { CaptionRules } from '../../../common/caption.ts';

const KEY_PREFIX = 'summit-graph:captions:';

export function readCaptionChoices(database: string): CaptionRules {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY_PREFIX + database) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (e): e is [string, string[]] =>
          Array.isArray(e[1]) && e[1].length > 0 && e[1].every((k) => typeof k === 'string'),
      ),
    );
  } catch {
    return {};
  }
}

/** Saves a label's keys; an empty list returns the label to the schema's rule. */
export function writeCaptionChoice(database: string, label: string, keys: string[]): void {
  const next = { ...readCaptionChoices(database) };
  if (keys.length > 0) next[label] = keys;
  else delete next[label];
  try {
    localStorage.setItem(KEY_PREFIX + database, JSON.stringify(next));
  } catch {
    // Storage disabled or full: the choice holds for this page only.
  }
}

/** The schema's rules with the reader's choices over them. */
export function effectiveRules(schema: CaptionRules, chosen: CaptionRules): CaptionRules {
  return { ...schema, ...chosen };
}
