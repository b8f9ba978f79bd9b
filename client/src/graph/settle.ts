/**
 * Settling a laid-out scene before it is shown: captions moved apart, edges kept off nodes they
 * do not join (a straight edge across a third node reads as a chain through it), and a force
 * layout's picture sized to the canvas. The geometry is pure (declutter.ts, edgeClearance.ts,
 * leftoverSteps.ts, frameFit.ts); this module reads the scene from Cytoscape and moves its nodes.
 */
import type { Collection, Core, NodeSingular } from 'cytoscape';
import { declutter, type CaptionBox } from './declutter.ts';
import { clearEdges, nodesOnEdges, spreadNeighbours, type ClearanceNode } from './edgeClearance.ts';
import { fitToFrame, type Frame } from './frameFit.ts';
import { settleLeftovers } from './leftoverSteps.ts';
import { NODE_CAPTION_LIMIT } from './stylesheet.ts';

function captionBox(node: NodeSingular, fixed: boolean): CaptionBox {
  const position = node.position();
  const box = node.boundingBox({ includeLabels: true, includeNodes: true, includeEdges: false });
  return {
    id: node.id(),
    position: { ...position },
    left: box.x1 - position.x,
    right: box.x2 - position.x,
    top: box.y1 - position.y,
    bottom: box.y2 - position.y,
    fixed,
  };
}

/**
 * Moves captioned nodes so no two captions overlap. Only `movable` nodes move (all by default);
 * the others and pinned nodes stay where they are. Large scenes, which caption only what is
 * in view, are left as they are.
 */
export function declutterCaptions(cy: Core, movable?: Collection): void {
  const nodes = cy.nodes(':visible');
  if (nodes.length < 2 || nodes.length > NODE_CAPTION_LIMIT) return;
  const boxes = nodes.map((n) =>
    captionBox(n, n.locked() || (movable !== undefined && !movable.has(n))),
  );
  const positions = declutter(boxes);
  cy.batch(() => {
    nodes.forEach((node) => {
      const next = positions.get(node.id());
      const { x, y } = node.position();
      if (next && !node.locked() && (next.x !== x || next.y !== y)) node.position(next);
    });
  });
}

/** Rounds of stepping nodes off edges and moving captions apart, which can undo each other. */
const CLEARANCE_ROUNDS = 10;
const LEFTOVER_ROUNDS = 5;
/** Above this many leftovers a scene is too dense for careful steps to pay (seconds, not ms). */
const LEFTOVER_BUDGET = 40;

function clearanceScene(cy: Core) {
  const captioned = cy.nodes(':visible').length <= NODE_CAPTION_LIMIT;
  const nodes: ClearanceNode[] = cy.nodes(':visible').map((n) => {
    const { left, right, top, bottom } = captionBox(n, false);
    return {
      id: n.id(),
      position: { ...n.position() },
      radius: n.outerWidth() / 2,
      fixed: n.locked(),
      ...(captioned ? { box: { left, right, top, bottom } } : {}),
    };
  });
  const edges = cy
    .edges(':visible')
    .map((e) => ({ source: e.source().id(), target: e.target().id() }));
  return { nodes, edges };
}

function moveTo(cy: Core, positions: Map<string, { x: number; y: number }>): void {
  cy.batch(() => {
    cy.nodes(':visible').forEach((node) => {
      const next = positions.get(node.id());
      const { x, y } = node.position();
      if (next && !node.locked() && (next.x !== x || next.y !== y)) node.position(next);
    });
  });
}

/**
 * Keeps edges off nodes they do not join and captions apart. After a force layout (`spread`),
 * hubs' leaves first go on evenly spaced rays; then nodes are stepped off edges and captions
 * moved apart in turn until both hold. Only `movable` nodes move (all by default).
 */
export function clearAndDeclutter(cy: Core, options: { spread?: boolean; movable?: Collection }) {
  if (options.spread) {
    const { nodes, edges } = clearanceScene(cy);
    moveTo(cy, spreadNeighbours(nodes, edges));
  }
  const movable = options.movable && new Set(options.movable.map((n) => n.id()));
  if (cy.nodes(':visible').length > NODE_CAPTION_LIMIT) {
    // Large scenes caption only what is in view and have no captions to move apart: one
    // bounded stepping pass, and no careful steps, which look at the whole scene.
    const { nodes, edges } = clearanceScene(cy);
    moveTo(cy, clearEdges(nodes, edges, movable));
    return;
  }
  for (let round = 0; round < CLEARANCE_ROUNDS; round += 1) {
    const { nodes, edges } = clearanceScene(cy);
    moveTo(cy, clearEdges(nodes, edges, movable));
    declutterCaptions(cy, options.movable);
    const after = clearanceScene(cy);
    if (nodesOnEdges(after.nodes, after.edges).length === 0) return;
  }
  for (let round = 0; round < LEFTOVER_ROUNDS; round += 1) {
    const { nodes, edges } = clearanceScene(cy);
    const left = nodesOnEdges(nodes, edges).length;
    if (left === 0 || left > LEFTOVER_BUDGET) return;
    moveTo(cy, settleLeftovers(nodes, edges, movable));
  }
}

/** Rounds of drawing the picture in and settling it again, which pushes nodes apart. */
const FRAME_ROUNDS = 4;

function framedNodes(cy: Core) {
  return cy.nodes(':visible').map((n) => {
    const { left, right, top, bottom } = captionBox(n, false);
    return {
      id: n.id(),
      position: { ...n.position() },
      box: { left, right, top, bottom },
      fixed: n.locked(),
    };
  });
}

function edgeCrossings(cy: Core): number {
  const { nodes, edges } = clearanceScene(cy);
  return nodesOnEdges(nodes, edges).length;
}

/**
 * Draws a small scene's picture in until it and its captions fit `frame` (model pixels),
 * settling edges and captions after each step; pinned nodes stay. The result is kept only when
 * it fits and has no more edges across nodes than before; otherwise the scene goes back to how
 * it was (too many nodes to fit legibly: the fit then centres on a part of it).
 */
export function sizeToFrame(cy: Core, frame: Frame): void {
  if (cy.nodes(':visible').length > NODE_CAPTION_LIMIT) return;
  if (!fitToFrame(framedNodes(cy), frame)) return;
  const before = new Map(cy.nodes(':visible').map((n) => [n.id(), { ...n.position() }]));
  const crossingsBefore = edgeCrossings(cy);
  for (let round = 0; round < FRAME_ROUNDS; round += 1) {
    const positions = fitToFrame(framedNodes(cy), frame);
    if (!positions) break;
    moveTo(cy, positions);
    clearAndDeclutter(cy, {});
  }
  if (fitToFrame(framedNodes(cy), frame) || edgeCrossings(cy) > crossingsBefore) {
    moveTo(cy, before);
  }
}
