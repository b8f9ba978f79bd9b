/**
 * Cuts a paragraph into pieces for the document view: where entity mentions are (links to
 * their nodes) and where the selection's evidence is (highlighted), both at once.
 */

export interface Mention {
  /** The mention relationship's id. */
  id: string;
  /** The mentioned node. */
  nodeId: string;
  start: number;
  end: number;
}

export interface Range {
  start: number;
  end: number;
}

export interface Piece {
  text: string;
  start: number;
  mention: Mention | undefined;
  highlighted: boolean;
}

/**
 * Pieces covering `text` in order. A stretch inside several mentions belongs to the longest
 * (the most complete name); ranges are clipped to the text and empty ones ignored.
 */
export function paragraphPieces(
  text: string,
  mentions: readonly Mention[],
  highlights: readonly Range[],
): Piece[] {
  const clip = <T extends Range>(r: T): T => ({
    ...r,
    start: Math.max(0, r.start),
    end: Math.min(text.length, r.end),
  });
  const ms = mentions.map(clip).filter((m) => m.end > m.start);
  const hs = highlights.map(clip).filter((h) => h.end > h.start);
  const cuts = new Set<number>([0, text.length]);
  for (const r of [...ms, ...hs]) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    if (end <= start) continue;
    const covering = ms
      .filter((m) => m.start <= start && m.end >= end)
      .sort((a, b) => b.end - b.start - (a.end - a.start))[0];
    const highlighted = hs.some((h) => h.start <= start && h.end >= end);
    const last = pieces.at(-1);
    if (last && last.mention === covering && last.highlighted === highlighted) {
      last.text += text.slice(start, end);
    } else {
      pieces.push({ text: text.slice(start, end), start, mention: covering, highlighted });
    }
  }
  return pieces;
}

/** Evidence ranges a relationship records for one passage (index-aligned property lists). */
export function relationshipEvidence(
  properties: Record<string, unknown>,
  passageKey: string,
): Range[] {
  const passages = properties.evidencePassages;
  const starts = properties.evidenceStarts;
  const ends = properties.evidenceEnds;
  if (!Array.isArray(passages) || !Array.isArray(starts) || !Array.isArray(ends)) return [];
  const out: Range[] = [];
  passages.forEach((key, i) => {
    const start = starts[i];
    const end = ends[i];
    if (key === passageKey && typeof start === 'number' && typeof end === 'number')
      out.push({ start, end });
  });
  return out;
}
