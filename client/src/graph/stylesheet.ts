/**
 * The Cytoscape stylesheet: per-element colours and sizes come from element data (elements.ts).
 * What costs most when a scene is first drawn — measuring every caption, curving every edge and
 * drawing its arrow — is switched on by classes the canvas sets only where it pays off: on every
 * element of a small scene, and in a large one on what the user looks at closely (the hovered
 * neighbourhood, the selection, captions of the nodes in view once zoomed in).
 */
import type { StylesheetJson } from 'cytoscape';

export const CANVAS_TEXT = '#1f2937';
export const SELECTION = '#0b5fff';
export const PATH = '#d97706';
/** Above this many edges, type labels show only on hover and selection. */
export const EDGE_LABEL_LIMIT = 60;
/** Above this many nodes, captions show on nodes in view at CAPTION_ZOOM and closer. */
export const NODE_CAPTION_LIMIT = 200;
/** Above this many edges, edges are drawn as plain lines, curved with arrows on hover. */
export const EDGE_CURVE_LIMIT = 300;
/**
 * The zoom from which a large scene captions the nodes in view. Below about 0.5 captions are
 * too small to draw at all (`min-zoomed-font-size`).
 */
export const CAPTION_ZOOM = 0.75;
/** Caption text size, and the smallest rendered size at which Cytoscape still draws it. */
export const CAPTION_FONT_SIZE = 11;
export const CAPTION_MIN_FONT_SIZE = 6;
/**
 * The zoom below which a small scene's captions vanish: fits and layouts stop zooming out
 * there (with a little margin above Cytoscape's own threshold) and centre instead.
 */
export const LEGIBLE_ZOOM = Math.ceil((CAPTION_MIN_FONT_SIZE / CAPTION_FONT_SIZE) * 20) / 20;

/** Node class: the caption is drawn. */
export const CAPTIONED = 'captioned';
/** Class of everything not on a shown path or discovery answer: dimmed so the answer stands out. */
export const OFF_PATH = 'off-path';
/** Edge class: the type label is drawn. */
export const LABELLED = 'labelled';
/** Edge class: drawn as a bezier curve (parallel edges fan out) with an arrow head. */
export const CURVED = 'curved';

/** Which nodes carry a caption: all of them, those in view, or none (see CAPTION_ZOOM). */
export type CaptionReach = 'all' | 'in-view' | 'none';

export function captionReach(nodes: number, zoom: number): CaptionReach {
  if (nodes <= NODE_CAPTION_LIMIT) return 'all';
  return zoom >= CAPTION_ZOOM ? 'in-view' : 'none';
}

/** Whether the edges of a scene with this many edges are all labelled, and all curved. */
export function edgeDetail(edges: number): { labelled: boolean; curved: boolean } {
  return { labelled: edges <= EDGE_LABEL_LIMIT, curved: edges <= EDGE_CURVE_LIMIT };
}

const CURVE = {
  'curve-style': 'bezier',
  'target-arrow-shape': 'triangle',
  'arrow-scale': 0.9,
} as const;

export function graphStylesheet(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        'border-color': 'data(border)',
        'border-width': 2,
        width: 'data(size)',
        height: 'data(size)',
      },
    },
    // An overlay's emphasis (elements.ts: centrality) replaces the label's colour and the size.
    { selector: 'node[fill]', style: { 'background-color': 'data(fill)' } },
    { selector: 'node[diameter]', style: { width: 'data(diameter)', height: 'data(diameter)' } },
    {
      selector: `node.${CAPTIONED}, node.highlighted, node:selected, node.path`,
      style: {
        label: 'data(caption)',
        color: CANVAS_TEXT,
        'font-size': CAPTION_FONT_SIZE,
        'font-family': 'system-ui, sans-serif',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'min-zoomed-font-size': CAPTION_MIN_FONT_SIZE,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#9aa4b2',
        'target-arrow-color': '#9aa4b2',
        'curve-style': 'haystack',
      },
    },
    { selector: `edge.${CURVED}, edge.highlighted, edge:selected, edge.path`, style: CURVE },
    {
      // Type labels on every edge only while the scene is small enough to read them; otherwise
      // on the hovered neighbourhood and the selection.
      selector: `edge.${LABELLED}, edge.highlighted, edge:selected`,
      style: {
        label: 'data(type)',
        'font-size': 8,
        color: '#4b5563',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
      },
    },
    {
      selector: 'node:selected',
      style: { 'border-color': SELECTION, 'border-width': 4, 'overlay-opacity': 0 },
    },
    {
      selector: 'edge:selected',
      style: { 'line-color': SELECTION, 'target-arrow-color': SELECTION, width: 3 },
    },
    { selector: '.faded', style: { opacity: 0.2 } },
    { selector: `.${OFF_PATH}`, style: { opacity: 0.15 } },
    {
      selector: 'node.pinned',
      style: { 'border-style': 'double', 'border-width': 5 },
    },
    {
      selector: 'node.path',
      style: { 'border-color': PATH, 'border-width': 5 },
    },
    {
      selector: 'edge.path',
      style: { 'line-color': PATH, 'target-arrow-color': PATH, width: 4 },
    },
    {
      selector: 'node.highlighted',
      style: { 'border-width': 3, 'border-color': CANVAS_TEXT },
    },
    {
      selector: 'edge.highlighted',
      style: { 'line-color': '#475569', 'target-arrow-color': '#475569', width: 2.5 },
    },
  ];
}
