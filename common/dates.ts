/**
 * Dates written as text, read the same way by server and client. A property's form is detected
 * once from a sample of its values (`detectDateForm`), then every value is read in that form
 * (`parseDateText`), so "03/04/2017" means one day throughout a property, never two.
 */

import type { DateProperty } from './api.ts';

/** The written forms understood: ISO, day/month/year, month/day/year, "24 August 2017". */
export type DateForm = 'iso' | 'dmy' | 'mdy' | 'text';

/** How each form of a date property is shown to a reader. */
export const DATE_FORM_LABELS: Record<DateProperty['form'], string> = {
  temporal: 'Neo4j date values',
  iso: 'text, ISO (yyyy-mm-dd)',
  dmy: 'text, dd/mm/yyyy',
  mdy: 'text, mm/dd/yyyy',
  text: 'text, written (24 August 2017)',
  year: 'whole years',
};

/** "Crime.date (text, dd/mm/yyyy)": which property a reading of time used, and how. */
export function describeDateProperty(property: DateProperty): string {
  return `${property.label}.${property.key} (${DATE_FORM_LABELS[property.form]})`;
}

const ISO = /^([+-]?\d{4})-(\d{2})-(\d{2})(?=$|[T ])/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const WRITTEN =
  /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$|^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function monthNumber(word: string): number | null {
  const lower = word.toLowerCase();
  if (lower.length < 3) return null;
  const index = MONTHS.findIndex((m) => m.startsWith(lower));
  return index >= 0 ? index + 1 : null;
}

/** `YYYY-MM-DD` for a real calendar day, else null (2017-02-30 is not a day). */
export function isoDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const y = year >= 0 && year <= 9999 ? String(year).padStart(4, '0') : String(year);
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Reads one text in a given form; null when it is not a date in that form. */
export function parseDateText(text: string, form: DateForm): string | null {
  const value = text.trim();
  if (form === 'iso') {
    const m = ISO.exec(value);
    return m ? isoDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  }
  if (form === 'text') {
    const m = WRITTEN.exec(value);
    if (!m) return null;
    const [day, month, year] = m[1]
      ? [Number(m[1]), monthNumber(m[2] ?? ''), Number(m[3])]
      : [Number(m[5]), monthNumber(m[4] ?? ''), Number(m[6])];
    return month ? isoDay(year, month, day) : null;
  }
  const m = NUMERIC.exec(value);
  if (!m) return null;
  const [a, b, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return form === 'dmy' ? isoDay(year, b, a) : isoDay(year, a, b);
}

/** Share of sampled texts that must read as dates for a property to count as a date property. */
const DATE_SHARE = 0.9;

/**
 * The form in which the sampled texts are dates, or null. Numeric day/month texts are read as
 * mm/dd/yyyy only when some value cannot be day-first (a "month" above 12); otherwise day-first.
 */
export function detectDateForm(texts: readonly string[]): DateForm | null {
  const values = texts.map((t) => t.trim()).filter((t) => t.length > 0);
  if (values.length === 0) return null;
  const enough = (form: DateForm) =>
    values.filter((v) => parseDateText(v, form) !== null).length >= DATE_SHARE * values.length;
  if (enough('iso')) return 'iso';
  if (enough('text')) return 'text';
  const dmy = enough('dmy');
  const mdy = enough('mdy');
  if (dmy) return 'dmy';
  return mdy ? 'mdy' : null;
}
