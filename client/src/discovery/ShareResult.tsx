/**
 * Share's answer: what the entities have in common, grouped by kind, each tie with its
 * relationship and quote; then the documents that mention them all, with their quotes.
 */
import type { GraphNode, ShareGroup, ShareResponse } from '../../../common/api.ts';
import { fullCaption } from '../graph/caption.ts';
import { RelationshipEvidence } from './Quote.tsx';

function heading(group: ShareGroup): string {
  return group.relation === 'discussed'
    ? `${group.kind} discussed at meetings each took part in`
    : `${group.kind} linked to all of them`;
}

export function ShareResult({ result }: { result: ShareResponse }) {
  const nodes = new Map(result.nodes.map((n) => [n.id, n]));
  const name = (id: string) => {
    const node: GraphNode | undefined = nodes.get(id);
    return node ? fullCaption(node) : id;
  };
  const names = result.entities.map(fullCaption).join(' and ');
  if (result.message) {
    return (
      <p className="muted" role="status" data-testid="share-message">
        {result.message}
      </p>
    );
  }
  return (
    <div data-testid="share-result">
      <p className="muted">What {names} have in common:</p>
      {result.groups.map((group) => (
        <section
          key={`${group.relation}-${group.kind}`}
          className="discovery__group"
          data-testid="share-group"
        >
          <h3 className="discovery__group-title">
            {heading(group)} <span className="muted">({group.total})</span>
          </h3>
          <ul>
            {group.items.map((item) => (
              <li key={item.node}>
                <strong>{name(item.node)}</strong>
                <ul>
                  {item.ties
                    .filter((tie, i, all) => all.findIndex((t) => t.entity === tie.entity) === i)
                    .map((tie) => (
                      <li key={`${tie.entity}-${tie.via ?? ''}`}>
                        {name(tie.entity)}
                        {tie.via && <span className="muted"> via {name(tie.via)}</span>}:{' '}
                        {tie.relationships.slice(0, tie.via ? 2 : 1).map((rel) => (
                          <RelationshipEvidence key={rel.relationship} rel={rel} />
                        ))}
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {result.documents.length > 0 && (
        <section className="discovery__group" data-testid="share-documents">
          <h3 className="discovery__group-title">Documents mentioning all of them</h3>
          <ul>
            {result.documents.map((doc) => (
              <li key={doc.document}>
                <strong>{name(doc.document)}</strong>
                <ul>
                  {doc.mentions.map((m) => (
                    <li key={m.entity}>
                      {name(m.entity)} ({m.total}):{' '}
                      {m.quotes.slice(0, 3).map((q, i) => (
                        <q key={i} className="discovery__quote">
                          {q.quote}
                        </q>
                      ))}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
