/** Marks facts that come from background knowledge rather than the text, with their basis. */
import type { Provenance } from '../../../common/api.ts';
import './details.css';

export function ProvenanceBadge({ provenance }: { provenance: Provenance | null | undefined }) {
  if (!provenance) return null;
  if (provenance.source === 'background') {
    return (
      <p className="provenance provenance--background" data-testid="background-badge">
        <span className="badge badge--background">Background knowledge</span>
        {provenance.basis && <span className="provenance__basis">Basis: {provenance.basis}</span>}
      </p>
    );
  }
  return (
    <p className="provenance">
      <span className="badge badge--text">Stated in the text</span>
    </p>
  );
}

/** Provenance read from an element's own properties (`source`, `basis`), where it has them. */
export function provenanceOf(properties: Record<string, unknown>): Provenance | null {
  const source = properties.source;
  if (typeof source !== 'string') return null;
  const basis = properties.basis;
  return { source, basis: typeof basis === 'string' ? basis : null };
}
