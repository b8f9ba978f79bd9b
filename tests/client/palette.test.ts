import { describe, expect, test } from 'vitest';
import {
  MIN_DISTANCE,
  PALETTE,
  colourDistance,
  countLabels,
  darken,
  labelHash,
  labelStyles,
  primaryLabel,
} from '../../client/src/graph/palette.ts';

/** The labels of our model, as the seed and ingestion write them. */
const OUR_LABELS = [
  'Anniversary',
  'Award',
  'Country',
  'Document',
  'Entity',
  'Indicator',
  'Meeting',
  'Organisation',
  'Passage',
  'Person',
  'Proposal',
  'Sphere',
  'Threat',
];

describe('labelStyles', () => {
  test('a colour is a function of the label set, whatever order labels arrive in', () => {
    const a = labelStyles(['Person', 'Country', 'Meeting']);
    const b = labelStyles(['Meeting', 'Person', 'Country', 'Person']);
    expect(a).toEqual(b);
    const shuffled = [...OUR_LABELS].reverse();
    expect(labelStyles(shuffled)).toEqual(labelStyles(OUR_LABELS));
  });

  test('a label starts from the palette slot its name hashes to', () => {
    const slot = labelHash('Country') % PALETTE.length;
    expect(labelStyles(['Country']).Country?.color).toBe(PALETTE[slot]);
    expect(labelHash('Country')).toBe(labelHash('Country'));
    expect(labelHash('Country')).not.toBe(labelHash('Person'));
  });

  test('the labels of our model get distinct colours: Threat is not Document, Sphere not Organisation', () => {
    const styles = labelStyles(OUR_LABELS);
    const colours = OUR_LABELS.map((label) => styles[label]?.color);
    expect(new Set(colours).size).toBe(OUR_LABELS.length);
    expect(styles.Threat?.color).not.toBe(styles.Document?.color);
    expect(styles.Sphere?.color).not.toBe(styles.Organisation?.color);
    for (const colour of colours) expect(PALETTE as readonly string[]).toContain(colour);
  });

  test('colliding labels step on to the next free colour, in sorted order', () => {
    // Find two labels whose names hash to the same slot.
    const slotOf = (label: string) => labelHash(label) % PALETTE.length;
    const first = 'L0';
    const second = Array.from({ length: 500 }, (_, i) => `L${i + 1}`).find(
      (label) => slotOf(label) === slotOf(first),
    ) as string;
    const styles = labelStyles([second, first]);
    const [earlier, later] = [first, second].sort() as [string, string];
    expect(styles[earlier]?.color).toBe(PALETTE[slotOf(first)]);
    expect(styles[later]?.color).toBe(PALETTE[(slotOf(first) + 1) % PALETTE.length]);
  });

  test('palette colours look different from one another', () => {
    for (const a of PALETTE)
      for (const b of PALETTE)
        if (a !== b) expect(colourDistance(a, b)).toBeGreaterThanOrEqual(MIN_DISTANCE);
    // Threat and Document, Sphere and Organisation used to look alike (red on red, two pinks).
    expect(colourDistance('#d64f5e', '#c94a4a')).toBeLessThan(MIN_DISTANCE);
    expect(colourDistance('#e07aa0', '#c25fa3')).toBeLessThan(MIN_DISTANCE);
  });

  test('chosen colours are kept, and no other label takes them', () => {
    const auto = labelStyles(['Country', 'Person']);
    const taken = auto.Person?.color as string;
    const styles = labelStyles(['Country', 'Person'], { Country: taken });
    expect(styles.Country?.color).toBe(taken);
    expect(styles.Person?.color).not.toBe(taken);
  });

  test('labels beyond the palette get distinct generated colours', () => {
    const labels = Array.from(
      { length: PALETTE.length + 20 },
      (_, i) => `L${String(i).padStart(2, '0')}`,
    );
    const styles = labelStyles(labels);
    const colours = Object.values(styles).map((style) => style.color);
    expect(new Set(colours).size).toBe(labels.length);
    for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
  });

  test('borders are a darker tone of the fill', () => {
    expect(darken('#ffffff', 0.5)).toBe('#808080');
    expect(darken('#4f83cc', 0)).toBe('#4f83cc');
    const style = labelStyles(['X']).X;
    expect(style?.border).toBe(darken(style?.color as string, 0.3));
  });
});

describe('primaryLabel', () => {
  test('is the label the fewest nodes carry, so catch-all labels lose', () => {
    const counts = countLabels([
      { labels: ['Entity', 'Person'] },
      { labels: ['Entity', 'Country'] },
      { labels: ['Entity', 'Country'] },
    ]);
    expect(counts).toEqual({ Entity: 3, Person: 1, Country: 2 });
    expect(primaryLabel(['Entity', 'Person'], counts)).toBe('Person');
    expect(primaryLabel(['Country', 'Entity'], counts)).toBe('Country');
  });

  test('ties go alphabetically; unknown labels rank last; no labels, no label', () => {
    expect(primaryLabel(['B', 'A'], { A: 1, B: 1 })).toBe('A');
    expect(primaryLabel(['Unknown', 'A'], { A: 5 })).toBe('A');
    expect(primaryLabel(['Solo'], {})).toBe('Solo');
    expect(primaryLabel([], {})).toBeUndefined();
  });
});
