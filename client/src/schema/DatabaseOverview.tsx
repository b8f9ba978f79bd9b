/**
 * What is in the database at a glance: totals, counts per label and per relationship type as
 * small bar charts, and the schema diagram. Choosing a label shows some of its nodes.
 */
import type { SchemaResponse } from '../../../common/api.ts';
import type { LabelStyles } from '../graph/palette.ts';
import { SchemaDiagram } from './SchemaDiagram.tsx';
import './schema.css';

const count = new Intl.NumberFormat('en');
const BARS = 12;

interface Props {
  schema: SchemaResponse;
  styles: LabelStyles;
  onLabel: (label: string) => void;
}

export function DatabaseOverview({ schema, styles, onLabel }: Props) {
  const labels = [...schema.labels].filter((l) => l.count > 0).sort((a, b) => b.count - a.count);
  const types = [...schema.relationshipTypes].sort((a, b) => b.count - a.count);
  const maxLabel = Math.max(1, ...labels.map((l) => l.count));
  const maxType = Math.max(1, ...types.map((t) => t.count));
  return (
    <section
      className="db-overview"
      aria-labelledby="db-overview-title"
      data-testid="database-overview"
    >
      <h2 id="db-overview-title" className="legend__title">
        Database “{schema.database}”
      </h2>
      <p className="db-overview__totals">
        {count.format(schema.totals.nodes)} nodes · {count.format(schema.totals.relationships)}{' '}
        relationships
      </p>
      <SchemaDiagram schema={schema} styles={styles} onLabel={onLabel} />
      <h3 className="details__heading">Nodes by label</h3>
      <ul className="bars" aria-label="Nodes by label">
        {labels.slice(0, BARS).map((l) => (
          <li key={l.label}>
            <button
              type="button"
              className="bars__row"
              onClick={() => onLabel(l.label)}
              title={`Show ${l.label} nodes`}
            >
              <span className="bars__name">{l.label}</span>
              <span className="bars__track" aria-hidden="true">
                <span
                  className="bars__bar"
                  style={{
                    width: `${(100 * l.count) / maxLabel}%`,
                    background: styles[l.label]?.color ?? '#8a94a6',
                  }}
                />
              </span>
              <span className="bars__count">{count.format(l.count)}</span>
            </button>
          </li>
        ))}
      </ul>
      <h3 className="details__heading">Relationships by type</h3>
      <ul className="bars" aria-label="Relationships by type">
        {types.slice(0, BARS).map((t) => (
          <li key={t.type} className="bars__row bars__row--static">
            <span className="bars__name bars__name--type">{t.type}</span>
            <span className="bars__track" aria-hidden="true">
              <span className="bars__bar" style={{ width: `${(100 * t.count) / maxType}%` }} />
            </span>
            <span className="bars__count">{count.format(t.count)}</span>
          </li>
        ))}
      </ul>
      {(labels.length > BARS || types.length > BARS) && (
        <p className="muted">The largest {BARS} of each are shown.</p>
      )}
    </section>
  );
}
