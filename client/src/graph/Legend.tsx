/** The legend: one row per label on the canvas, with its colour and how many nodes carry it. */
import type { LegendEntry } from './elements.ts';

export function Legend({ entries }: { entries: LegendEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="legend__title">
        Labels
      </h2>
      <ul className="legend__list">
        {entries.map((entry) => (
          <li key={entry.label} className="legend__item" data-testid="legend-entry">
            <span
              className="legend__swatch"
              style={{ background: entry.color }}
              aria-hidden="true"
            />
            <span className="legend__label">{entry.label}</span>
            <span className="legend__count">{entry.count}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
