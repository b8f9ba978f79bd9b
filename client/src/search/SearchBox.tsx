/**
 * Search-first entry: a combobox over GET /api/search, offering the database's main entities
 * before anything is typed. Choosing a result puts the node on the canvas and selects it; a typed
 * question ("X to Y", "A and B") is offered first as its Discover answer (connect or share).
 */
import { useId, useState } from 'react';
import type { GraphNode, SearchResponse } from '../../../common/api.ts';
import { searchNodes } from '../api/search.ts';
import { useResource } from '../api/useResource.ts';
import { fullCaption } from '../graph/caption.ts';
import { primaryLabel, type LabelCounts, type LabelStyles } from '../graph/palette.ts';
import { questionOption, useQuestionReading } from './useQuestionReading.ts';
import './question.css';
import './search.css';

const DEBOUNCE_MS = 180;
const RESULT_LIMIT = 12;

interface Props {
  suggestions: readonly GraphNode[];
  styles: LabelStyles;
  counts: LabelCounts;
  onPick: (node: GraphNode) => void;
  /** The field's accessible name. */
  label?: string;
  placeholder?: string;
  /** "header" on the dark app bar, "panel" inside a light side panel. */
  variant?: 'header' | 'panel';
  /** Keep the chosen node's caption in the field (for pickers) instead of clearing it. */
  keepChoice?: boolean;
  /** Enter on a phrase that isQuestion accepts ("X to Y", "A and B") asks it instead of picking. */
  onQuestion?: (text: string) => void;
  isQuestion?: (text: string) => boolean;
}

export function SearchBox({
  suggestions,
  styles,
  counts,
  onPick,
  label = 'Search the graph',
  placeholder = 'Search the graph…',
  variant = 'header',
  keepChoice = false,
  onQuestion,
  isQuestion,
}: Props) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  // A label the reader narrowed the search to, after a partial answer.
  const [only, setOnly] = useState<string | null>(null);
  const listId = useId();
  const trimmed = query.trim();

  const results = useResource(
    trimmed ? JSON.stringify([trimmed, only]) : undefined,
    (signal) => searchNodes(trimmed, RESULT_LIMIT, signal, only ? [only] : []),
    { delayMs: DEBOUNCE_MS },
  );

  const options: { node: GraphNode; match: string | null }[] = trimmed
    ? results.kind === 'ready'
      ? results.data.hits.map((hit) => ({ node: hit.node, match: hit.match?.text ?? null }))
      : []
    : suggestions.map((node) => ({ node, match: null }));
  // A question ("X to Y", "A and B") is offered first: its Discover answer, then the hits.
  const asking = Boolean(onQuestion && trimmed && isQuestion?.(trimmed));
  const reading = useQuestionReading(trimmed, asking);
  const ask = asking && reading?.intent !== 'search';
  const offset = ask ? 1 : 0;
  const showList = open && (options.length > 0 || trimmed !== '');
  const activeIndex = Math.min(active, Math.max(0, options.length + offset - 1));

  const pick = (node: GraphNode) => {
    onPick(node);
    setOpen(false);
    setQuery(keepChoice ? fullCaption(node) : '');
  };

  const askQuestion = () => {
    onQuestion?.(trimmed);
    setOpen(false);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length + offset - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && ask && activeIndex === 0) {
      event.preventDefault();
      askQuestion();
    } else if (event.key === 'Enter') {
      const option = options[activeIndex - offset];
      if (showList && option) {
        event.preventDefault();
        pick(option.node);
      }
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div className={`search search--${variant}`}>
      <label htmlFor={`${listId}-input`} className="search__title visually-hidden">
        {label}
      </label>
      <input
        id={`${listId}-input`}
        className="search__input"
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={
          showList && (ask || options[activeIndex]) ? `${listId}-${activeIndex}` : undefined
        }
        placeholder={placeholder}
        autoComplete="off"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul id={listId} role="listbox" className="search__list" aria-label="Search results">
          {!trimmed && (
            <li className="search__note" role="presentation">
              Main entities
            </li>
          )}
          {ask && (
            <li
              id={`${listId}-0`}
              role="option"
              aria-selected={activeIndex === 0}
              className="search__option search__option--question"
              data-testid="search-question"
              onMouseDown={(event) => event.preventDefault()}
              onClick={askQuestion}
            >
              <span className="search__caption">{questionOption(trimmed, reading)}</span>
              <span className="search__label">Discover</span>
            </li>
          )}
          {/* How complete the answer is comes first, where it cannot be missed. */}
          {trimmed && results.kind === 'ready' && (
            <SearchCompleteness
              response={results.data}
              found={options.length}
              only={only}
              onOnly={setOnly}
            />
          )}
          {options.map((option, index) => {
            const i = index + offset;
            const label = primaryLabel(option.node.labels, counts) ?? '';
            return (
              <li
                key={option.node.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === activeIndex}
                className="search__option"
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(option.node)}
              >
                <span
                  className="legend__swatch"
                  style={{ background: styles[label]?.color ?? '#8a94a6' }}
                  aria-hidden="true"
                />
                <span className="search__caption">{fullCaption(option.node)}</span>
                <span className="search__label">{label}</span>
                {option.match && option.match !== fullCaption(option.node) && (
                  <span className="search__match">{option.match}</span>
                )}
              </li>
            );
          })}
          {trimmed && results.kind === 'loading' && (
            <li className="search__note" role="presentation">
              Searching…
            </li>
          )}
          {trimmed && results.kind === 'ready' && options.length === 0 && !results.data.partial && (
            <li className="search__note" role="presentation">
              No matches for “{trimmed}”{only ? ` among ${only}` : ''}.
            </li>
          )}
          {trimmed && results.kind === 'error' && (
            <li className="search__note search__note--error" role="presentation">
              {results.error.message}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

/**
 * Says how complete an answer is: a typo-tolerant answer, labels the scan saw only in part (with
 * a way to search one of them whole), and the label the search is narrowed to.
 */
function SearchCompleteness({
  response,
  found,
  only,
  onOnly,
}: {
  response: SearchResponse;
  found: number;
  only: string | null;
  onOnly: (label: string | null) => void;
}) {
  const keep = (event: React.MouseEvent) => event.preventDefault();
  return (
    <>
      {response.fallback === 'typo' && (
        <li className="search__note" role="presentation">
          Nothing as typed; these are close spellings.
        </li>
      )}
      {response.partial && (
        <li
          className="search__note search__note--partial"
          role="presentation"
          data-testid="search-partial"
        >
          {found === 0 ? 'No matches in the part searched. ' : ''}
          Searched only part of{' '}
          {response.partialLabels
            .map((p) => `${p.label} (${p.scanned.toLocaleString()} of ${p.count.toLocaleString()})`)
            .join(', ')}
          . Search one label whole:{' '}
          {response.partialLabels.map((p) => (
            <button
              key={p.label}
              type="button"
              className="search__narrow"
              onMouseDown={keep}
              onClick={() => onOnly(p.label)}
            >
              {p.label}
            </button>
          ))}{' '}
          — or create a search index (npm run search:index, see README).
        </li>
      )}
      {only && (
        <li className="search__note" role="presentation">
          Searching {only} only.{' '}
          <button
            type="button"
            className="search__narrow"
            onMouseDown={keep}
            onClick={() => onOnly(null)}
          >
            Search all labels
          </button>
        </li>
      )}
    </>
  );
}
