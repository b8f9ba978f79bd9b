/**
 * The part of the graph a discovery answer is computed on: labels, documents and a time window.
 * Parsed once from the query string into a canonical form whose key names one cached projection.
 */
import { z } from 'zod';
import type { DiscoveryScope } from '../../common/api.ts';
import { storedElementId as ElementIdSchema } from '../../common/contract/registry.ts';
import { NameList } from '../schema/name-list.ts';

/** YYYY, YYYY-MM or YYYY-MM-DD; a window end covers the whole year or month it names. */
const DAY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first or last day a date-ish string covers, as YYYY-MM-DD; null when it is not a date. */
export function windowDay(text: string, edge: 'start' | 'end'): string | null {
  const match = DAY.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? (edge === 'start' ? 1 : 12) : Number(match[2]);
  if (month < 1 || month > 12) return null;
  const last = daysInMonth(year, month);
  const day = match[3] === undefined ? (edge === 'start' ? 1 : last) : Number(match[3]);
  if (day < 1 || day > last) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const windowEdge = (edge: 'start' | 'end') =>
  z
    .string()
    .trim()
    .transform((text, ctx) => {
      const day = windowDay(text, edge);
      if (day === null) {
        ctx.addIssue({ code: 'custom', message: 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD' });
        return z.NEVER;
      }
      return day;
    });

const ElementIdList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : [value])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v.length > 0),
  )
  .pipe(z.array(ElementIdSchema).max(50, 'at most 50 element ids'));

/** Query-string fields of a scope; routes spread these into their own schemas. */
export const ScopeFields = {
  labels: NameList.optional().describe(
    'Only nodes with one of these labels (comma-separated or repeated).',
  ),
  documents: ElementIdList.optional().describe(
    'Only nodes mentioned by these documents (element ids), and the documents.',
  ),
  from: windowEdge('start')
    .optional()
    .describe(
      'Time window start (YYYY, YYYY-MM or YYYY-MM-DD): dated nodes (date or year) before it are left out.',
    ),
  to: windowEdge('end')
    .optional()
    .describe('Time window end (YYYY, YYYY-MM or YYYY-MM-DD; a year or month means its last day).'),
};

/** Checks from ≤ to; attach with .superRefine on the route schema. */
export function checkWindow(
  value: { from?: string | undefined; to?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (value.from && value.to && value.from > value.to) {
    ctx.addIssue({ code: 'custom', message: 'must not be before "from"', path: ['to'] });
  }
}

const sorted = (list: string[] | undefined): string[] | null =>
  list && list.length > 0 ? [...new Set(list)].sort() : null;

/** The canonical scope: sorted, de-duplicated lists; null for "no filter". */
export function toScope(fields: {
  labels?: string[] | undefined;
  documents?: string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): DiscoveryScope {
  return {
    labels: sorted(fields.labels),
    documents: sorted(fields.documents),
    from: fields.from ?? null,
    to: fields.to ?? null,
  };
}

export const WHOLE_GRAPH: DiscoveryScope = { labels: null, documents: null, from: null, to: null };

/** One string per distinct scope, the cache key. */
export function scopeKey(scope: DiscoveryScope): string {
  return JSON.stringify([scope.labels, scope.documents, scope.from, scope.to]);
}

export function isWholeGraph(scope: DiscoveryScope): boolean {
  return !scope.labels && !scope.documents && !scope.from && !scope.to;
}
