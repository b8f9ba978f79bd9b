/**
 * The legend and view filters: one row per label on the canvas with its colour (adjustable) and
 * count, and one per relationship type; unticking one hides it from the canvas.
 */
import type { LegendEntry } from './elements.ts';
import type { TypeEntry } from './filters.ts';
import './legend.css';

interface Props {
  entries: LegendEntry[];
  types: TypeEntry[];
  hiddenLabels: readonly string[];
  hiddenTypes: readonly string[];
  onLabelShown: (label: string, shown: boolean) => void;
  onTypeShown: (type: string, shown: boolean) => void;
  onColour: (label: string, colour: string) => void;
}

export function Legend(props: Props) {
  const { entries, types, hiddenLabels, hiddenTypes } = props;
  if (entries.length === 0) return null;
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="legend__title">
        Labels
      </h2>
      <ul className="legend__list">
        {entries.map((entry) => (
          <li key={entry.label} className="legend__item" data-testid="legend-entry">
            <input
              type="checkbox"
              checked={!hiddenLabels.includes(entry.label)}
              aria-label={`Show ${entry.label}`}
              onChange={(e) => props.onLabelShown(entry.label, e.target.checked)}
            />
            <input
              type="color"
              className="legend__colour"
              value={entry.color}
              aria-label={`Colour for ${entry.label}`}
              onChange={(e) => props.onColour(entry.label, e.target.value)}
            />
            <span className="legend__label">{entry.label}</span>
            <span className="legend__count">{entry.count}</span>
          </li>
        ))}
      </ul>
      {types.length > 0 && (
        <details className="legend__types">
          <summary>Relationship types ({types.length})</summary>
          <ul className="legend__list">
            {types.map((entry) => (
              <li key={entry.type} className="legend__item" data-testid="type-entry">
                <input
                  type="checkbox"
                  checked={!hiddenTypes.includes(entry.type)}
                  aria-label={`Show ${entry.type}`}
                  onChange={(e) => props.onTypeShown(entry.type, e.target.checked)}
                />
                <span className="legend__label legend__type">{entry.type}</span>
                <span className="legend__count">{entry.count}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
