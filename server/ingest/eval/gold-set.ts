/**
 * The gold set as a whole: every annotated text extracted with one extractor and scored, and
 * the scores micro-averaged (counts summed over texts). Targets are the ones the extraction is
 * held to on texts it was not developed on.
 */
import { readSeedFile } from '../../seed/file.ts';
import { RuleExtractor } from '../extract/rules.ts';
import { personNamesOf } from '../resolve/candidates.ts';
import type { Extractor } from '../extract/types.ts';
import { prepareDocument } from '../input.ts';
import { seedCandidates } from './evaluate.ts';
import { readGoldSet, type GoldText } from './gold.ts';
import { microAverage, microAverageByGroup } from './metrics.ts';
import {
  scoreAgainstGold,
  type Accuracy,
  type GoldEvaluation,
  type GoldScores,
} from './score-gold.ts';

export const GOLD_TARGETS = {
  entityF1: 0.95,
  personRecall: 0.95,
  relationPrecision: 0.95,
  /** Share of texts stating them whose meeting date and place are found. */
  dateAndPlace: 0.9,
  figureExactness: 1,
} as const;

export interface GoldSetEvaluation extends GoldScores {
  texts: GoldEvaluation[];
  /** Targets missed, in words; empty when all are met. */
  missedTargets: string[];
}

const sum = (all: Accuracy[]): Accuracy => ({
  stated: all.reduce((n, a) => n + a.stated, 0),
  correct: all.reduce((n, a) => n + a.correct, 0),
});
export const share = (a: Accuracy) => (a.stated === 0 ? 1 : a.correct / a.stated);

export async function evaluateGoldSet(
  texts: GoldText[] = readGoldSet(),
  extractor: Extractor = new RuleExtractor(),
): Promise<GoldSetEvaluation> {
  const candidates = seedCandidates(readSeedFile());
  // As ingestion into a graph holding the seed would: its persons are known by name.
  const personNames = personNamesOf(candidates);
  const results: GoldEvaluation[] = [];
  for (const gold of texts) {
    const prepared = prepareDocument({ text: gold.content, origin: gold.text });
    const extraction = await extractor.extract(prepared, { personNames });
    results.push(scoreAgainstGold(gold, prepared, extraction, candidates));
  }
  const entities = {
    overall: microAverage(results.map((r) => r.entities.overall)),
    byKind: microAverageByGroup(results.map((r) => r.entities.byKind)),
  };
  const relations = {
    overall: microAverage(results.map((r) => r.relations.overall)),
    byType: microAverageByGroup(results.map((r) => r.relations.byType)),
  };
  const date = sum(results.map((r) => r.date));
  const place = sum(results.map((r) => r.place));
  const figures = sum(results.map((r) => r.figures));
  const unquotedFacts = results.reduce((n, r) => n + r.unquotedFacts, 0);
  const t = GOLD_TARGETS;
  const missedTargets = [
    entities.overall.f1 < t.entityF1 && `entity F1 < ${t.entityF1}`,
    (entities.byKind.Person?.recall ?? 1) < t.personRecall && `person recall < ${t.personRecall}`,
    relations.overall.precision < t.relationPrecision &&
      `relation precision < ${t.relationPrecision}`,
    share(date) < t.dateAndPlace && `meeting date found in < ${t.dateAndPlace * 100} % of texts`,
    share(place) < t.dateAndPlace && `meeting place found in < ${t.dateAndPlace * 100} % of texts`,
    share(figures) < t.figureExactness && 'a figure not exact',
    unquotedFacts > 0 && `${unquotedFacts} facts without a quote`,
  ].filter((x): x is string => typeof x === 'string');
  return {
    texts: results,
    entities,
    relations,
    date,
    place,
    figures,
    unquotedFacts,
    missedTargets,
  };
}
