/**
 * Who is central: nodes ranked by degree, PageRank or betweenness within the time window,
 * with their communities; optionally drawn on the canvas (every node sized by score and
 * coloured by community, with a community legend).
 */
import { useState } from 'react';
import type { CentralityMeasure } from '../../../common/api.ts';
import { fullCaption } from '../graph/caption.ts';
import type { NodeEmphases } from '../graph/elements.ts';
import { fetchCentrality, type TimeWindow } from '../api/discovery.ts';
import { CommunityLegend } from './CommunityLegend.tsx';
import { rankingColour } from './communityColours.ts';
import type { Highlight } from './DiscoveryPanel.tsx';
import { useCanvasCentrality } from './useCanvasCentrality.ts';
import { useResource } from '../api/useResource.ts';

const MEASURES: { id: CentralityMeasure; label: string }[] = [
  { id: 'degree', label: 'Degree' },
  { id: 'pagerank', label: 'PageRank' },
  { id: 'betweenness', label: 'Betweenness' },
];
const ROWS = 15;

interface Props {
  window: TimeWindow;
  /** The ids of the nodes drawn: the ones coloured. */
  drawnIds: readonly string[];
  /** Draws an emphasis on the canvas (undefined: none). */
  onCanvasStyle: (emphasis: NodeEmphases | undefined) => void;
  onHighlight: (highlight: Highlight | undefined) => void;
}

export function CentralityTable({ window, drawnIds, onCanvasStyle, onHighlight }: Props) {
  const [measure, setMeasure] = useState<CentralityMeasure>('degree');
  const [onCanvas, setOnCanvas] = useState(false);
  const state = useResource(JSON.stringify([measure, window]), (signal) =>
    fetchCentrality(measure, ROWS, window, signal),
  );
  const drawn = useCanvasCentrality(drawnIds, onCanvas, measure, window, onCanvasStyle);
  const result = state.kind === 'ready' ? state.data : undefined;
  // The table's swatches agree with the canvas while it is coloured.
  const colourOf = drawn.kind === 'ready' ? drawn.colours.colourOf : rankingColour;

  return (
    <section
      className="discovery__section"
      aria-labelledby="central-title"
      data-testid="centrality"
      data-styled={drawn.kind === 'ready' ? drawn.styled : 0}
    >
      <h3 id="central-title" className="discovery__group-title">
        Who is central
      </h3>
      <div className="discovery__controls">
        <label>
          Measure{' '}
          <select value={measure} onChange={(e) => setMeasure(e.target.value as CentralityMeasure)}>
            {MEASURES.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={onCanvas}
            onChange={(e) => setOnCanvas(e.target.checked)}
          />{' '}
          Size and colour the canvas
        </label>
      </div>
      {state.kind === 'loading' && (
        <p className="muted" role="status">
          Computing…
        </p>
      )}
      {state.kind === 'error' && (
        <p className="details__error" role="alert">
          {state.error.message}
        </p>
      )}
      {result && (
        <>
          <table className="discovery__table" data-testid="centrality-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Name</th>
                <th scope="col">{MEASURES.find((m) => m.id === result.measure)?.label}</th>
                <th scope="col">Links</th>
                <th scope="col">Group</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.node.id}>
                  <td>{row.rank}</td>
                  <td>{fullCaption(row.node)}</td>
                  <td>{result.measure === 'degree' ? row.score : row.score.toFixed(3)}</td>
                  <td>{row.degree}</td>
                  <td>
                    <span
                      className="discovery__swatch"
                      style={{ background: colourOf(row.community) }}
                      aria-hidden="true"
                    />
                    {row.community + 1}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="discovery__note">
            {result.total} nodes, {result.communities.length} communities
            {result.modularity !== null && ` (modularity ${result.modularity.toFixed(2)})`}.
          </p>
        </>
      )}
      {drawn.kind === 'error' && (
        <p className="details__error" role="alert">
          The canvas could not be coloured: {drawn.message}
        </p>
      )}
      {drawn.kind === 'ready' && <CommunityLegend state={drawn} onHighlight={onHighlight} />}
    </section>
  );
}
