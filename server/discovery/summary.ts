/** The projection as an answer reports it. */
import type { ProjectionSummary } from '../../common/api.ts';
import type { CachedProjection } from './cache.ts';

export function summarise({ projection, fresh }: CachedProjection): ProjectionSummary {
  return {
    scope: projection.scope,
    nodes: projection.nodes,
    links: projection.links,
    relationships: projection.relationships,
    excludedLabels: projection.excludedLabels,
    excludedTypes: projection.excludedTypes,
    fresh,
    readMs: projection.readMs,
  };
}
