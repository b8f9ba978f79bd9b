/**
 * Which written form a node's text property is read in as dates, from the schema's detected date
 * properties (GET /api/schema `dates`, common/dates.ts), so the date filter reads "24/08/2017" on
 * a Crime as the server does. Without a detected form, text is a date only when it is ISO.
 */
import type { DateProperty } from '../../../common/api.ts';
import type { DateForm } from '../../../common/dates.ts';

/** Text date forms by label and property key. */
export type DateForms = ReadonlyMap<string, DateForm>;

const entry = (label: string, key: string) => `${label}\u0000${key}`;

/** The text forms among the schema's date properties (temporal values and years need none). */
export function dateFormsOf(dates: readonly DateProperty[] | undefined): DateForms {
  const forms = new Map<string, DateForm>();
  for (const { label, key, form } of dates ?? []) {
    if (form !== 'temporal' && form !== 'year') forms.set(entry(label, key), form);
  }
  return forms;
}

/** The detected text date property `key` is on this element (its first label that has one). */
export function textDateProperty(
  element: { labels?: readonly string[] },
  key: string,
  forms: DateForms | undefined,
): (DateProperty & { form: DateForm }) | undefined {
  if (!forms || forms.size === 0 || !element.labels) return undefined;
  for (const label of element.labels) {
    const form = forms.get(entry(label, key));
    if (form) return { label, key, form };
  }
  return undefined;
}

/** The form of `key` on this element, if the schema detected one. */
export function textDateForm(
  element: { labels?: readonly string[] },
  key: string,
  forms: DateForms | undefined,
): DateForm | undefined {
  return textDateProperty(element, key, forms)?.form;
}
