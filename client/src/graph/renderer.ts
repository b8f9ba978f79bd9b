/**
 * When the canvas draws with WebGL. Cytoscape's WebGL mode exists for networks of thousands of
 * elements, where its canvas renderer's frame rate falls; below that the canvas renderer is
 * sharper and cheaper to start. The switch has hysteresis so a scene near the threshold does
 * not flip (and rebuild the renderer) on every expansion.
 */

/** Nodes plus relationships at which WebGL is switched on. */
export const WEBGL_ON_AT = 3_000;
/** ... and below which it is switched off again. */
export const WEBGL_OFF_BELOW = 2_000;

export type RendererKind = 'canvas' | 'webgl';

export function chooseRenderer(
  elements: number,
  current: RendererKind,
  webglAvailable: boolean,
): RendererKind {
  if (!webglAvailable) return 'canvas';
  if (current === 'webgl') return elements < WEBGL_OFF_BELOW ? 'canvas' : 'webgl';
  return elements >= WEBGL_ON_AT ? 'webgl' : 'canvas';
}

let available: boolean | undefined;

/** Whether this browser gives a WebGL2 context (Cytoscape's WebGL mode needs one). */
export function webglAvailable(): boolean {
  if (available === undefined) {
    try {
      available =
        typeof document !== 'undefined' &&
        document.createElement('canvas').getContext('webgl2') !== null;
    } catch {
      available = false;
    }
  }
  return available;
}
