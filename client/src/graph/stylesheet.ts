/** The Cytoscape stylesheet: per-element colours and sizes come from element data (elements.ts). */
import type { StylesheetJson } from 'cytoscape';

export const CANVAS_TEXT = '#1f2937';
export const SELECTION = '#0b5fff';
export const PATH = '#d97706';
/** Above this many edges, type labels show only on hover and selection. */
export const EDGE_LABEL_LIMIT = 60;

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
        label: 'data(caption)',
        color: CANVAS_TEXT,
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'min-zoomed-font-size': 6,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#9aa4b2',
        'target-arrow-color': '#9aa4b2',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'curve-style': 'bezier',
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
      // Type labels on every edge only while the scene is small enough to read them; otherwise
      // on the hovered neighbourhood and the selection.
      selector: 'edge.labelled, edge.highlighted, edge:selected',
      style: { label: 'data(type)' },
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
