/**
 * What a node is called on the canvas. Works on any database: the usual naming properties
 * first, then the first text property, then the label itself.
 */
import type { GraphNode } from '../../../common/api.ts';
import type { EncodedValue } from '../../../common/values.ts';

/** Property keys that name a thing, most telling first. */
export const CAPTION_KEYS = ['name', 'title', 'caption', 'label', 'acronym', 'code'] as const;

const MAX_CAPTION = 40;

/** The text shown under a node (shortened to stay readable on the canvas). */
export function nodeCaption(node: Pick<GraphNode, 'labels' | 'properties' | 'id'>): string {
  return shorten(fullCaption(node), MAX_CAPTION);
}

/** The node's caption without shortening, for tooltips and the details panel. */
export function fullCaption(node: Pick<GraphNode, 'labels' | 'properties' | 'id'>): string {
  const props = node.properties;
  for (const key of CAPTION_KEYS) {
    const value = props[key];
    const text = typeof value === 'number' ? String(value) : asText(value);
    if (text) return text;
  }
  // Past the naming keys only text names a thing; a number such as a year would mislead.
  for (const key of Object.keys(props).sort()) {
    const text = asText(props[key]);
    if (text) return text;
  }
  return `${node.labels[0] ?? 'Node'} ${shortId(node.id)}`;
}

function asText(value: EncodedValue | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The distinctive tail of an element id ("4:…:12" → "#12"). */
export function shortId(id: string): string {
  const tail = id.split(':').pop() ?? id;
  return `#${tail}`;
}

export function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}
