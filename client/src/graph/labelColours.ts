/**
 * Colours the user chose for labels, kept per database in local storage so a database looks the
 * way its user set it up, and applied over the automatic palette.
 */
import { readLabelRecord, writeLabelRecord } from './labelStorage.ts';
import { darken, type LabelStyles } from './palette.ts';

const KEY_PREFIX = 'summit-graph:label-colours:';
const HEX = /^#[0-9a-f]{6}$/i;

export type ColourOverrides = Record<string, string>;

/** The automatic styles with the chosen colours (and matching borders) in place. */
export function applyOverrides(styles: LabelStyles, overrides: ColourOverrides): LabelStyles {
  const entries = Object.entries(overrides).filter(([, colour]) => HEX.test(colour));
  if (entries.length === 0) return styles;
  const next: LabelStyles = { ...styles };
  for (const [label, colour] of entries)
    next[label] = { color: colour, border: darken(colour, 0.3) };
  return next;
}

export function readOverrides(database: string): ColourOverrides {
  return readLabelRecord(
    KEY_PREFIX,
    database,
    (v): v is string => typeof v === 'string' && HEX.test(v),
  );
}

export function writeOverride(database: string, label: string, colour: string): void {
  writeLabelRecord(KEY_PREFIX, database, { ...readOverrides(database), [label]: colour });
}
