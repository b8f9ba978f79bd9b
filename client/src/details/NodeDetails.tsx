/** The details panel for the selected node: its labels and every property, values shown exactly. */
import type { GraphNode } from '../../../common/api.ts';
import { fullCaption } from '../graph/caption.ts';
import type { LabelStyles } from '../graph/palette.ts';
import { formatValue } from '../values/format.ts';

interface Props {
  node: GraphNode;
  styles: LabelStyles;
}

export function NodeDetails({ node, styles }: Props) {
  const entries = Object.entries(node.properties);
  return (
    <section className="details" aria-labelledby="details-title" data-testid="node-details">
      <h2 id="details-title" className="details__title">
        {fullCaption(node)}
      </h2>
      <ul className="details__labels" aria-label="Labels">
        {node.labels.map((label) => (
          <li
            key={label}
            className="chip"
            style={{
              borderColor: styles[label]?.color,
              background: `${styles[label]?.color ?? '#8a94a6'}22`,
            }}
          >
            {label}
          </li>
        ))}
      </ul>
      {entries.length === 0 ? (
        <p className="muted">No properties.</p>
      ) : (
        <dl className="details__properties">
          {entries.map(([key, value]) => (
            <div key={key} className="details__property">
              <dt>{key}</dt>
              <dd>{formatValue(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
