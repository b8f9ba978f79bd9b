/**
 * Per-label styles derived automatically: each label gets a colour from a fixed palette in
 * sorted order, so the same database always looks the same; labels beyond the palette get
 * evenly spread hues. Existing assignments never move when new labels appear mid-session.
 */

/** Distinct, mid-tone fills that stay readable with dark captions beside them. */
export const PALETTE = [
  '#4f83cc', // blue
  '#e8823a', // orange
  '#3fa66b', // green
  '#d64f5e', // red
  '#8a6bc9', // violet
  '#d1a623', // ochre
  '#2fa8b8', // cyan
  '#c25fa3', // magenta
  '#7f9a3b', // olive
  '#a0715a', // brown
  '#5c6f8a', // slate
  '#e07aa0', // pink
] as const;

export interface LabelStyle {
  color: string;
  /** Darker tone of the fill, for borders and text on light backgrounds. */
  border: string;
}

export type LabelStyles = Record<string, LabelStyle>;

/** Colour for the n-th label past the palette: golden-angle hues, fixed saturation and lightness. */
export function overflowColor(index: number): string {
  const hue = Math.round((index * 137.508) % 360);
  return hslToHex(hue, 0.55, 0.52);
}

/**
 * Adds styles for labels not yet styled, keeping every existing assignment. New labels take the
 * free palette slots in sorted label order.
 */
export function assignLabelStyles(existing: LabelStyles, labels: Iterable<string>): LabelStyles {
  const fresh = [...new Set(labels)].filter((label) => !(label in existing)).sort();
  if (fresh.length === 0) return existing;
  const used = new Set(Object.values(existing).map((style) => style.color));
  const next: LabelStyles = { ...existing };
  let slot = 0;
  let overflow = 0;
  for (const label of fresh) {
    while (slot < PALETTE.length && used.has(PALETTE[slot] as string)) slot += 1;
    let color: string;
    if (slot < PALETTE.length) {
      color = PALETTE[slot] as string;
      slot += 1;
    } else {
      do color = overflowColor(overflow++);
      while (used.has(color));
    }
    used.add(color);
    next[label] = { color, border: darken(color, 0.3) };
  }
  return next;
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
