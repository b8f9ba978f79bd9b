/** A discovery answer's projection summary when nothing in it matters to the test. */
import type { ProjectionSummary } from '../../common/api.ts';

export const EMPTY_PROJECTION: ProjectionSummary = {
  scope: { labels: [], documents: [], from: null, to: null },
  nodes: 0,
  links: 0,
  relationships: 0,
  excludedLabels: [],
  excludedTypes: [],
  fresh: true,
  readMs: 0,
};
