/**
 * Property and date filters under the legend: property keys observed on the canvas, an operator
 * fitting the key's kind and a value; a date range over one date property with its observed
 * span. Elements that do not pass are hidden, and so are the relationships of hidden nodes.
 */
import { useId, useState } from 'react';
import {
  OPERATORS,
  OPERATOR_NAMES,
  describeFilter,
  needsValue,
  type DateRange,
  type FilterTarget,
  type ObservedProperty,
  type PropertyFilter,
  type PropertyOperator,
  type ValueKind,
} from './propertyFilters.ts';
import './filters.css';

interface Props {
  observed: readonly ObservedProperty[];
  filters: readonly PropertyFilter[];
  dateRange: DateRange | undefined;
  onFilters: (filters: PropertyFilter[]) => void;
  onDateRange: (range: DateRange | undefined) => void;
  /** Elements on the canvas and those drawn after filtering, for the summary line. */
  shown: number;
  total: number;
}

const TARGET_NAMES: Record<FilterTarget, string> = { node: 'Nodes', relationship: 'Relationships' };

const INPUT_TYPES: Partial<Record<ValueKind, string>> = {
  number: 'number',
  date: 'date',
  time: 'time',
};

const propertyId = (p: { target: FilterTarget; key: string }) => `${p.target}:${p.key}`;

export function FilterPanel(props: Props) {
  const { observed, filters, dateRange } = props;
  const dates = observed.filter((p) => p.kind === 'date');
  if (observed.length === 0 && filters.length === 0 && !dateRange) return null;
  const active = filters.length + (dateRange && (dateRange.from || dateRange.to) ? 1 : 0);
  return (
    <section className="filters" aria-labelledby="filters-title" data-testid="filters">
      <h2 id="filters-title" className="legend__title">
        Filters
      </h2>
      {active > 0 && (
        <p className="muted filters__summary" data-testid="filters-summary" aria-live="polite">
          {props.shown} of {props.total} elements shown
        </p>
      )}
      {filters.length > 0 && (
        <ul className="filters__active" aria-label="Active property filters">
          {filters.map((f, i) => (
            <li key={i} className="filters__chip" data-testid="property-filter">
              <span>
                {f.target === 'relationship' ? 'Relationships: ' : ''}
                {describeFilter(f)}
              </span>
              <button
                type="button"
                aria-label={`Remove filter ${describeFilter(f)}`}
                onClick={() => props.onFilters(filters.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {observed.length > 0 && (
        <NewFilter observed={observed} onAdd={(f) => props.onFilters([...filters, f])} />
      )}
      {dates.length > 0 && (
        <DateFilter dates={dates} range={dateRange} onChange={props.onDateRange} />
      )}
    </section>
  );
}

function NewFilter({
  observed,
  onAdd,
}: {
  observed: readonly ObservedProperty[];
  onAdd: (filter: PropertyFilter) => void;
}) {
  const id = useId();
  const targets = (['node', 'relationship'] as const).filter((t) =>
    observed.some((p) => p.target === t),
  );
  const [target, setTarget] = useState<FilterTarget>(targets[0] ?? 'node');
  // Bookkeeping (keys, offsets, evidence lists) is there to be found, not in the way.
  const [withInternal, setWithInternal] = useState(false);
  const keys = observed.filter((p) => p.target === target && (withInternal || !p.internal));
  const hiddenInternal = observed.filter((p) => p.target === target && p.internal).length;
  const [chosen, setChosen] = useState('');
  const property = keys.find((p) => p.key === chosen) ?? keys[0];
  const kind = property?.kind ?? 'other';
  const [operator, setOperator] = useState<PropertyOperator | ''>('');
  const op = operator && OPERATORS[kind].includes(operator) ? operator : OPERATORS[kind][0];
  const [value, setValue] = useState('');
  const [value2, setValue2] = useState('');
  const inputType = INPUT_TYPES[kind] ?? 'text';
  const complete =
    property !== undefined &&
    op !== undefined &&
    (!needsValue(op) || (value.trim() !== '' && (op !== 'between' || value2.trim() !== '')));

  const add = () => {
    if (!complete || !property || !op) return;
    onAdd({
      target,
      key: property.key,
      kind,
      operator: op,
      ...(needsValue(op) ? { value: value.trim() } : {}),
      ...(op === 'between' ? { value2: value2.trim() } : {}),
    });
    setValue('');
    setValue2('');
  };

  return (
    <form
      className="filters__new"
      aria-label="Add a property filter"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <label htmlFor={`${id}-target`}>Elements</label>
      <select
        id={`${id}-target`}
        value={target}
        onChange={(e) => {
          setTarget(e.target.value as FilterTarget);
          setChosen('');
        }}
      >
        {targets.map((t) => (
          <option key={t} value={t}>
            {TARGET_NAMES[t]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-key`}>Property</label>
      <select
        id={`${id}-key`}
        value={property?.key ?? ''}
        onChange={(e) => {
          setChosen(e.target.value);
          setValue('');
          setValue2('');
        }}
      >
        {keys.map((p) => (
          <option key={p.key} value={p.key}>
            {p.key} ({p.kind}, {p.count})
          </option>
        ))}
      </select>
      {hiddenInternal > 0 && (
        <label className="filters__internal">
          <input
            type="checkbox"
            checked={withInternal}
            onChange={(e) => {
              setWithInternal(e.target.checked);
              setChosen('');
            }}
          />{' '}
          Include bookkeeping ({hiddenInternal})
        </label>
      )}
      <label htmlFor={`${id}-op`}>Operator</label>
      <select
        id={`${id}-op`}
        value={op}
        onChange={(e) => setOperator(e.target.value as PropertyOperator)}
      >
        {OPERATORS[kind].map((o) => (
          <option key={o} value={o}>
            {OPERATOR_NAMES[o]}
          </option>
        ))}
      </select>
      {op && needsValue(op) && (
        <>
          <label htmlFor={`${id}-value`}>{op === 'between' ? 'From' : 'Value'}</label>
          {kind === 'boolean' ? (
            <select id={`${id}-value`} value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="">choose</option>
              <option value="true">true</option>
              <option value="false">false</option>
            </select>
          ) : (
            <input
              id={`${id}-value`}
              type={inputType}
              step={inputType === 'number' ? 'any' : undefined}
              value={value}
              min={kind === 'date' ? property?.min : undefined}
              max={kind === 'date' ? property?.max : undefined}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
          {op === 'between' && (
            <>
              <label htmlFor={`${id}-value2`}>To</label>
              <input
                id={`${id}-value2`}
                type={inputType}
                step={inputType === 'number' ? 'any' : undefined}
                value={value2}
                onChange={(e) => setValue2(e.target.value)}
              />
            </>
          )}
        </>
      )}
      <button type="submit" disabled={!complete}>
        Add filter
      </button>
    </form>
  );
}

function DateFilter({
  dates,
  range,
  onChange,
}: {
  dates: readonly ObservedProperty[];
  range: DateRange | undefined;
  onChange: (range: DateRange | undefined) => void;
}) {
  const id = useId();
  const chosen =
    dates.find((d) => range && d.target === range.target && d.key === range.key) ?? dates[0];
  if (!chosen) return null;
  const current: DateRange = range ?? {
    target: chosen.target,
    key: chosen.key,
    keepMissing: true,
  };
  const update = (patch: Partial<DateRange>) => onChange({ ...current, ...patch });
  const many = new Set(dates.map((d) => d.key)).size < dates.length;
  return (
    <fieldset className="filters__dates" data-testid="date-filter">
      <legend>Dates</legend>
      <label htmlFor={`${id}-key`}>Date property</label>
      <select
        id={`${id}-key`}
        value={propertyId(chosen)}
        onChange={(e) => {
          const next = dates.find((d) => propertyId(d) === e.target.value);
          if (next) update({ target: next.target, key: next.key });
        }}
      >
        {dates.map((d) => (
          <option key={propertyId(d)} value={propertyId(d)}>
            {d.key}
            {many || d.target === 'relationship'
              ? ` (${TARGET_NAMES[d.target].toLowerCase()})`
              : ''}
          </option>
        ))}
      </select>
      <p className="muted filters__observed" data-testid="date-observed">
        Observed: {chosen.min} – {chosen.max}
        {chosen.readAs && chosen.readAs.length > 0 && <> · read as {chosen.readAs.join(', ')}</>}
      </p>
      <label htmlFor={`${id}-from`}>From</label>
      <input
        id={`${id}-from`}
        type="date"
        value={current.from ?? ''}
        min={chosen.min}
        max={chosen.max}
        onChange={(e) => update({ from: e.target.value })}
      />
      <label htmlFor={`${id}-to`}>To</label>
      <input
        id={`${id}-to`}
        type="date"
        value={current.to ?? ''}
        min={chosen.min}
        max={chosen.max}
        onChange={(e) => update({ to: e.target.value })}
      />
      <label className="filters__keep">
        <input
          type="checkbox"
          checked={current.keepMissing}
          onChange={(e) => update({ keepMissing: e.target.checked })}
        />
        Keep elements without this date
      </label>
      <button type="button" disabled={!range} onClick={() => onChange(undefined)}>
        Clear dates
      </button>
    </fieldset>
  );
}
