/**
 * Centrality drawn on the canvas: while on, every node drawn is sized by its score and coloured
 * by its community (asked of the server for exactly those nodes), and the colours are explained
 * by a community legend. Follows the drawn nodes, the measure and the window; hands the canvas
 * its emphasis through `onCanvasStyle`, and takes it away when turned off or unmounted.
 */
import { useEffect, useMemo, useState } from 'react';
import type { CentralityMeasure, CentralityMembersResponse } from '../../../common/api.ts';
import { CENTRALITY_MEMBERS_MAX_IDS } from '../../../common/api.ts';
import { isStoredElementId } from '../../../common/element-id.ts';
import { fetchCentralityMembers, type TimeWindow } from '../api/discovery.ts';
import { useResource } from '../api/useResource.ts';
import type { NodeEmphases } from '../graph/elements.ts';
import { centralityEmphasis } from './canvasStyle.ts';
import { communityColours, type CommunityColours } from './communityColours.ts';

export interface DrawnCentrality {
  kind: 'ready';
  answer: CentralityMembersResponse;
  colours: CommunityColours;
  emphasis: NodeEmphases;
  /** Canvas nodes styled. */
  styled: number;
  /** Canvas nodes left out: more than one request may name. */
  omitted: number;
}

export type CanvasCentrality =
  { kind: 'off' } | { kind: 'loading' } | DrawnCentrality | { kind: 'error'; message: string };

export function useCanvasCentrality(
  drawnIds: readonly string[],
  on: boolean,
  measure: CentralityMeasure,
  window: TimeWindow,
  onCanvasStyle: (emphasis: NodeEmphases | undefined) => void,
): CanvasCentrality {
  const ids = useMemo(() => drawnIds.filter(isStoredElementId), [drawnIds]);
  const asked = ids.slice(0, CENTRALITY_MEMBERS_MAX_IDS);
  const settings = JSON.stringify([measure, window]);
  const answer = useResource(
    on && asked.length > 0 ? JSON.stringify([settings, asked]) : undefined,
    (signal) => fetchCentralityMembers(measure, asked, window, signal),
  );
  const data = answer.kind === 'ready' ? answer.data : undefined;
  const ready = useMemo((): DrawnCentrality | undefined => {
    if (!data) return undefined;
    const colours = communityColours(data);
    const emphasis = centralityEmphasis(data, colours, new Set(drawnIds));
    const omitted = ids.length - Math.min(ids.length, CENTRALITY_MEMBERS_MAX_IDS);
    return { kind: 'ready', answer: data, colours, emphasis, styled: emphasis.size, omitted };
    // Computed once per answer, for the nodes it was asked about.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);
  // While the drawn nodes change, the last answer for these settings stays drawn until the next.
  const [last, setLast] = useState<{ settings: string; state: DrawnCentrality }>();
  if (ready && last?.state !== ready) setLast({ settings, state: ready });
  const shown = ready ?? (last?.settings === settings ? last.state : undefined);

  const emphasis = on ? shown?.emphasis : undefined;
  useEffect(() => onCanvasStyle(emphasis), [emphasis, onCanvasStyle]);
  useEffect(() => () => onCanvasStyle(undefined), [onCanvasStyle]);

  if (!on) return { kind: 'off' };
  if (answer.kind === 'error') return { kind: 'error', message: answer.error.message };
  return shown ?? { kind: 'loading' };
}
