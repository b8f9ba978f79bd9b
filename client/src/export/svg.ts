/**
 * The canvas as a standalone SVG drawing: circles, arrows and captions at the positions the
 * canvas shows, so the view can be placed in documents at any size.
 */
import { xmlEscape } from './formats.ts';

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

export function sceneSvg(nodes: readonly SvgNode[], edges: readonly SvgEdge[]): string {
  const xs = nodes.flatMap((n) => [n.x - n.size, n.x + n.size]);
  const ys = nodes.flatMap((n) => [n.y - n.size, n.y + n.size + 20]);
  const minX = Math.min(0, ...xs) - PADDING;
  const minY = Math.min(0, ...ys) - PADDING;
  const width = Math.max(...xs, 0) - minX + PADDING;
  const height = Math.max(...ys, 0) - minY + PADDING;
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
  out.push('</svg>', '');
  return out.join('\n');
}
