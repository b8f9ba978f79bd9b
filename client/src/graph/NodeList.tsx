/**
 * Every node on the canvas as a list of buttons: the keyboard and screen-reader way to reach
 * what the canvas draws. Choosing one selects it on the canvas.
 */
import { useMemo } from 'react';
import type { GraphNode } from '../../../common/api.ts';
import { captionOf, type CaptionRules } from '../../../common/caption.ts';
import { primaryLabel, type LabelCounts, type LabelStyles } from './palette.ts';
import './node-list.css';

interface Props {
  nodes: readonly GraphNode[];
  styles: LabelStyles;
  counts: LabelCounts;
  /** The caption rules in force; new rules re-caption the list. */
  captions: CaptionRules;
  selectedId: string | undefined;
  onChoose: (id: string) => void;
}

export function NodeList({ nodes, styles, counts, captions, selectedId, onChoose }: Props) {
  const rows = useMemo(
    () =>
      nodes
        .map((node) => ({
          id: node.id,
          caption: captionOf(node, captions),
          label: primaryLabel(node.labels, counts) ?? '',
        }))
        .sort((a, b) => a.caption.localeCompare(b.caption)),
    [nodes, counts, captions],
  );
  if (rows.length === 0) return null;
  return (
    <details className="node-list">
      <summary>Nodes on the canvas ({rows.length})</summary>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>
            <button
              type="button"
              className="node-list__item"
              aria-pressed={row.id === selectedId}
              onClick={() => onChoose(row.id)}
            >
              <span
                className="legend__swatch"
                style={{ background: styles[row.label]?.color }}
                aria-hidden="true"
              />
              <span>{row.caption}</span>
              <span className="muted node-list__label">{row.label}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
