/** Relationship counts as people write them: "10k", "100k", "1m", "2500". */

const SUFFIX: Record<string, number> = { '': 1, k: 1_000, m: 1_000_000 };

/** Parses "10k"/"1m"/"2500"/"1_000"; undefined when it is not such a count. */
export function parseCount(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim().replace(/[_,]/g, ''));
  if (!match) return undefined;
  const value = Number(match[1]) * (SUFFIX[(match[2] ?? '').toLowerCase()] ?? 1);
  return Number.isInteger(value) ? value : undefined;
}

/** "10k", "1M", "2,500": the short form used in reports. */
export function formatCount(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1_000 && n % 1_000 === 0) return `${n / 1_000}k`;
  return n.toLocaleString('en');
}
