/**
 * Property and date filters: which nodes or relationships keep their place on the canvas by the
 * values of one property. Pure: property keys and their kinds are observed in the data, and
 * values are read in their lossless encoding (common/values.ts), so 64-bit integers, tagged
 * floats, every temporal type and date texts compare by what they mean. Text is a date when it is
 * ISO, or when the schema detected a written form for that label and key (dateForms.ts).
 */
import type { GraphNode, GraphRelationship } from '../../../common/api.ts';
import { describeDateProperty, parseDateText, type DateForm } from '../../../common/dates.ts';
import { isInternalProperty } from '../../../common/internal.ts';
import type { EncodedValue } from '../../../common/values.ts';
import { textDateForm, textDateProperty, type DateForms } from './dateForms.ts';

/** Which elements a filter looks at. */
export type FilterTarget = 'node' | 'relationship';

/**
 * How a property's values are compared. "date" covers Date, DateTime, LocalDateTime and
 * ISO-date strings (compared by calendar day); "time" covers Time and LocalTime (time of day).
 */
export type ValueKind = 'string' | 'number' | 'boolean' | 'date' | 'time' | 'other';

export type PropertyOperator =
  'equals' | 'contains' | '=' | '<' | '>' | 'between' | 'is-set' | 'is-not-set';

export interface PropertyFilter {
  target: FilterTarget;
  key: string;
  kind: ValueKind;
  operator: PropertyOperator;
  /** The value as typed: text, a number, `YYYY-MM-DD` or `HH:MM[:SS]`; the lower bound of "between". */
  value?: string;
  /** The upper bound of "between". */
  value2?: string;
}

/** A from/to range over one date property; bounds are `YYYY-MM-DD`, inclusive, either may be open. */
export interface DateRange {
  target: FilterTarget;
  key: string;
  from?: string;
  to?: string;
  /** Keep elements that have no date in this property (otherwise they are hidden). */
  keepMissing: boolean;
}

/** The operators that fit each kind of value, in the order a menu offers them. */
export const OPERATORS: Readonly<Record<ValueKind, readonly PropertyOperator[]>> = {
  string: ['equals', 'contains', 'is-set', 'is-not-set'],
  number: ['=', '<', '>', 'between', 'is-set', 'is-not-set'],
  boolean: ['equals', 'is-set', 'is-not-set'],
  date: ['=', '<', '>', 'between', 'is-set', 'is-not-set'],
  time: ['=', '<', '>', 'between', 'is-set', 'is-not-set'],
  other: ['is-set', 'is-not-set'],
};

export const OPERATOR_NAMES: Readonly<Record<PropertyOperator, string>> = {
  equals: 'equals',
  contains: 'contains',
  '=': '=',
  '<': '<',
  '>': '>',
  between: 'between',
  'is-set': 'is set',
  'is-not-set': 'is not set',
};

/** Operators that need no value. */
export function needsValue(operator: PropertyOperator): boolean {
  return operator !== 'is-set' && operator !== 'is-not-set';
}

type Comparable = number | bigint;

const ISO_DATE = /^([+-]?\d{4,9})-(\d{2})-(\d{2})(?=$|T)/;
const TIME_OF_DAY = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?/;

/** Days from 1970-01-01 of a proleptic Gregorian calendar date (any year). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day count from 1970-01-01, as ISO text (`+012345`/`-000044` beyond 0000–9999). */
export function civilFromDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const yearText =
    year >= 0 && year <= 9999
      ? String(year).padStart(4, '0')
      : `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
  return `${yearText}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day of an ISO date text (a date, or a date-time read at its own local date). */
function dayOfText(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const days = daysFromCivil(year, month, day);
  // 2023-02-30 is not a date: it would come back as another day.
  return civilFromDays(days).endsWith(`-${match[2]}-${match[3]}`) ? days : undefined;
}

/** The day of a text in a detected written form; ISO when there is none. */
function dayOfTextIn(text: string, form: DateForm | undefined): number | undefined {
  if (form === undefined || form === 'iso') return dayOfText(text);
  const iso = parseDateText(text, form);
  return iso === null ? undefined : dayOfText(iso);
}

/** Seconds after midnight of a time-of-day text, as written (its offset is not applied). */
function secondsOfText(text: string): number | undefined {
  const match = TIME_OF_DAY.exec(text);
  if (!match) return undefined;
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return hour * 3600 + minute * 60 + second + Number(match[4] ?? 0);
}

/** The tag and text of a tagged value that carries its value as text (numbers, temporals). */
function tagged(value: EncodedValue): { type: string; text: string } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { $type, value: text } = value as { $type?: unknown; value?: unknown };
  return typeof $type === 'string' && typeof text === 'string' ? { type: $type, text } : undefined;
}

/** Whether a string reads as an ISO date (`2017-02-27`, or a date-time beginning so). */
export function isIsoDateText(text: string): boolean {
  return dayOfText(text) !== undefined;
}

/** The kind of one value, or undefined for null. A list has the kind of its items. */
export function valueKind(value: EncodedValue | undefined, form?: DateForm): ValueKind | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return dayOfTextIn(value, form) !== undefined ? 'date' : 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) {
    const kinds = new Set(value.map((v) => valueKind(v, form)).filter((k) => k !== undefined));
    if (kinds.size === 0) return undefined;
    if (kinds.size === 1) return [...kinds][0];
    return kinds.size === 2 && kinds.has('string') && kinds.has('date') ? 'string' : 'other';
  }
  const tag = tagged(value);
  if (tag) {
    switch (tag.type) {
      case 'Integer':
      case 'Float':
        return 'number';
      case 'Date':
      case 'DateTime':
      case 'LocalDateTime':
        return 'date';
      case 'Time':
      case 'LocalTime':
        return 'time';
    }
  }
  return 'other';
}

/** The value, or each item of a list. */
function items(value: EncodedValue): EncodedValue[] {
  return Array.isArray(value) ? value : [value];
}

function numberOf(value: EncodedValue): Comparable | undefined {
  if (typeof value === 'number') return value;
  const tag = tagged(value);
  if (tag?.type === 'Integer' && /^-?\d+$/.test(tag.text)) return BigInt(tag.text);
  if (tag?.type === 'Float') return Number(tag.text);
  return undefined;
}

/** The calendar day of a date-bearing value, read at its own local date. */
export function dayOf(value: EncodedValue, form?: DateForm): number | undefined {
  if (typeof value === 'string') return dayOfTextIn(value, form);
  const tag = tagged(value);
  if (tag?.type === 'Date' || tag?.type === 'DateTime' || tag?.type === 'LocalDateTime')
    return dayOfText(tag.text);
  return undefined;
}

/** The time of day of a Time or LocalTime value, in seconds after midnight. */
export function timeOf(value: EncodedValue): number | undefined {
  const tag = tagged(value);
  if (tag?.type === 'Time' || tag?.type === 'LocalTime') return secondsOfText(tag.text);
  return undefined;
}

/** Reads typed filter input as a comparable of the kind; undefined when it does not read. */
export function parseInput(kind: ValueKind, text: string | undefined): Comparable | undefined {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return undefined;
  switch (kind) {
    case 'number': {
      if (/^[+-]?\d+$/.test(trimmed)) return BigInt(trimmed);
      const n = Number(trimmed);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'date':
      return dayOfText(trimmed);
    case 'time':
      return secondsOfText(trimmed);
    default:
      return undefined;
  }
}

function comparablesOf(kind: ValueKind, value: EncodedValue, form?: DateForm): Comparable[] {
  const read =
    kind === 'number' ? numberOf : kind === 'date' ? (v: EncodedValue) => dayOf(v, form) : timeOf;
  return items(value)
    .map((item) => read(item))
    .filter((c): c is Comparable => c !== undefined && !(typeof c === 'number' && Number.isNaN(c)));
}

/** A test of one property value (undefined when absent), read in the element's text date form. */
type ValueTest = (value: EncodedValue | undefined, form?: DateForm) => boolean;

/** Bigints and numbers compare exactly with < and >; NaN never reaches here. */
function inRange(c: Comparable, low: Comparable, high: Comparable): boolean {
  return !(c < low) && !(c > high);
}

/**
 * A filter as a predicate over one property value (undefined when the element lacks it), or
 * null while the filter is incomplete (no value, or one that does not read as its kind): an
 * incomplete filter hides nothing.
 */
export function compileFilter(filter: PropertyFilter): ValueTest | null {
  const { kind, operator } = filter;
  if (operator === 'is-set') return (v) => v !== undefined && v !== null;
  if (operator === 'is-not-set') return (v) => v === undefined || v === null;
  if (!OPERATORS[kind].includes(operator)) return null;
  if (kind === 'string') {
    const wanted = filter.value?.trim().toLocaleLowerCase() ?? '';
    if (wanted === '') return null;
    const test =
      operator === 'contains'
        ? (s: string) => s.toLocaleLowerCase().includes(wanted)
        : (s: string) => s.trim().toLocaleLowerCase() === wanted;
    return (v) =>
      v !== undefined && items(v).some((item) => typeof item === 'string' && test(item));
  }
  if (kind === 'boolean') {
    const wanted = filter.value?.trim().toLowerCase();
    if (wanted !== 'true' && wanted !== 'false') return null;
    return (v) => v !== undefined && items(v).some((item) => item === (wanted === 'true'));
  }
  const low = parseInput(kind, filter.value);
  if (low === undefined) return null;
  let range: [Comparable, Comparable];
  if (operator === 'between') {
    const high = parseInput(kind, filter.value2);
    if (high === undefined) return null;
    range = low > high ? [high, low] : [low, high];
  } else {
    range = [low, low];
  }
  const test =
    operator === '<'
      ? (c: Comparable) => c < low
      : operator === '>'
        ? (c: Comparable) => c > low
        : (c: Comparable) => inRange(c, range[0], range[1]);
  return (v, form) => v !== undefined && comparablesOf(kind, v, form).some(test);
}

/** A date range as a predicate over one property value; null when neither bound is set. */
export function compileDateRange(range: DateRange): ValueTest | null {
  let from = parseInput('date', range.from);
  let to = parseInput('date', range.to);
  if (from === undefined && to === undefined) return null;
  if (from !== undefined && to !== undefined && from > to) [from, to] = [to, from];
  return (v, form) => {
    const days = v === undefined ? [] : comparablesOf('date', v, form);
    if (days.length === 0) return range.keepMissing;
    return days.some((d) => (from === undefined || d >= from) && (to === undefined || d <= to));
  };
}

type Element = { labels?: readonly string[]; properties: Record<string, EncodedValue> };
type Predicate = { target: FilterTarget; key: string; test: ValueTest };

/** Complete filters and the date range as predicates, so each element is checked once per filter. */
export function predicates(filters: readonly PropertyFilter[], range?: DateRange): Predicate[] {
  const out: Predicate[] = [];
  for (const filter of filters) {
    const test = compileFilter(filter);
    if (test) out.push({ target: filter.target, key: filter.key, test });
  }
  const test = range && compileDateRange(range);
  if (range && test) out.push({ target: range.target, key: range.key, test });
  return out;
}

/** Whether an element of the given kind passes every predicate meant for its kind (AND). */
export function passes(
  element: Element,
  target: FilterTarget,
  all: readonly Predicate[],
  forms?: DateForms,
): boolean {
  return all.every(
    (p) =>
      p.target !== target ||
      p.test(
        Object.hasOwn(element.properties, p.key) ? element.properties[p.key] : undefined,
        textDateForm(element, p.key, forms),
      ),
  );
}

/** A property key seen on nodes or relationships, with its kind and how often it was seen. */
export interface ObservedProperty {
  target: FilterTarget;
  key: string;
  kind: ValueKind;
  count: number;
  /** Bookkeeping on every element that has it (common/internal.ts): offered only on request. */
  internal: boolean;
  /** For dates: the earliest and latest calendar day seen, `YYYY-MM-DD`. */
  min?: string;
  max?: string;
  /** For dates: how the values were read ("Crime.date (text, dd/mm/yyyy)", "ISO text"…). */
  readAs?: string[];
}

/** How one date value was read, for the reader. */
function readingOf(value: EncodedValue, detected: ReturnType<typeof textDateProperty>): string {
  if (detected) return describeDateProperty(detected);
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? 'ISO text' : 'Neo4j date values';
}

function observe(
  elements: readonly Element[],
  target: FilterTarget,
  forms: DateForms | undefined,
): ObservedProperty[] {
  type Seen = {
    kinds: Map<ValueKind, number>;
    count: number;
    days: number[];
    read: Set<string>;
    internal: boolean;
  };
  const seen = new Map<string, Seen>();
  for (const element of elements) {
    for (const [key, value] of Object.entries(element.properties)) {
      const detected = textDateProperty(element, key, forms);
      const form = detected?.form;
      const kind = valueKind(value, form);
      if (!kind) continue;
      const entry: Seen = seen.get(key) ?? {
        kinds: new Map(),
        count: 0,
        days: [],
        read: new Set(),
        internal: true,
      };
      entry.count += 1;
      entry.internal &&= isInternalProperty(key, value, element.properties);
      entry.kinds.set(kind, (entry.kinds.get(kind) ?? 0) + 1);
      if (kind === 'date') {
        for (const day of comparablesOf('date', value, form)) entry.days.push(Number(day));
        entry.read.add(readingOf(value, detected));
      }
      seen.set(key, entry);
    }
  }
  return [...seen]
    .map(([key, { kinds, count, days, read, internal }]) => {
      // Text that only sometimes looks like a date is text; otherwise the most common kind wins.
      const kind =
        kinds.has('string') && kinds.has('date')
          ? 'string'
          : ([...kinds].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'other');
      const property: ObservedProperty = { target, key, kind, count, internal };
      if (kind === 'date' && days.length > 0) {
        let [min, max] = [Infinity, -Infinity];
        for (const day of days) [min, max] = [Math.min(min, day), Math.max(max, day)];
        property.min = civilFromDays(min);
        property.max = civilFromDays(max);
        property.readAs = [...read].sort();
      }
      return property;
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Property keys of the nodes and of the relationships, by key. */
export function observeProperties(
  nodes: readonly GraphNode[],
  relationships: readonly GraphRelationship[],
  forms?: DateForms,
): ObservedProperty[] {
  return [...observe(nodes, 'node', forms), ...observe(relationships, 'relationship', undefined)];
}

/** One line describing a filter, for its chip and its remove button. */
export function describeFilter(filter: PropertyFilter): string {
  const op = OPERATOR_NAMES[filter.operator];
  if (!needsValue(filter.operator)) return `${filter.key} ${op}`;
  if (filter.operator === 'between')
    return `${filter.key} between ${filter.value ?? ''} and ${filter.value2 ?? ''}`;
  const quoted = filter.kind === 'string' ? `"${filter.value ?? ''}"` : (filter.value ?? '');
  return `${filter.key} ${op} ${quoted}`;
}
