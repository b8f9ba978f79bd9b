/**
 * Colours the user chose for labels, kept per database in local storage so a database looks the
 * way its user set it up, and applied over the automatic palette.
 */
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
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY_PREFIX + database) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (e): e is [string, string] => typeof e[1] === 'string' && HEX.test(e[1]),
      ),
    );
  } catch {
    return {};
  }
}

export function writeOverride(database: string, label: string, colour: string): void {
  try {
    localStorage.setItem(
      KEY_PREFIX + database,
      JSON.stringify({ ...readOverrides(database), [label]: colour }),
    );
  } catch {
    // Storage disabled or full: the colour holds for this page only.
  }
}
