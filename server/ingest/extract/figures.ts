/**
 * Money figures, percentages and head counts with what they measure, qualifier, year and period:
 * "more than 1 billion US dollars in 2016", "increased by another 18 percent", "$ 800 million".
 */

export interface Figure {
  /** Offsets into the sentence text. */
  start: number;
  end: number;
  statedAs: string;
  value: number;
  unit: string;
  qualifier: string | undefined;
}

/** An optional qualifier before a number (group 1): "more than", "nearly", "at least" … */
export const QUALIFIER =
  '(?:(more than|over|nearly|almost|about|around|approximately|some|up to|less than|at least|exceeding|another)\\s+)?';
const SPELLED =
  '\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|one hundred)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?';
const DIGITS = '\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?';
/** A plain number in digits or words ("35", "twenty"), for counts of things. */
export const PLAIN_NUMBER = `(?:${DIGITS}|${SPELLED})`;
/** A number in digits or words, with a scale and further scaled parts: "2 billion 300 million". */
const NUMBER = `((?:${DIGITS}|${SPELLED})(?:\\s*(?:thousand|million|billion|trillion|mln|bln|bn)\\b(?:\\s+(?:and\\s+)?(?:${DIGITS}|${SPELLED})\\s*(?:thousand|million)\\b)*)?)`;
const CURRENCY_WORD =
  '(US dollars|U\\.S\\. dollars|dollars|USD|euros?|EUR|yuan|roubles?|rubles?|somoni)';
const MONEY = new RegExp(
  `${QUALIFIER}(?:(US\\$|USD|\\$|€)\\s?${NUMBER}(?:\\s+${CURRENCY_WORD})?|${NUMBER}\\s+${CURRENCY_WORD})`,
  'gi',
);
const PERCENT = new RegExp(`${QUALIFIER}${NUMBER}\\s*(?:percent|per cent|%)`, 'gi');
const COUNT = new RegExp(
  `(?:a total of\\s+)?(${DIGITS}|${SPELLED})\\s+((?:\\p{Lu}[\\p{L}]+\\s+)?(?:servicemen|soldiers|officers|cadets|students|specialists|citizens|migrants|workers|experts|doctors|teachers|tourists))`,
  'giu',
);

const SCALES: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  mln: 1e6,
  billion: 1e9,
  bln: 1e9,
  bn: 1e9,
  trillion: 1e12,
};

function currency(symbol: string | undefined, word: string | undefined): string {
  const s = (symbol ?? word ?? '').toLowerCase();
  if (s.includes('$') || s.includes('dollar') || s === 'usd') return 'USD';
  if (s === '€' || s.startsWith('euro') || s === 'eur') return 'EUR';
  if (s === 'yuan') return 'CNY';
  if (s.startsWith('rouble') || s.startsWith('ruble')) return 'RUB';
  if (s === 'somoni') return 'TJS';
  return s.toUpperCase();
}

const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
};
const PART = new RegExp(
  `(${DIGITS}|${SPELLED})(?:\\s*(thousand|million|billion|trillion|mln|bln|bn)\\b)?`,
  'gi',
);

/** The value of a number in digits or words, summing scaled parts: "2 billion 300 million". */
export function parseNumber(text: string): number {
  let total = 0;
  for (const [, n = '', scale = ''] of text.matchAll(PART)) {
    const base = /\d/.test(n)
      ? Number(n.replace(/,/g, ''))
      : n
          .toLowerCase()
          .split(/[-\s]+/)
          .reduce((sum, w) => (w === 'a' ? sum : sum + (WORDS[w] ?? 0)), 0);
    total += base * (SCALES[scale.toLowerCase()] ?? 1);
  }
  return total;
}
const qualifierOf = (q: string | undefined) =>
  q && q.toLowerCase() !== 'another' ? q.toLowerCase() : undefined;

/** Every money amount, percentage and head count in a sentence. */
export function findFigures(sentence: string): Figure[] {
  const figures: Figure[] = [];
  for (const m of sentence.matchAll(MONEY)) {
    const [, q, symbol, n1, word1, n2, word2] = m;
    const value = parseNumber(n1 ?? n2 ?? '0');
    figures.push({
      start: m.index,
      end: m.index + m[0].length,
      statedAs: m[0],
      value,
      unit: currency(symbol, word1 ?? word2),
      qualifier: qualifierOf(q),
    });
  }
  for (const m of sentence.matchAll(PERCENT)) {
    figures.push({
      start: m.index,
      end: m.index + m[0].length,
      statedAs: m[0],
      value: parseNumber(m[2] ?? '0'),
      unit: '%',
      qualifier: qualifierOf(m[1]),
    });
  }
  for (const m of sentence.matchAll(COUNT)) {
    figures.push({
      start: m.index,
      end: m.index + m[0].length,
      statedAs: m[0],
      value: parseNumber(m[1] ?? '0'),
      unit: 'persons',
      qualifier: undefined,
    });
  }
  return figures.sort((a, b) => a.start - b.start);
}

export interface Measure {
  measure: string;
  sphere: string | undefined;
  trade: boolean;
}

/** What a figure measures, from the words around it. */
export function measureOf(sentence: string, figure: Figure): Measure {
  const s = sentence.toLowerCase();
  if (figure.unit === 'persons') {
    const noun = figure.statedAs
      .replace(/^(?:a total of\s+)?[\p{L}\d,-]+\s+(?:\p{Lu}\p{L}+\s+)?/iu, '')
      .toLowerCase();
    return {
      measure: /stud|train|academ|educat/.test(s) ? `${noun} in training` : noun,
      sphere: /servicemen|soldiers|officers|cadets|military|defen[cs]e/.test(s)
        ? 'sphere:military-cooperation'
        : undefined,
      trade: false,
    };
  }
  if (/trade|turnover/.test(s)) {
    const growth = figure.unit === '%' && /increas|grew|growth|rose|rise/.test(s);
    const expected = /expect|will|forecast|target|plan/.test(s);
    const base = /turnover/.test(s) ? 'trade turnover' : 'trade volume';
    return {
      measure: growth ? `${base} growth` : expected ? `expected ${base} increase` : base,
      sphere: 'sphere:trade',
      trade: true,
    };
  }
  if (/invest/.test(s)) return { measure: 'investment', sphere: 'sphere:investment', trade: false };
  if (/credit|loan/.test(s)) return { measure: 'loans', sphere: 'sphere:finance', trade: false };
  return { measure: 'amount', sphere: undefined, trade: false };
}

export interface YearAndPeriod {
  year: number | undefined;
  /** "in 2016" is stated; "last year" is computed from the publication date. */
  yearStated: boolean;
  period: string | undefined;
}

/** An explicit year nearest a figure: "in 2016" after it, or a year before it in the sentence. */
function nearestYear(sentence: string, figure: { start: number; end: number } | undefined) {
  const years = [...sentence.matchAll(/\b(?:19|20)\d{2}\b/g)].filter(
    (m) => !/^\s*(?:percent|per cent|%|million|billion)/i.test(sentence.slice(m.index + 4)),
  );
  if (!figure) return years[0]?.[0];
  const distance = (m: RegExpMatchArray) => {
    const at = m.index ?? 0;
    return at >= figure.end ? at - figure.end : figure.start - (at + 4) + 0.5;
  };
  return [...years].sort((a, b) => distance(a) - distance(b))[0]?.[0];
}

/**
 * The year (and part of it) a figure refers to; with the figure's offsets, the year stated
 * nearest it, so "$1 billion in 2023, up from $800 million in 2022" gives each its own year.
 */
export function yearOf(
  sentence: string,
  publicationYear: number | undefined,
  figure?: { start: number; end: number },
): YearAndPeriod {
  const period =
    /\b(first|second|third|fourth) quarter\b/i.exec(sentence)?.[0] ??
    /\bfirst (?:three|six|nine) months\b/i.exec(sentence)?.[0] ??
    /\b(?:first|second) half\b/i.exec(sentence)?.[0] ??
    /\bin the coming years\b/i.exec(sentence)?.[0];
  const explicit = nearestYear(sentence, figure);
  if (explicit) return { year: Number(explicit), yearStated: true, period: period?.toLowerCase() };
  if (publicationYear !== undefined) {
    if (/\b(?:last|previous|past) year\b/i.test(sentence))
      return { year: publicationYear - 1, yearStated: false, period: period?.toLowerCase() };
    return { year: publicationYear, yearStated: false, period: period?.toLowerCase() };
  }
  return { year: undefined, yearStated: false, period: period?.toLowerCase() };
}
