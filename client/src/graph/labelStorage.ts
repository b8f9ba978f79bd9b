/**
 * Per-label choices kept per database in local storage (label colours, caption keys): one
 * record of label → value under `<prefix><database>`, read leniently and written best-effort.
 */

/** The stored record, keeping only the entries whose value passes `isValue`. */
export function readLabelRecord<T>(
  prefix: string,
  database: string,
  isValue: (value: unknown) => value is T,
): Record<string, T> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(prefix + database) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((e): e is [string, T] => isValue(e[1])),
    );
  } catch {
    return {};
  }
}

/** Stores the record; with storage disabled or full the choice holds for this page only. */
export function writeLabelRecord<T>(prefix: string, database: string, record: Record<string, T>) {
  try {
    localStorage.setItem(prefix + database, JSON.stringify(record));
  } catch {
    // Nothing to do: the page keeps working with what it has.
  }
}
