import { describe, expect, test } from 'vitest';
import { isArrowKey, nearestInDirection } from '../../client/src/graph/keyboardNavigation.ts';

const at = (id: string, x: number, y: number) => ({ id, position: { x, y } });
const origin = { x: 0, y: 0 };
//        up(0,-100)
// left(-80,0)  o  right(120,10)  far(300,0)
//        down(10,90)   diagonal(100,100)
const nodes = [
  at('up', 0, -100),
  at('left', -80, 0),
  at('right', 120, 10),
  at('far', 300, 0),
  at('down', 10, 90),
  at('diagonal', 100, 100),
];

describe('nearestInDirection', () => {
  test('each arrow picks the nearest node that way', () => {
    expect(nearestInDirection(origin, nodes, 'ArrowUp')).toBe('up');
    expect(nearestInDirection(origin, nodes, 'ArrowLeft')).toBe('left');
    expect(nearestInDirection(origin, nodes, 'ArrowRight')).toBe('right');
    expect(nearestInDirection(origin, nodes, 'ArrowDown')).toBe('down');
  });

  test('a node straight ahead beats a nearer one off to the side', () => {
    const candidates = [at('aside', 50, 45), at('ahead', 90, 0)];
    expect(nearestInDirection(origin, candidates, 'ArrowRight')).toBe('ahead');
  });

  test('nothing that way: no move', () => {
    expect(nearestInDirection(origin, [at('right', 50, 0)], 'ArrowLeft')).toBeUndefined();
    expect(nearestInDirection(origin, [], 'ArrowUp')).toBeUndefined();
  });

  test('only arrow keys are arrows', () => {
    expect(isArrowKey('ArrowUp')).toBe(true);
    expect(isArrowKey('Enter')).toBe(false);
  });
});
