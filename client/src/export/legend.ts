/**
 * The legend drawn into exported images: one row per label on the canvas, with its colour and
 * how many of its nodes are drawn, most common first, as in the side panel's legend.
 */

export interface LegendRow {
  label: string;
  color: string;
  count: number;
}

/** Sizes of the drawn legend, in image pixels before any scaling. */
export const LEGEND_LAYOUT = {
  title: 'Labels',
  fontSize: 12,
  rowHeight: 20,
  swatch: 12,
  padding: 12,
  /** Space between the scene and the legend. */
  gap: 24,
} as const;

/** Rows for the drawn nodes' primary labels (nodes without one are not listed). */
export function legendRows(nodes: readonly { label: string; color: string }[]): LegendRow[] {
  const rows = new Map<string, LegendRow>();
  for (const node of nodes) {
    if (!node.label) continue;
    const row = rows.get(node.label);
    if (row) row.count += 1;
    else rows.set(node.label, { label: node.label, color: node.color, count: 1 });
  }
  return [...rows.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** A row's text: "Country (3)". */
export function legendText(row: LegendRow): string {
  return `${row.label} (${row.count})`;
}

/** The legend's height for its rows, title included. */
export function legendHeight(rows: readonly LegendRow[]): number {
  const { padding, rowHeight } = LEGEND_LAYOUT;
  return padding * 2 + rowHeight * (rows.length + 1);
}

/** The legend's width, given a way to measure text at the legend's font size. */
export function legendWidth(rows: readonly LegendRow[], measure: (text: string) => number): number {
  const { padding, swatch, title } = LEGEND_LAYOUT;
  const widest = Math.max(measure(title), ...rows.map((r) => swatch + 8 + measure(legendText(r))));
  return Math.ceil(padding * 2 + widest);
}
