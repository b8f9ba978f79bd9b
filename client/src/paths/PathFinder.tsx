/**
 * The path finder: pick two entities (by search or from the selection), see the shortest and
 * alternative paths between them highlighted on the canvas, with the evidence for each hop.
 */
import { useState } from 'react';
import type { FoundPath, GraphNode, PathsResponse } from '../../../common/api.ts';
import { fetchPaths } from '../api/paths.ts';
import { ProvenanceBadge } from '../details/ProvenanceBadge.tsx';
import { fullCaption } from '../graph/caption.ts';
import type { LabelCounts, LabelStyles } from '../graph/palette.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import './paths.css';

export const MAX_LENGTHS = [2, 3, 4, 5, 6] as const;
const DEFAULT_MAX_LENGTH = 4;
const ALTERNATIVES = 3;

interface Props {
  selected: GraphNode | undefined;
  suggestions: readonly GraphNode[];
  styles: LabelStyles;
  counts: LabelCounts;
  result: PathsResponse | undefined;
  chosen: number;
  onResult: (result: PathsResponse) => void;
  onChoose: (index: number) => void;
}

export function PathFinder({
  selected,
  suggestions,
  styles,
  counts,
  result,
  chosen,
  onResult,
  onChoose,
}: Props) {
  const [pickedFrom, setFrom] = useState<GraphNode | undefined>();
  const [pickedTo, setTo] = useState<GraphNode | undefined>();
  // Until the user picks, the ends are those of the result shown (e.g. from a shared link).
  const from = pickedFrom ?? result?.from;
  const to = pickedTo ?? result?.to;
  const [maxLength, setMaxLength] = useState<number>(DEFAULT_MAX_LENGTH);
  const [status, setStatus] = useState<{ busy: boolean; error?: string }>({ busy: false });

  const find = async () => {
    if (!from || !to) return;
    setStatus({ busy: true });
    try {
      onResult(await fetchPaths(from.id, to.id, { maxLength, k: ALTERNATIVES }));
      setStatus({ busy: false });
    } catch (error) {
      setStatus({ busy: false, error: (error as Error).message });
    }
  };

  const endpoint = (
    which: 'From' | 'To',
    value: GraphNode | undefined,
    set: (n: GraphNode) => void,
  ) => (
    <div className="pathfinder__endpoint">
      <span className="pathfinder__label">{which}</span>
      <strong className="pathfinder__value" data-testid={`path-${which.toLowerCase()}`}>
        {value ? fullCaption(value) : '—'}
      </strong>
      <SearchBox
        suggestions={suggestions}
        styles={styles}
        counts={counts}
        onPick={set}
        label={`${which}: search for an entity`}
        placeholder="Search…"
        variant="panel"
      />
      <button
        type="button"
        className="small"
        disabled={!selected}
        onClick={() => selected && set(selected)}
      >
        Use selected{selected ? `: ${fullCaption(selected)}` : ''}
      </button>
    </div>
  );

  return (
    <section className="pathfinder" aria-labelledby="paths-title" data-testid="path-finder">
      <h2 id="paths-title" className="details__title">
        Find paths
      </h2>
      {endpoint('From', from, setFrom)}
      {endpoint('To', to, setTo)}
      <div className="pathfinder__run">
        <label className="toolbar__field">
          At most
          <select value={maxLength} onChange={(e) => setMaxLength(Number(e.target.value))}>
            {MAX_LENGTHS.map((n) => (
              <option key={n} value={n}>
                {n} hops
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!from || !to || status.busy} onClick={() => void find()}>
          {status.busy ? 'Finding…' : 'Find paths'}
        </button>
      </div>
      {status.error && (
        <p className="details__error" role="alert">
          {status.error}
        </p>
      )}
      {result && <PathList result={result} chosen={chosen} onChoose={onChoose} />}
    </section>
  );
}

function PathList({
  result,
  chosen,
  onChoose,
}: {
  result: PathsResponse;
  chosen: number;
  onChoose: (i: number) => void;
}) {
  const nodes = new Map(result.nodes.map((n) => [n.id, n]));
  const rels = new Map(result.relationships.map((r) => [r.id, r]));
  if (result.paths.length === 0) {
    return (
      <p className="muted" role="status" data-testid="path-message">
        {result.message ?? `No path within ${result.maxLength} hops.`}
      </p>
    );
  }
  return (
    <ol className="paths" data-testid="path-list">
      {result.paths.map((path, i) => (
        <li key={path.relationships.join()} className="paths__item">
          <button
            type="button"
            className="paths__choose"
            aria-pressed={i === chosen}
            onClick={() => onChoose(i)}
          >
            {i === 0 ? 'Shortest' : `Alternative ${i}`} · {path.length} hop
            {path.length === 1 ? '' : 's'}
          </button>
          {i === chosen && <Hops path={path} nodes={nodes} types={rels} />}
        </li>
      ))}
    </ol>
  );
}

function Hops({
  path,
  nodes,
  types,
}: {
  path: FoundPath;
  nodes: Map<string, GraphNode>;
  types: Map<string, { type: string }>;
}) {
  const name = (id: string) => {
    const node = nodes.get(id);
    return node ? fullCaption(node) : id;
  };
  return (
    <ol className="hops">
      {path.hops.map((hop) => (
        <li key={hop.relationship} className="hops__hop">
          <p className="hops__line">
            {name(hop.from)}{' '}
            <span className="hops__type">
              {hop.reversed ? '←' : '—'}
              {types.get(hop.relationship)?.type ?? '?'}
              {hop.reversed ? '—' : '→'}
            </span>{' '}
            {name(hop.to)}
          </p>
          <ProvenanceBadge provenance={hop.provenance} />
          {hop.evidence.map((quote, i) => (
            <blockquote key={i} className="evidence__passage">
              <mark>{quote.quote}</mark>
            </blockquote>
          ))}
        </li>
      ))}
    </ol>
  );
}
