/**
 * The building a meeting took place in, when a meeting sentence names it: "in the Kasri Millat
 * palace", "at the Kremlin Palace", "at the Ak Orda Presidential Residence". The venue is a
 * node of its own (kind Venue) so meetings held in one place meet there in the graph.
 */
import type { Sentence } from '../text/passages.ts';
import { slug } from '../text/fold.ts';
import { MEETING_CUE } from './meeting.ts';
import type { Scene } from './relations.ts';

/** Words naming the kind of building, as the text writes them (any case). */
const FACILITIES = ['palace', 'residence', 'hall', 'house', 'centre', 'center'] as const;

/** "in the / at the" + one to four capitalised words + a facility word. */
const VENUE = new RegExp(
  `\\b(?:in|at)\\s+the\\s+((?:\\p{Lu}[\\p{L}'’-]*\\s+){1,4}?)(?:(?:Presidential|State)\\s+)?(${FACILITIES.join('|')})\\b`,
  'giu',
);

/** Adds the venue a meeting sentence names, its mention and the meeting's HELD_AT it. */
export function venueRule(scene: Scene, sentence: Sentence): void {
  if (!MEETING_CUE.test(sentence.text)) return;
  for (const m of sentence.text.matchAll(VENUE)) {
    const name = (m[1] ?? '').trim();
    const facility = (m[2] ?? '').toLowerCase();
    // "in the Russian Federation House" names a country, not a building's own name.
    if (
      !name ||
      scene.ctx
        .mentionsIn(sentence, 'country:')
        .some((c) => c.start === sentence.start + m.index + m[0].indexOf(name))
    )
      continue;
    const start = sentence.start + m.index + m[0].indexOf(name);
    const end = sentence.start + m.index + m[0].length;
    const id = `venue:${slug(name)}`;
    scene.b.entity(id, 'Venue', name, { properties: { facility }, confidence: 0.8 });
    scene.ctx.addMention({ entity: id, passage: sentence.passage, start, end, confidence: 0.8 });
    scene.b.fact('HELD_AT', scene.meeting, id, [scene.ctx.sentenceSpan(sentence)], 0.8, {
      facility,
    });
  }
}
