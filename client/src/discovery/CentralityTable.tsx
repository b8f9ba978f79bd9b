/**
 * Who is central: nodes ranked by degree, PageRank or betweenness within the time window,
 * with their communities; optionally drawn on the canvas (every node sized by score and
 * coloured by community, with a community legend).
 */
import { useState, type RefObject } from 'react';
import type { CentralityMeasure } from '../../../common/api.ts';
import { fullCaption } from '../graph/caption.ts';
import type { GraphCanvasHandle } from '../graph/GraphCanvas.tsx';
import { fetchCentrality, type TimeWindow } from './api.ts';
import { CommunityLegend } from './CommunityLegend.tsx';
import { rankingColour } from './communityColours.ts';
import type { Highlight } from './DiscoveryPanel.tsx';
import { useCanvasCentrality } from './useCanvasCentrality.ts';
import { useFetched } from './useFetched.ts';

const MEASURES: { id: CentralityMeasure; label: string }[] = [
  { id: 'degree', label: 'Degree' },
  { id: 'pagerank', label: 'PageRank' },
  { id: 'betweenness', label: 'Betweenness' },
];
const ROWS = 15;

interface Props {
  window: TimeWindow;
  canvas: RefObject<GraphCanvasHandle | null>;
  /** Changes whenever the canvas elements change, so the styling follows them. */
  elementsKey: unknown;
  onHighlight: (highlight: Highlight | undefined) => void;
}

export function CentralityTable({ window, canvas, elementsKey, onHighlight }: Props) {
  const [measure, setMeasure] = useState<CentralityMeasure>('degree');
  const [onCanvas, setOnCanvas] = useState(false);
  const state = useFetched(JSON.stringify([measure, window]), (signal) =>
    fetchCentrality(measure, ROWS, window, signal),
  );
  const drawn = useCanvasCentrality(canvas, onCanvas, measure, window, elementsKey);
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
          {state.message}
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
