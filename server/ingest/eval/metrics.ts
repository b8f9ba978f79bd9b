/** Precision, recall and F1 over sets of item ids, overall and per group (kind, type). */

export interface Score {
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

/** A score from counts; an empty side scores 1 when the other side is empty too. */
export function scoreCounts(gold: number, predicted: number, correct: number): Score {
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : correct / predicted;
  const recall = gold === 0 ? 1 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, predicted, correct, precision, recall, f1 };
}

export function score(gold: ReadonlySet<string>, predicted: ReadonlySet<string>): Score {
  const correct = [...predicted].filter((p) => gold.has(p)).length;
  return scoreCounts(gold.size, predicted.size, correct);
}

function grouped(
  items: ReadonlySet<string>,
  groupOf: (item: string) => string,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const item of items) {
    const group = groupOf(item);
    const set = out.get(group) ?? new Set<string>();
    set.add(item);
    out.set(group, set);
  }
  return out;
}

/** One score per group, groups in alphabetical order. */
export function scores(
  gold: ReadonlySet<string>,
  predicted: ReadonlySet<string>,
  groupOf: (item: string) => string,
): Record<string, Score> {
  const g = grouped(gold, groupOf);
  const p = grouped(predicted, groupOf);
  const groups = [...new Set([...g.keys(), ...p.keys()])].sort();
  return Object.fromEntries(
    groups.map((k) => [k, score(g.get(k) ?? new Set(), p.get(k) ?? new Set())]),
  );
}

/** Micro-average: counts summed over texts, then precision, recall and F1 computed once. */
export function microAverage(all: readonly Score[]): Score {
  const sum = (f: (s: Score) => number) => all.reduce((n, s) => n + f(s), 0);
  return scoreCounts(
    sum((s) => s.gold),
    sum((s) => s.predicted),
    sum((s) => s.correct),
  );
}

/** Micro-averages per group over texts' per-group scores. */
export function microAverageByGroup(all: readonly Record<string, Score>[]): Record<string, Score> {
  const groups = [...new Set(all.flatMap((r) => Object.keys(r)))].sort();
  return Object.fromEntries(
    groups.map((g) => [g, microAverage(all.flatMap((r) => (r[g] ? [r[g]] : [])))]),
  );
}
