/**
 * What a node is called on the canvas and in the panels: the shared caption rule
 * (common/caption.ts) with the rules of the connected database — chosen from its schema, and
 * overridden per label by the reader (captionChoices.ts). The rules in force are set once per
 * render by the app (setCaptionRules), so every panel names a node the same way.
 */
import type { GraphNode } from '../../../common/api.ts';
import { captionOf, type CaptionRules } from '../../../common/caption.ts';

export { CAPTION_KEYS, shortId } from '../../../common/caption.ts';

const MAX_CAPTION = 40;

let rules: CaptionRules = {};

/** The per-label rules in force from now on (the schema's, with the reader's choices over them). */
export function setCaptionRules(next: CaptionRules): void {
  rules = next;
}

/** The text shown under a node (shortened to stay readable on the canvas). */
export function nodeCaption(node: Pick<GraphNode, 'labels' | 'properties' | 'id'>): string {
  return shorten(fullCaption(node), MAX_CAPTION);
}

/** The node's caption without shortening, for tooltips and the details panel. */
export function fullCaption(node: Pick<GraphNode, 'labels' | 'properties' | 'id'>): string {
  return captionOf(node, rules);
}

export function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1).trimEnd()}…`;
}
