/** The kind of a node for grouping: its label other than the common Entity label. */
import { ENTITY_LABEL } from '../model/ontology.ts';

export function kindOf(labels: readonly string[]): string | null {
  return [...labels].sort().find((label) => label !== ENTITY_LABEL) ?? labels[0] ?? null;
}
