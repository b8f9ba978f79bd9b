/**
 * Connect's answer: ranked paths, each with its cost explained, and for the chosen one every
 * hop with the relationships between its two nodes and the quote behind each.
 */
import type { ConnectPath, ConnectResponse, GraphNode } from '../../../common/api.ts';
import { fullCaption } from '../graph/caption.ts';
import { RelationshipEvidence } from './Quote.tsx';
import '../paths/paths.css';

interface Props {
  result: ConnectResponse;
  chosen: number;
  onChoose: (index: number) => void;
}

export function ConnectResult({ result, chosen, onChoose }: Props) {
  const nodes = new Map(result.nodes.map((n) => [n.id, n]));
  const name = (id: string) => {
    const node = nodes.get(id);
    return node ? fullCaption(node) : id;
  };
  if (result.paths.length === 0) {
    return (
      <p className="muted" role="status" data-testid="connect-message">
        {result.message}
      </p>
    );
  }
  return (
    <div data-testid="connect-result">
      <p className="muted">
        {fullCaption(result.from)} → {fullCaption(result.to)}: {result.paths.length} path
        {result.paths.length === 1 ? '' : 's'} within {result.maxLength} hops, ranked{' '}
        {result.rank === 'weighted' ? 'by evidence and specificity' : 'by hops'}.
        {result.partial && ' The search stopped at its budget: more may exist.'}
      </p>
      <ol className="discovery__paths" data-testid="connect-paths">
        {result.paths.map((path, index) => (
          <li key={path.nodes.join()} className="discovery__path">
            <button
              type="button"
              className="discovery__choose"
              aria-pressed={index === chosen}
              onClick={() => onChoose(index)}
            >
              <span className="discovery__route">{path.nodes.map(name).join(' → ')}</span>
              <span className="discovery__cost">
                {path.length} hop{path.length === 1 ? '' : 's'} · cost {path.cost.total.toFixed(2)}
              </span>
            </button>
            {index === chosen && <Hops path={path} nodes={nodes} />}
          </li>
        ))}
      </ol>
    </div>
  );
}

function Hops({ path, nodes }: { path: ConnectPath; nodes: Map<string, GraphNode> }) {
  const name = (id: string) => {
    const node = nodes.get(id);
    return node ? fullCaption(node) : id;
  };
  const hubs = path.cost.through.filter((t) => t.degree > 2);
  return (
    <div className="discovery__hops" data-testid="connect-hops">
      <ol>
        {path.hops.map((hop) => (
          <li key={`${hop.from}-${hop.to}`}>
            <strong>{name(hop.from)}</strong> — <strong>{name(hop.to)}</strong>
            <ul>
              {hop.relationships.map((rel) => (
                <li key={rel.relationship}>
                  <RelationshipEvidence rel={rel} />
                </li>
              ))}
              {hop.total > hop.relationships.length && (
                <li className="muted">and {hop.total - hop.relationships.length} more</li>
              )}
            </ul>
          </li>
        ))}
      </ol>
      <p className="discovery__note">
        Cost {path.cost.total.toFixed(2)} = {path.cost.hops} hops
        {path.cost.unsupportedHops > 0 &&
          ` + ${path.cost.unsupportedPenalty} for ${path.cost.unsupportedHops} hop(s) without a quote`}
        {path.cost.hubPenalty > 0 &&
          ` + ${path.cost.hubPenalty.toFixed(2)} for passing through ${hubs.length > 0 ? hubs.map((h) => `${name(h.node)} (${h.degree} neighbours)`).join(', ') : 'intermediate nodes'}`}
        .
      </p>
    </div>
  );
}
