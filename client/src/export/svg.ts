/**
 * The canvas as a standalone SVG drawing: circles, arrows and captions at the positions the
 * canvas shows, the whole scene with room for every caption, and the legend of label colours
 * beside it, so the view can be placed in documents at any size.
 */
import { xmlEscape } from './formats.ts';
import { LEGEND_LAYOUT, legendHeight, legendText, legendWidth, type LegendRow } from './legend.ts';

export interface SvgNode {
  x: number;
  y: number;
  size: number;
  color: string;
  border: string;
  caption: string;
}

export interface SvgEdge {
  from: { x: number; y: number; size: number };
  to: { x: number; y: number; size: number };
  label: string;
}

const PADDING = 60;
const CAPTION_SIZE = 11;
/**
 * Text width in the drawing, in em: generous for a sans-serif face, as the reader's fonts
 * are not known when the file is written.
 */
const EM_WIDTH = 0.62;

function textWidth(text: string, size: number): number {
  return [...text].length * size * EM_WIDTH;
}

export function sceneSvg(
  nodes: readonly SvgNode[],
  edges: readonly SvgEdge[],
  legend: readonly LegendRow[] = [],
): string {
  // Each node's extent: its circle, and its caption below it.
  const xs = nodes.flatMap((n) => {
    const half = Math.max(n.size / 2, textWidth(n.caption, CAPTION_SIZE) / 2);
    return [n.x - half, n.x + half];
  });
  const ys = nodes.flatMap((n) => [n.y - n.size / 2, n.y + n.size / 2 + 14 + CAPTION_SIZE / 2]);
  const minX = (xs.length > 0 ? Math.min(...xs) : 0) - PADDING;
  const minY = (ys.length > 0 ? Math.min(...ys) : 0) - PADDING;
  const sceneRight = (xs.length > 0 ? Math.max(...xs) : 0) + PADDING;
  const legendSize = {
    width: legendWidth(legend, (text) => textWidth(text, LEGEND_LAYOUT.fontSize)),
    height: legendHeight(legend),
  };
  const width = sceneRight - minX + (legend.length > 0 ? legendSize.width + PADDING : 0);
  const height = Math.max(
    (ys.length > 0 ? Math.max(...ys) : 0) + PADDING - minY,
    legendSize.height + 2 * PADDING,
  );
  const r = (v: number) => Math.round(v * 10) / 10;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${r(minX)} ${r(minY)} ${r(width)} ${r(height)}" width="${r(width)}" height="${r(height)}" font-family="system-ui, sans-serif">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#9aa4b2"/></marker></defs>',
    `<rect x="${r(minX)}" y="${r(minY)}" width="${r(width)}" height="${r(height)}" fill="#ffffff"/>`,
  ];
  for (const edge of edges) {
    const dx = edge.to.x - edge.from.x;
    const dy = edge.to.y - edge.from.y;
    const length = Math.hypot(dx, dy) || 1;
    const ux = dx / length;
    const uy = dy / length;
    const x1 = edge.from.x + (ux * edge.from.size) / 2;
    const y1 = edge.from.y + (uy * edge.from.size) / 2;
    const x2 = edge.to.x - (ux * edge.to.size) / 2;
    const y2 = edge.to.y - (uy * edge.to.size) / 2;
    out.push(
      `<line x1="${r(x1)}" y1="${r(y1)}" x2="${r(x2)}" y2="${r(y2)}" stroke="#9aa4b2" stroke-width="1.5" marker-end="url(#arrow)"/>`,
    );
    out.push(
      `<text x="${r((x1 + x2) / 2)}" y="${r((y1 + y2) / 2)}" font-size="8" fill="#4b5563" text-anchor="middle">${xmlEscape(edge.label)}</text>`,
    );
  }
  for (const node of nodes) {
    out.push(
      `<circle cx="${r(node.x)}" cy="${r(node.y)}" r="${r(node.size / 2)}" fill="${node.color}" stroke="${node.border}" stroke-width="2"/>`,
    );
    out.push(
      `<text x="${r(node.x)}" y="${r(node.y + node.size / 2 + 14)}" font-size="11" fill="#1f2937" text-anchor="middle" stroke="#ffffff" stroke-width="3" paint-order="stroke">${xmlEscape(node.caption)}</text>`,
    );
  }
  if (legend.length > 0)
    out.push(...legendSvg(legend, sceneRight, minY + PADDING, legendSize.width));
  out.push('</svg>', '');
  return out.join('\n');
}

function legendSvg(rows: readonly LegendRow[], left: number, top: number, width: number): string[] {
  const { padding, rowHeight, swatch, fontSize, title } = LEGEND_LAYOUT;
  const r = (v: number) => Math.round(v * 10) / 10;
  const middle = (i: number) => top + padding + rowHeight * (i + 0.5);
  return [
    `<g class="legend" font-size="${fontSize}" fill="#1f2937">`,
    `<rect x="${r(left)}" y="${r(top)}" width="${r(width)}" height="${r(legendHeight(rows))}" fill="#f8fafc" stroke="#d1d5db"/>`,
    `<text x="${r(left + padding)}" y="${r(middle(0))}" dominant-baseline="middle" font-weight="600">${title}</text>`,
    ...rows.flatMap((row, i) => [
      `<rect x="${r(left + padding)}" y="${r(middle(i + 1) - swatch / 2)}" width="${swatch}" height="${swatch}" fill="${xmlEscape(row.color)}"/>`,
      `<text x="${r(left + padding + swatch + 8)}" y="${r(middle(i + 1))}" dominant-baseline="middle">${xmlEscape(legendText(row))}</text>`,
    ]),
    '</g>',
  ];
}
