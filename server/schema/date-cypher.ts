/**
 * The days a node's date properties state, read in Cypher the way common/dates.ts reads them in
 * TypeScript, so time windows and the timeline can be computed in the database on any schema.
 * Which properties count, and in which written form, comes from the schema profile
 * (`DateProperty`), passed as the `$dateProperties` parameter: never from property names.
 * tests/server/date-cypher.test.ts holds the two readings to the same answers. Variables end in
 * `_` so that the fragments never shadow the variables of the queries they are put into.
 */
import type { DateProperty } from '../../common/api.ts';
import type { DateForm } from '../../common/dates.ts';

/** `$dateProperties` as the queries below expect it. */
export function dateParameters(dates: readonly DateProperty[]): {
  dateProperties: { label: string; key: string; form: string }[];
} {
  return { dateProperties: dates.map(({ label, key, form }) => ({ label, key, form })) };
}

const MONTHS =
  "['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']";

/**
 * `YYYY-MM-DD` for a `[year, month, day]` list of integers that names a calendar day, else null
 * (31/02/2017 is no day). Years outside 1–9999 are left out: their text would not sort.
 */
const CALENDAR_DAY = (ymd: string) => `[ymd_ IN [${ymd}] WHERE ymd_[0] >= 1 AND ymd_[0] <= 9999
    AND ymd_[1] >= 1 AND ymd_[1] <= 12 AND ymd_[2] >= 1
    AND ymd_[2] <= [31, CASE WHEN (ymd_[0] % 4 = 0 AND ymd_[0] % 100 <> 0) OR ymd_[0] % 400 = 0 THEN 29 ELSE 28 END,
                 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][ymd_[1] - 1]
    | right('000' + toString(ymd_[0]), 4) + '-' + right('0' + toString(ymd_[1]), 2) + '-' + right('0' + toString(ymd_[2]), 2)][0]`;

/** A leading day or month number, with or without an ordinal suffix ("24th"). */
const NUMBER_OF = (w: string) =>
  `toInteger(CASE WHEN ${w} =~ '\\d+' THEN ${w} ELSE left(${w}, size(${w}) - 2) END)`;

/** A month named in full or by a prefix of three letters or more, as 1–12; else null. */
const MONTH_OF = (w: string) =>
  `[month_ IN range(0, 11) WHERE size(${w}) >= 3 AND ${MONTHS}[month_] STARTS WITH toLower(${w}) | month_ + 1][0]`;

/** The text forms a query reads; a query is written for those its date properties use. */
export type TextForms = readonly DateForm[];
export const ALL_TEXT_FORMS: TextForms = ['iso', 'dmy', 'mdy', 'text'];

/** The text forms among some date properties. */
export function textFormsOf(dates: readonly DateProperty[]): TextForms {
  return ALL_TEXT_FORMS.filter((form) => dates.some((d) => d.form === form));
}

/**
 * The day a text `t` states in form `f` (common/dates.ts `parseDateText`), or null. Only the
 * branches of `forms` are written: a database with Neo4j dates only never plans text parsing.
 */
export const TEXT_DAY = (t: string, f: string, forms: TextForms = ALL_TEXT_FORMS) => {
  const branches = [
    forms.includes('iso') &&
      `WHEN ${f} = 'iso' AND ${t} =~ '\\+?\\d{4}-\\d{2}-\\d{2}([T ].*)?'
      THEN ${CALENDAR_DAY(`[iso_ IN [CASE WHEN ${t} STARTS WITH '+' THEN substring(${t}, 1) ELSE ${t} END] |
          [toInteger(substring(iso_, 0, 4)), toInteger(substring(iso_, 5, 2)), toInteger(substring(iso_, 8, 2))]][0]`)}`,
    (forms.includes('dmy') || forms.includes('mdy')) &&
      `WHEN ${f} IN ['dmy', 'mdy'] AND ${t} =~ '\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}'
      THEN ${CALENDAR_DAY(`[num_ IN [split(replace(replace(${t}, '.', '/'), '-', '/'), '/')] | CASE ${f}
          WHEN 'dmy' THEN [toInteger(num_[2]), toInteger(num_[1]), toInteger(num_[0])]
          ELSE [toInteger(num_[2]), toInteger(num_[0]), toInteger(num_[1])] END][0]`)}`,
    forms.includes('text') &&
      `WHEN ${f} = 'text' AND (${t} =~ '\\d{1,2}(st|nd|rd|th)?\\s+[A-Za-z]+\\.?,?\\s+\\d{4}'
        OR ${t} =~ '[A-Za-z]+\\.?\\s+\\d{1,2}(st|nd|rd|th)?,?\\s+\\d{4}')
      THEN ${CALENDAR_DAY(`[words_ IN [[word_ IN split(replace(replace(replace(replace(${t}, ',', ' '), '.', ' '), '\\t', ' '), '\\n', ' '), ' ') WHERE word_ <> '']] |
          CASE WHEN words_[0] =~ '\\d.*'
            THEN [toInteger(words_[2]), ${MONTH_OF('words_[1]')}, ${NUMBER_OF('words_[0]')}]
            ELSE [toInteger(words_[2]), ${MONTH_OF('words_[0]')}, ${NUMBER_OF('words_[1]')}] END][0]`)}`,
  ].filter((b): b is string => typeof b === 'string');
  return branches.length === 0 ? 'null' : `CASE\n    ${branches.join('\n    ')}\n  END`;
};

/**
 * The spans `[first day, last day]` (`YYYY-MM-DD` texts, which sort as dates) that node `v`'s
 * date properties state: one day for a temporal value or a text date, the whole year for a
 * year. A day is more precise than a year: when a node states both (a meeting's date and its
 * year), only its days count. Values that do not read as dates in their form give nothing.
 */
export const DATE_SPANS = (v: string, forms: TextForms) => `[spans_ IN [COLLECT {
    UNWIND $dateProperties AS property_
    WITH property_, ${v}[property_.key] AS value_
    WHERE property_.label IN labels(${v}) AND value_ IS NOT NULL
    WITH CASE
        WHEN value_ IS :: DATE THEN toString(value_)
        WHEN value_ IS :: ZONED DATETIME OR value_ IS :: LOCAL DATETIME THEN toString(date(value_))
        WHEN value_ IS :: STRING THEN ${TEXT_DAY('trim(value_)', 'property_.form', forms)}
      END AS day_, CASE WHEN property_.form = 'year' AND value_ IS :: INTEGER AND value_ >= 1 AND value_ <= 9999
        THEN right('000' + toString(value_), 4) END AS year_
    WITH CASE WHEN day_ IS NOT NULL THEN [day_, day_]
        WHEN year_ IS NOT NULL THEN [year_ + '-01-01', year_ + '-12-31'] END AS span_
    WHERE span_ IS NOT NULL
    RETURN span_
  }] | CASE WHEN any(span_ IN spans_ WHERE span_[0] = span_[1])
    THEN [span_ IN spans_ WHERE span_[0] = span_[1]] ELSE spans_ END][0]`;

/**
 * Node `v` is in the window `$windowStart`–`$windowEnd` (`YYYY-MM-DD`, inclusive) when one of its
 * spans overlaps it; a node without any date is in every window.
 */
export const IN_WINDOW = (v: string, forms: TextForms) => `[window_ IN [${DATE_SPANS(v, forms)}]
    | size(window_) = 0 OR any(span_ IN window_ WHERE span_[0] <= $windowEnd AND span_[1] >= $windowStart)][0]`;
