/**
 * The details panel for the selection: labels or type, properties, degree per relationship type
 * with expand actions, evidence quotes and a badge on background-knowledge facts.
 */
import type {
  GraphNode,
  GraphRelationship,
  NodeResponse,
  RelationshipResponse,
} from '../../../common/api.ts';
import { orderPropertyKeys, splitProperties } from '../../../common/internal.ts';
import type { EncodedValue } from '../../../common/values.ts';
import { fullCaption } from '../graph/caption.ts';
import type { LabelStyles } from '../graph/palette.ts';
import type { Resource } from '../api/useResource.ts';
import type { Expansion } from '../scene/scene.ts';
import { displayValue } from '../values/format.ts';
import { Evidence } from './Evidence.tsx';
import { ProvenanceBadge, provenanceOf } from './ProvenanceBadge.tsx';
import './details.css';

export interface NodeActions {
  expand(id: string, type?: string, direction?: 'out' | 'in', skip?: number): void;
  collapse(id: string): void;
  hide(id: string): void;
  pin(id: string, pinned: boolean): void;
  openPassage(passage: GraphNode): void;
}

interface NodeProps {
  node: GraphNode;
  details: Resource<NodeResponse>;
  styles: LabelStyles;
  expansion: Expansion | undefined;
  pinned: boolean;
  actions: NodeActions;
}

export function NodeDetails({ node, details, styles, expansion, pinned, actions }: NodeProps) {
  const loaded = details?.kind === 'ready' ? details.data : undefined;
  const shown = loaded?.node ?? node;
  return (
    <section className="details" aria-labelledby="details-title" data-testid="node-details">
      <h2 id="details-title" className="details__title">
        {fullCaption(shown)}
      </h2>
      <ul className="details__labels" aria-label="Labels">
        {shown.labels.map((label) => (
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
      <ProvenanceBadge provenance={loaded?.provenance ?? provenanceOf(shown.properties)} />
      {node.virtual && (
        <p className="muted" data-testid="virtual-node">
          Virtual: made up by the procedure that returned it, not stored in the database. Its
          properties below are all there is; it has no relationships to expand.
        </p>
      )}
      <div className="details__actions" role="group" aria-label="Node actions">
        <button type="button" disabled={node.virtual} onClick={() => actions.expand(node.id)}>
          Expand
        </button>
        <button type="button" onClick={() => actions.collapse(node.id)}>
          Collapse
        </button>
        <button type="button" onClick={() => actions.hide(node.id)}>
          Hide
        </button>
        <button type="button" aria-pressed={pinned} onClick={() => actions.pin(node.id, !pinned)}>
          {pinned ? 'Unpin' : 'Pin'}
        </button>
      </div>
      {expansion && (
        <p className="details__expansion" data-testid="expansion-count">
          {expansion.shown} of {expansion.total}
          {expansion.type ? ` ${expansion.type}` : ''} relationships shown
          {expansion.shown < expansion.total && (
            <button
              type="button"
              className="small"
              onClick={() =>
                actions.expand(node.id, expansion.type, expansion.direction, expansion.shown)
              }
            >
              Show more
            </button>
          )}
        </p>
      )}
      {details?.kind === 'error' && (
        <p className="details__error" role="alert">
          Details could not be loaded: {details.error.message}
        </p>
      )}
      {details?.kind === 'loading' && <p className="muted">Loading details…</p>}
      {loaded && loaded.degree.byType.length > 0 && (
        <>
          <h3 className="details__heading">Relationships ({loaded.degree.total})</h3>
          <ul className="degree" aria-label="Relationships by type">
            {loaded.degree.byType.map((row) => (
              <li key={`${row.type}-${row.direction}`} className="degree__row">
                <span className="degree__type">
                  {row.direction === 'out' ? '→' : '←'} {row.type}
                </span>
                <span className="degree__count">{row.count}</span>
                <button
                  type="button"
                  className="small"
                  aria-label={`Expand ${row.direction === 'out' ? 'outgoing' : 'incoming'} ${row.type}`}
                  onClick={() => actions.expand(node.id, row.type, row.direction)}
                >
                  Expand
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {loaded?.evidence && (
        <>
          <h3 className="details__heading">Evidence</h3>
          <Evidence evidence={loaded.evidence} onOpenPassage={actions.openPassage} />
        </>
      )}
      <h3 className="details__heading">Properties</h3>
      <PropertyList properties={shown.properties} />
    </section>
  );
}

interface RelationshipProps {
  relationship: GraphRelationship;
  start: GraphNode | undefined;
  end: GraphNode | undefined;
  details: Resource<RelationshipResponse>;
  onOpenPassage: (passage: GraphNode) => void;
}

export function RelationshipDetails({
  relationship,
  start,
  end,
  details,
  onOpenPassage,
}: RelationshipProps) {
  const loaded = details?.kind === 'ready' ? details.data : undefined;
  return (
    <section className="details" aria-labelledby="details-title" data-testid="relationship-details">
      <h2 id="details-title" className="details__title">
        {relationship.type}
      </h2>
      <p className="details__ends">
        {start ? fullCaption(start) : '?'} → {end ? fullCaption(end) : '?'}
      </p>
      <ProvenanceBadge provenance={loaded?.provenance ?? provenanceOf(relationship.properties)} />
      {details?.kind === 'error' && (
        <p className="details__error" role="alert">
          Evidence could not be loaded: {details.error.message}
        </p>
      )}
      {details?.kind === 'loading' && <p className="muted">Loading evidence…</p>}
      {loaded?.evidence && (
        <>
          <h3 className="details__heading">Evidence</h3>
          <Evidence evidence={loaded.evidence} onOpenPassage={onOpenPassage} />
        </>
      )}
      <h3 className="details__heading">Properties</h3>
      <PropertyList properties={relationship.properties} />
    </section>
  );
}

/** What a reader looks at in view; the bookkeeping (common/internal.ts) collapsed below it. */
function PropertyList({ properties }: { properties: GraphNode['properties'] }) {
  const { shown, internal } = splitProperties(properties);
  const order = orderPropertyKeys([{ properties }]);
  const byOrder = (a: [string, unknown], b: [string, unknown]) =>
    order.indexOf(a[0]) - order.indexOf(b[0]);
  if (shown.length === 0 && internal.length === 0) return <p className="muted">No properties.</p>;
  return (
    <>
      <PropertyRows entries={shown.sort(byOrder)} />
      {internal.length > 0 && (
        <details className="details__bookkeeping" data-testid="bookkeeping">
          <summary>Bookkeeping ({internal.length})</summary>
          <PropertyRows entries={internal.sort(byOrder)} />
        </details>
      )}
    </>
  );
}

function PropertyRows({ entries }: { entries: [string, EncodedValue][] }) {
  if (entries.length === 0) return null;
  return (
    <dl className="details__properties">
      {entries.map(([key, value]) => (
        <div key={key} className="details__property">
          <dt>{key}</dt>
          <dd>{displayValue(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
