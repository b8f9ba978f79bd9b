import { describe, expect, test } from 'vitest';
import {
  PALETTE,
  assignLabelStyles,
  darken,
  overflowColor,
  countLabels,
  primaryLabel,
} from '../../client/src/graph/palette.ts';

describe('assignLabelStyles', () => {
  test('gives palette colours in sorted label order, whatever order labels arrive in', () => {
    const a = assignLabelStyles({}, ['Person', 'Country', 'Meeting']);
    const b = assignLabelStyles({}, ['Meeting', 'Person', 'Country', 'Person']);
    expect(a).toEqual(b);
    expect(a.Country?.color).toBe(PALETTE[0]);
    expect(a.Meeting?.color).toBe(PALETTE[1]);
    expect(a.Person?.color).toBe(PALETTE[2]);
  });

  test('keeps existing assignments when new labels appear, and gives them unused colours', () => {
    const first = assignLabelStyles({}, ['Person', 'Country']);
    const second = assignLabelStyles(first, ['Award', 'Person']);
    expect(second.Person).toEqual(first.Person);
    expect(second.Country).toEqual(first.Country);
    expect(second.Award?.color).toBe(PALETTE[2]);
  });

  test('returns the same object when nothing is new', () => {
    const styles = assignLabelStyles({}, ['A']);
    expect(assignLabelStyles(styles, ['A'])).toBe(styles);
  });

  test('labels beyond the palette get distinct generated colours', () => {
    const labels = Array.from(
      { length: PALETTE.length + 20 },
      (_, i) => `L${String(i).padStart(2, '0')}`,
    );
    const styles = assignLabelStyles({}, labels);
    const colours = Object.values(styles).map((s) => s.color);
    expect(new Set(colours).size).toBe(labels.length);
    for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(styles.L12?.color).toBe(overflowColor(0));
  });

  test('borders are a darker tone of the fill', () => {
    expect(darken('#ffffff', 0.5)).toBe('#808080');
    expect(darken('#4f83cc', 0)).toBe('#4f83cc');
    expect(assignLabelStyles({}, ['X']).X?.border).toBe(darken(PALETTE[0], 0.3));
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
