/** The projection as an answer reports it. */
import type { ProjectionSummary } from '../../common/api.ts';
import type { CachedProjection } from './cache.ts';

export function summarise({ projection, fresh }: CachedProjection): ProjectionSummary {
  return {
    scope: projection.scope,
    nodes: projection.graph.order,
    links: projection.graph.size,
    relationships: projection.relationships,
    excludedLabels: projection.excludedLabels,
    excludedTypes: projection.excludedTypes,
    fresh,
    readMs: projection.readMs,
  };
}

/** A readable name for messages: the projection's caption, else the id. */
export function captionOf(projection: CachedProjection['projection'], id: string): string {
  return projection.graph.hasNode(id) ? projection.graph.getNodeAttribute(id, 'caption') : id;
}
