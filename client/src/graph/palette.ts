/**
 * Per-label styles: a label's colour is a function of its name, the other labels of the database
 * and the colours the reader chose, never of the order in which nodes arrived. Each label starts
 * from the palette slot its name hashes to and, in sorted label order, steps on past colours
 * already taken, so the labels on screen never share a colour.
 */

/**
 * Fills that read as different colours side by side: every pair is at least MIN_DISTANCE apart
 * (colourDistance), so no two labels on screen look alike.
 */
export const PALETTE = [
  '#4f83cc', // blue
  '#e8823a', // orange
  '#3fa66b', // green
  '#d64f5e', // red
  '#8a6bc9', // violet
  '#d1a623', // ochre
  '#2fa8b8', // cyan
  '#c25fa3', // magenta
  '#a0715a', // brown
  '#5c6f8a', // slate
  '#821717', // maroon
  '#171782', // indigo
  '#9ae774', // lime
  '#74e7e7', // aqua
] as const;

/** The least colourDistance between two palette colours. */
export const MIN_DISTANCE = 80;

/**
 * How different two #rrggbb colours look: the "redmean" approximation, a weighted RGB distance
 * close to perceived difference at a fraction of the cost of a CIE formula (0 to about 765).
 */
export function colourDistance(a: string, b: string): number {
  const [r1, g1, b1] = hexToRgb(a);
  const [r2, g2, b2] = hexToRgb(b);
  const r = (r1 + r2) / 2;
  const [dr, dg, db] = [r1 - r2, g1 - g2, b1 - b2];
  return Math.sqrt((2 + r / 256) * dr * dr + 4 * dg * dg + (2 + (255 - r) / 256) * db * db);
}

export interface LabelStyle {
  color: string;
  /** Darker tone of the fill, for borders and text on light backgrounds. */
  border: string;
}

export type LabelStyles = Record<string, LabelStyle>;

/** Colours a reader chose per label (#rrggbb), kept per database by labelColours.ts. */
export type ColourChoices = Record<string, string>;

const HEX = /^#[0-9a-f]{6}$/i;

export function isHexColour(value: string): boolean {
  return HEX.test(value);
}

/** Colour for the n-th label past the palette: golden-angle hues, fixed saturation and lightness. */
export function overflowColor(index: number): string {
  const hue = Math.round((index * 137.508) % 360);
  return hslToHex(hue, 0.55, 0.52);
}

/** A small, stable hash of a label name (FNV-1a), the same in every browser and every load. */
export function labelHash(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Styles for a set of labels (duplicates and order do not matter). Chosen colours are kept as
 * chosen and taken first; every other label, in sorted order, gets the first free palette colour
 * from the slot its name hashes to; past the palette, distinct generated hues.
 */
export function labelStyles(labels: Iterable<string>, chosen: ColourChoices = {}): LabelStyles {
  const all = [...new Set(labels)].sort();
  const styles: LabelStyles = {};
  const taken = new Set<string>();
  for (const label of all) {
    const colour = Object.hasOwn(chosen, label) ? chosen[label] : undefined;
    if (colour !== undefined && isHexColour(colour)) {
      styles[label] = { color: colour, border: darken(colour, 0.3) };
      taken.add(colour.toLowerCase());
    }
  }
  for (const label of all) {
    if (styles[label]) continue;
    const start = labelHash(label) % PALETTE.length;
    let colour: string | undefined;
    for (let step = 0; step < PALETTE.length && colour === undefined; step++) {
      const candidate = PALETTE[(start + step) % PALETTE.length] as string;
      if (!taken.has(candidate)) colour = candidate;
    }
    for (let n = labelHash(label) % 360; colour === undefined; n++) {
      const candidate = overflowColor(n);
      if (!taken.has(candidate)) colour = candidate;
    }
    taken.add(colour);
    styles[label] = { color: colour, border: darken(colour, 0.3) };
  }
  return styles;
}

/** How many nodes carry each label: from the schema, or counted over the nodes at hand. */
export type LabelCounts = Record<string, number>;

export function countLabels(nodes: readonly { labels: readonly string[] }[]): LabelCounts {
  const counts: LabelCounts = {};
  for (const node of nodes)
    for (const label of node.labels) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}

/**
 * The label that decides a node's look: its most specific one, the label the fewest nodes
 * carry (so a catch-all such as "Entity" never wins over "Person"); ties go alphabetically.
 */
export function primaryLabel(labels: readonly string[], counts: LabelCounts): string | undefined {
  let best: string | undefined;
  for (const label of labels) {
    if (best === undefined) {
      best = label;
      continue;
    }
    const a = counts[label] ?? Infinity;
    const b = counts[best] ?? Infinity;
    if (a < b || (a === b && label < best)) best = label;
  }
  return best;
}

/** Mixes a #rrggbb colour toward black by `amount` (0..1). */
export function darken(hex: string, amount: number): string {
  const [r, g, b] = hexToRgb(hex);
  const f = 1 - amount;
  return rgbToHex(r * f, g * f, b * f);
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function rgbToHex(r: number, g: number, b: number): string {
  const part = (v: number) =>
    Math.round(Math.min(255, Math.max(0, v)))
      .toString(16)
      .padStart(2, '0');
  return `#${part(r)}${part(g)}${part(b)}`;
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    return 255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return rgbToHex(channel(0), channel(8), channel(4));
}
