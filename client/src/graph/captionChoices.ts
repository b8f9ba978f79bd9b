/**
 * Caption keys the reader chose per label, kept per database in local storage (like label
 * colours), and laid over the rules the schema suggests.
 */
import type { CaptionRules } from '../../../common/caption.ts';
import { readLabelRecord, writeLabelRecord } from './labelStorage.ts';

const KEY_PREFIX = 'summit-graph:captions:';

export function readCaptionChoices(database: string): CaptionRules {
  return readLabelRecord(
    KEY_PREFIX,
    database,
    (v): v is string[] => Array.isArray(v) && v.length > 0 && v.every((k) => typeof k === 'string'),
  );
}

/** Saves a label's keys; an empty list returns the label to the schema's rule. */
export function writeCaptionChoice(database: string, label: string, keys: string[]): void {
  const next = { ...readCaptionChoices(database) };
  if (keys.length > 0) next[label] = keys;
  else delete next[label];
  writeLabelRecord(KEY_PREFIX, database, next);
}

/** The schema's rules with the reader's choices over them. */
export function effectiveRules(schema: CaptionRules, chosen: CaptionRules): CaptionRules {
  return { ...schema, ...chosen };
}
