import { describe, expect, test } from 'vitest';
import { WEBGL_OFF_BELOW, WEBGL_ON_AT, chooseRenderer } from '../../client/src/graph/renderer.ts';

describe('chooseRenderer', () => {
  test('switches to WebGL at the threshold and back only well below it', () => {
    expect(chooseRenderer(WEBGL_ON_AT - 1, 'canvas', true)).toBe('canvas');
    expect(chooseRenderer(WEBGL_ON_AT, 'canvas', true)).toBe('webgl');
    expect(chooseRenderer(WEBGL_ON_AT - 1, 'webgl', true)).toBe('webgl');
    expect(chooseRenderer(WEBGL_OFF_BELOW, 'webgl', true)).toBe('webgl');
    expect(chooseRenderer(WEBGL_OFF_BELOW - 1, 'webgl', true)).toBe('canvas');
  });

  test('stays on canvas where WebGL is not available', () => {
    expect(chooseRenderer(1_000_000, 'canvas', false)).toBe('canvas');
    expect(chooseRenderer(1_000_000, 'webgl', false)).toBe('canvas');
  });
});
