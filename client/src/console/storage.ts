/**
 * The console's history and saved queries, kept in the browser's local storage. The list
 * operations are pure; storage failures (private mode, quota) only cost persistence.
 */

export const HISTORY_KEY = 'summit-graph:cypher-history';
export const SAVED_KEY = 'summit-graph:cypher-saved';
export const HISTORY_LIMIT = 50;

export interface SavedQuery {
  name: string;
  query: string;
  params: string;
}

/** The history with `query` first, without an earlier copy of it, at most `limit` long. */
export function pushHistory(
  history: readonly string[],
  query: string,
  limit = HISTORY_LIMIT,
): string[] {
  const text = query.trim();
  if (!text) return [...history];
  return [text, ...history.filter((q) => q !== text)].slice(0, limit);
}

/** Saved queries with `entry` stored under its name (replacing one of the same name), by name. */
export function saveQuery(saved: readonly SavedQuery[], entry: SavedQuery): SavedQuery[] {
  return [...saved.filter((s) => s.name !== entry.name), entry].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}

export function readList<T>(key: string, valid: (item: unknown) => item is T): T[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(valid) : [];
  } catch {
    return [];
  }
}

export function writeList(key: string, list: readonly unknown[]): void {
  try {
    localStorage.setItem(key, JSON.stringify(list));
  } catch {
    // Storage full or disabled: the list lives for this page only.
  }
}

export const isString = (item: unknown): item is string => typeof item === 'string';

export function isSavedQuery(item: unknown): item is SavedQuery {
  const s = item as SavedQuery;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.name === 'string' &&
    typeof s.query === 'string' &&
    typeof s.params === 'string'
  );
}
