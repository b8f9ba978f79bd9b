/**
 * Ranked loopless paths between two nodes of the projection, at most `maxHops` long: Yen's
 * k-shortest-paths over a hop-bounded A* (the heuristic: hops still needed to the target, each
 * costing at least the cheapest link; nodes from which the target is out of reach are skipped). Pure; the cost model decides what "short" means
 * (hops only, or hops with hub and evidence penalties). A budget of settled search states bounds
 * the work a hub can cause; when it runs out the routes found so far are returned as partial.
 */
import { MinHeap } from './heap.ts';
import type { ProjectionGraph } from './projection.ts';

export interface CostModel {
  /** A lower bound on every link's cost (guides the search towards the target, A*-style). */
  minLink: number;
  /** Cost of walking the link between two adjacent nodes. */
  link(a: string, b: string): number;
  /** Cost of passing through a node (never charged for the two ends of a route). */
  through(node: string): number;
}

export interface Route {
  nodes: string[];
  cost: number;
}

export interface RouteSearch {
  routes: Route[];
  /** The budget ran out: there may be cheaper routes than some listed, or more of them. */
  partial: boolean;
  settled: number;
}

interface State {
  node: string;
  hops: number;
  cost: number;
  /** cost + minLink × hops still needed at least: the search's priority. */
  estimate: number;
  parent: State | null;
}

/** Hops from `target` to every node within `maxHops` of it (breadth-first). */
export function hopsToTarget(
  graph: ProjectionGraph,
  target: string,
  maxHops: number,
): Map<string, number> {
  const depth = new Map<string, number>([[target, 0]]);
  let frontier = [target];
  for (let d = 1; d <= maxHops && frontier.length > 0; d += 1) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachNeighbor(node, (neighbour) => {
        if (depth.has(neighbour)) return;
        depth.set(neighbour, d);
        next.push(neighbour);
      });
    }
    frontier = next;
  }
  return depth;
}

/** Routes beyond k kept when they tie with the k-th. */
export const TIE_EXTRA = 20;
const COST_EPSILON = 1e-9;

const linkKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

class Budget {
  settled = 0;
  constructor(readonly max: number) {}
  get exhausted(): boolean {
    return this.settled >= this.max;
  }
}

/** The cheapest route from source to target with at most maxHops links, avoiding what is blocked. */
function cheapestRoute(
  graph: ProjectionGraph,
  model: CostModel,
  source: string,
  target: string,
  maxHops: number,
  blockedNodes: ReadonlySet<string>,
  blockedLinks: ReadonlySet<string>,
  budget: Budget,
  depth: ReadonlyMap<string, number>,
): Route | null {
  const heap = new MinHeap<State>(
    (a, b) =>
      a.estimate < b.estimate ||
      (a.estimate === b.estimate && (a.hops < b.hops || (a.hops === b.hops && a.node < b.node))),
  );
  // A node settled with h hops makes any later (costlier) visit with ≥ h hops useless.
  const settledHops = new Map<string, number>();
  const start = depth.get(source);
  if (start === undefined || start > maxHops) return null;
  heap.push({ node: source, hops: 0, cost: 0, estimate: model.minLink * start, parent: null });
  while (heap.size > 0) {
    if (budget.exhausted) return null;
    const state = heap.pop() as State;
    const seen = settledHops.get(state.node);
    if (seen !== undefined && seen <= state.hops) continue;
    settledHops.set(state.node, state.hops);
    budget.settled += 1;
    if (state.node === target) return { nodes: unwind(state), cost: state.cost };
    if (state.hops >= maxHops) continue;
    graph.forEachNeighbor(state.node, (next) => {
      if (blockedNodes.has(next) || blockedLinks.has(linkKey(state.node, next))) return;
      // Never step where the target is out of reach with the hops left.
      const remaining = depth.get(next);
      if (remaining === undefined || state.hops + 1 + remaining > maxHops) return;
      const known = settledHops.get(next);
      if (known !== undefined && known <= state.hops + 1) return;
      const step = model.link(state.node, next) + (next === target ? 0 : model.through(next));
      const cost = state.cost + step;
      heap.push({
        node: next,
        hops: state.hops + 1,
        cost,
        estimate: cost + model.minLink * remaining,
        parent: state,
      });
    });
  }
  return null;
}

function unwind(state: State): string[] {
  const nodes: string[] = [];
  for (let s: State | null = state; s; s = s.parent) nodes.push(s.node);
  return nodes.reverse();
}

/** The cost of a whole route under the model. */
export function routeCost(model: CostModel, nodes: readonly string[]): number {
  let cost = 0;
  for (let i = 1; i < nodes.length; i += 1) {
    cost += model.link(nodes[i - 1] as string, nodes[i] as string);
    if (i < nodes.length - 1) cost += model.through(nodes[i] as string);
  }
  return cost;
}

const byCostThenNodes = (a: Route, b: Route) =>
  a.cost < b.cost || (a.cost === b.cost && a.nodes.join('\u0000') < b.nodes.join('\u0000'));

/**
 * The k cheapest loopless routes, cheapest first (Yen's algorithm), plus any that tie with the
 * k-th: the caller breaks the tie and keeps k.
 */
export function cheapestRoutes(
  graph: ProjectionGraph,
  model: CostModel,
  source: string,
  target: string,
  options: { k: number; maxHops: number; maxSettled: number },
): RouteSearch {
  const budget = new Budget(options.maxSettled);
  const none = new Set<string>();
  const depth = hopsToTarget(graph, target, options.maxHops);
  const first = cheapestRoute(
    graph,
    model,
    source,
    target,
    options.maxHops,
    none,
    none,
    budget,
    depth,
  );
  if (!first) return { routes: [], partial: budget.exhausted, settled: budget.settled };
  const routes: Route[] = [first];
  const candidates = new MinHeap<Route>(byCostThenNodes);
  const known = new Set<string>([first.nodes.join('\u0000')]);

  // Past k, routes that cost the same as the k-th are still collected (up to TIE_EXTRA more), so
  // the caller can order ties by something meaningful instead of by the order they were found.
  const limit = options.k + TIE_EXTRA;
  while (routes.length < limit && !budget.exhausted) {
    const previous = routes[routes.length - 1] as Route;
    for (let i = 0; i < previous.nodes.length - 1 && !budget.exhausted; i += 1) {
      const root = previous.nodes.slice(0, i + 1);
      const spur = root[i] as string;
      const blockedLinks = new Set<string>();
      for (const route of routes) {
        if (route.nodes.length > i + 1 && root.every((node, j) => route.nodes[j] === node)) {
          blockedLinks.add(linkKey(route.nodes[i] as string, route.nodes[i + 1] as string));
        }
      }
      const blockedNodes = new Set(root.slice(0, i));
      const tail = cheapestRoute(
        graph,
        model,
        spur,
        target,
        options.maxHops - i,
        blockedNodes,
        blockedLinks,
        budget,
        depth,
      );
      if (!tail) continue;
      const nodes = [...root.slice(0, i), ...tail.nodes];
      const signature = nodes.join('\u0000');
      if (known.has(signature)) continue;
      known.add(signature);
      candidates.push({ nodes, cost: routeCost(model, nodes) });
    }
    const next = candidates.peek();
    if (!next) break;
    const kth = routes[options.k - 1];
    if (kth && next.cost > kth.cost + COST_EPSILON) break;
    routes.push(candidates.pop() as Route);
  }
  return { routes, partial: budget.exhausted, settled: budget.settled };
}

/** Hops from source to every node reached (breadth-first, the whole component). */
export function hopDistance(graph: ProjectionGraph, source: string, target: string): number | null {
  if (source === target) return 0;
  const depth = new Map<string, number>([[source, 0]]);
  let frontier = [source];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const node of frontier) {
      const d = depth.get(node) as number;
      for (const neighbour of graph.neighbors(node)) {
        if (depth.has(neighbour)) continue;
        if (neighbour === target) return d + 1;
        depth.set(neighbour, d + 1);
        next.push(neighbour);
      }
    }
    frontier = next;
  }
  return null;
}
