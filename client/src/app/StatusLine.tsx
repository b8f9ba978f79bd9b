/** "N nodes · M relationships shown (of T in the database)" beside the canvas controls. */
import type { OverviewResponse } from '../../../common/api.ts';
import type { Loadable } from '../graph/useOverview.ts';

const count = new Intl.NumberFormat('en');

export function StatusLine({ overview }: { overview: Loadable<OverviewResponse> }) {
  if (overview.kind !== 'ready') return null;
  const { nodes, relationships, totalNodes, truncated } = overview.data;
  return (
    <p className="status-line" data-testid="scene-counts" aria-live="polite">
      {plural(nodes.length, 'node')} · {plural(relationships.length, 'relationship')}
      {truncated && <> (of {count.format(totalNodes)} nodes in the database)</>}
    </p>
  );
}

export function plural(n: number, noun: string): string {
  return `${count.format(n)} ${noun}${n === 1 ? '' : 's'}`;
}
