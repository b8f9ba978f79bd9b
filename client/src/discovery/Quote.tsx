/** One supporting quote, or the note that a tie is background knowledge without a quote. */
import type { EvidencedRelationship } from '../../../common/api.ts';

export function RelationshipEvidence({ rel }: { rel: EvidencedRelationship }) {
  const quote = rel.evidence.find((q) => q.quote)?.quote;
  const background = rel.provenance?.source === 'background';
  return (
    <span className="discovery__rel">
      <code>{rel.type}</code>
      {rel.reversed ? ' ←' : ' →'}
      {quote ? (
        <q className="discovery__quote" data-testid="discovery-quote">
          {quote}
        </q>
      ) : (
        <span className="discovery__note">
          {background
            ? `background knowledge${rel.provenance?.basis ? ` (${rel.provenance.basis})` : ''}`
            : 'no quote'}
        </span>
      )}
      {rel.evidence.length > 1 && (
        <span className="discovery__note"> +{rel.evidence.length - 1} more</span>
      )}
    </span>
  );
}
