import cytoscape from 'cytoscape';
import { describe, expect, test } from 'vitest';
import { layoutOptions } from '../../client/src/graph/layouts.ts';

/** A small directed graph: a → b → d, a → c → d, d → e. */
function graph() {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 30, height: 30 } }],
    elements: [
      ...['a', 'b', 'c', 'd', 'e'].map((id) => ({ data: { id } })),
      ...[
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'd'],
        ['c', 'd'],
        ['d', 'e'],
      ].map(([source, target]) => ({ data: { id: `${source}${target}`, source, target } })),
    ],
  });
}

describe('the lazily loaded dagre layout', () => {
  test('loads on first run, emits one layoutstop, and puts nodes in layers along the edges', async () => {
    const cy = graph();
    let stops = 0;
    const stopped = new Promise<void>((resolve) =>
      cy.on('layoutstop', () => {
        stops += 1;
        resolve();
      }),
    );
    cy.layout(layoutOptions('dagre', true)).run();
    await stopped;
    const y = (id: string) => cy.getElementById(id).position('y');
    expect(y('b')).toBe(y('c'));
    expect(y('a')).toBeLessThan(y('b'));
    expect(y('b')).toBeLessThan(y('d'));
    expect(y('d')).toBeLessThan(y('e'));
    expect(stops).toBe(1);

    // Once loaded, the real layout runs at once.
    const second = graph();
    let done = false;
    second.on('layoutstop', () => (done = true));
    second.layout(layoutOptions('dagre', true)).run();
    expect(done).toBe(true);
  });
});
