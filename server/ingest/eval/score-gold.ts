/**
 * Scores one extraction against a gold text. Extracted entities are resolved as ingestion would
 * resolve them against a graph holding the seed, then matched to gold entities by key, else by
 * kind and an overlapping mention. A fact counts as correct only when its type and ends match a
 * gold fact, one of its quotes overlaps the gold evidence, and the values the gold names agree.
 */
import { RELATIONSHIP_SPECS, type FactType } from '../../model/ontology.ts';
import type { PropertyValue } from '../../model/values.ts';
import { DOCUMENT_REF, type Extraction, type Span } from '../extract/types.ts';
import type { PreparedDocument } from '../input.ts';
import { resolveEntities, type Candidate } from '../resolve/resolve.ts';
import { foldForMatching } from '../text/fold.ts';
import type { GoldSpan, GoldText } from './gold.ts';
import { score, scoreCounts, scores, type Score } from './metrics.ts';

export interface Accuracy {
  /** Texts (or items) the gold states it for. */
  stated: number;
  correct: number;
}

/** The figures scored for one text and, summed, for the whole set. */
export interface GoldScores {
  entities: { overall: Score; byKind: Record<string, Score> };
  relations: { overall: Score; byType: Record<string, Score> };
  date: Accuracy;
  place: Accuracy;
  figures: Accuracy;
  /** Text facts written with no quote at all. */
  unquotedFacts: number;
}

export interface GoldEvaluation extends GoldScores {
  text: string;
  missedEntities: string[];
  extraEntities: string[];
  missedRelations: string[];
  extraRelations: string[];
  /** Predicted facts of a gold type and ends not counted correct, with the reason. */
  wrongRelations: string[];
}

interface DocSpan {
  start: number;
  end: number;
}

const overlaps = (a: DocSpan, b: DocSpan) => a.start < b.end && b.start < a.end;

const factId = (type: string, from: string, to: string) =>
  'symmetric' in RELATIONSHIP_SPECS[type as FactType]
    ? `${type}|${[from, to].sort().join('|')}`
    : `${type}|${from}|${to}`;

function sameValue(a: PropertyValue | undefined, b: string | number | boolean): boolean {
  if (typeof b === 'number' && typeof a === 'number') return Math.abs(a - b) <= 1e-9 * Math.abs(b);
  if (typeof b === 'string' && typeof a === 'string')
    return foldForMatching(a).toLowerCase() === foldForMatching(b).toLowerCase();
  return a === b;
}

/** Scores an extraction of `prepared` (prepared from `gold.content`) against the gold. */
export function scoreAgainstGold(
  gold: GoldText,
  prepared: PreparedDocument,
  extraction: Extraction,
  candidates: Candidate[],
): GoldEvaluation {
  // The prepared text is the stored text without its archive header: offsets shift by that.
  const found = gold.content.lastIndexOf(prepared.text);
  const base = found >= 0 ? found : 0;
  const toDoc = (s: Span): DocSpan => {
    const passage = prepared.passages[s.passage];
    const at = base + (passage?.start ?? 0);
    return { start: at + s.start, end: at + s.end };
  };
  const resolutions = resolveEntities(extraction, candidates);
  const keyOf = (id: string) => resolutions.get(id)?.key ?? id;

  const goldMeetings = gold.entities.filter((e) => e.kind === 'Meeting');
  const matched = new Map<string, string>();
  const taken = new Set<string>();
  for (const e of extraction.entities) {
    const key = keyOf(e.id);
    const spans = e.mentions.map(toDoc);
    const byKey = gold.entities.find((g) => g.key === key && !taken.has(g.key));
    const byMention =
      byKey ??
      gold.entities.find(
        (g) =>
          g.kind === e.kind &&
          !taken.has(g.key) &&
          g.mentions.some((m) => spans.some((s) => overlaps(m, s))),
      );
    const meeting =
      byMention ??
      (e.kind === 'Meeting' && goldMeetings.length === 1 && !taken.has(goldMeetings[0]?.key ?? '')
        ? goldMeetings[0]
        : undefined);
    if (meeting) {
      matched.set(e.id, meeting.key);
      taken.add(meeting.key);
    }
  }
  const kindOf = new Map<string, string>(gold.entities.map((g) => [g.key, g.kind]));
  const predictedEntities = new Set<string>();
  for (const e of extraction.entities) {
    const id = matched.get(e.id) ?? `${e.kind}~${keyOf(e.id)}`;
    kindOf.set(id, e.kind);
    predictedEntities.add(id);
  }
  const goldEntities = new Set(gold.entities.map((g) => g.key));

  const goldFacts = new Map(gold.facts.map((f) => [factId(f.type, f.from, f.to), f]));
  const endOf = (id: string) =>
    id === DOCUMENT_REF ? '$document' : (matched.get(id) ?? `~${keyOf(id)}`);
  const predictedFacts = new Set<string>();
  const correctFacts = new Set<string>();
  const wrongRelations: string[] = [];
  let unquotedFacts = 0;
  for (const f of extraction.facts) {
    if (f.source !== 'text') continue;
    if (f.evidence.length === 0) unquotedFacts += 1;
    const id = factId(f.type, endOf(f.from), endOf(f.to));
    predictedFacts.add(id);
    const g = goldFacts.get(id);
    if (!g) continue;
    const quoted = f.evidence.some((e) => g.evidence.some((x: GoldSpan) => overlaps(x, toDoc(e))));
    const wrongValues = Object.entries(g.values ?? {}).filter(
      ([k, v]) => !sameValue(f.properties[k], v),
    );
    if (quoted && wrongValues.length === 0) correctFacts.add(id);
    else
      wrongRelations.push(
        `${id} (${quoted ? '' : 'evidence elsewhere'}${wrongValues.map(([k]) => `${k} ${JSON.stringify(f.properties[k])}`).join(', ')})`,
      );
  }
  const typeOf = (id: string) => id.split('|')[0] ?? '?';
  const relationScore = (ids: (id: string) => boolean): Score => {
    const g = [...goldFacts.keys()].filter(ids).length;
    const p = [...predictedFacts].filter(ids);
    return scoreCounts(g, p.length, p.filter((x) => correctFacts.has(x)).length);
  };
  const types = [...new Set([...goldFacts.keys(), ...predictedFacts].map(typeOf))].sort();

  const meeting = extraction.entities.find((e) => e.kind === 'Meeting');
  const date = meeting?.properties.date;
  const predictedDate = date && typeof date === 'object' && 'date' in date ? date.date : undefined;
  const predictedPlace = meeting?.properties.place;
  const figureExact = gold.figures.filter((fig) =>
    extraction.entities.some(
      (e) =>
        e.kind === 'Indicator' &&
        e.mentions.some((m) => overlaps(fig, toDoc(m))) &&
        sameValue(e.properties.value, fig.value) &&
        sameValue(e.properties.unit, fig.unit),
    ),
  ).length;

  return {
    text: gold.name,
    entities: {
      overall: score(goldEntities, predictedEntities),
      byKind: scores(goldEntities, predictedEntities, (k) => kindOf.get(k) ?? '?'),
    },
    relations: {
      overall: relationScore(() => true),
      byType: Object.fromEntries(types.map((t) => [t, relationScore((id) => typeOf(id) === t)])),
    },
    date: {
      stated: gold.meeting.date ? 1 : 0,
      correct: gold.meeting.date && predictedDate === gold.meeting.date ? 1 : 0,
    },
    place: {
      stated: gold.meeting.place ? 1 : 0,
      correct:
        gold.meeting.place && typeof predictedPlace === 'string'
          ? Number(sameValue(predictedPlace, gold.meeting.place))
          : 0,
    },
    figures: { stated: gold.figures.length, correct: figureExact },
    unquotedFacts,
    missedEntities: [...goldEntities].filter((k) => !predictedEntities.has(k)).sort(),
    extraEntities: [...predictedEntities].filter((k) => !goldEntities.has(k)).sort(),
    missedRelations: [...goldFacts.keys()].filter((k) => !predictedFacts.has(k)).sort(),
    extraRelations: [...predictedFacts].filter((k) => !goldFacts.has(k)).sort(),
    wrongRelations: wrongRelations.sort(),
  };
}
