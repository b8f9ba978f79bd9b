/**
 * Steady API traffic for the fault tests: a few clients in closed loops over the explorer's
 * routes, every request bounded by a client-side deadline so a hung request shows up as such
 * instead of stalling the test. Each outcome is kept with its start and end time.
 */

export interface Outcome {
  route: string;
  started: number;
  ended: number;
  /** HTTP status, or 0 when the request failed or hit the deadline. */
  status: number;
  hung: boolean;
}

export interface Traffic {
  outcomes: Outcome[];
  /** Stops the loops and waits for the requests in flight. */
  stop(): Promise<Outcome[]>;
}

/**
 * Requests against the seed graph; `nodeId` is any node of it. The schema summary is left out:
 * cold, it is the heaviest read, and on a busy machine it alone can reach the query timeout.
 */
export function seedRoutes(
  base: string,
  nodeId: string,
  deadlineMs = HANG_MS,
): [string, () => Promise<Response>][] {
  const signal = () => AbortSignal.timeout(deadlineMs);
  const id = encodeURIComponent(nodeId);
  return [
    ['search', () => fetch(`${base}/api/search?q=tajikistan`, { signal: signal() })],
    ['overview', () => fetch(`${base}/api/graph/overview?limit=50`, { signal: signal() })],
    ['node', () => fetch(`${base}/api/nodes/${id}`, { signal: signal() })],
    ['neighbours', () => fetch(`${base}/api/nodes/${id}/neighbours`, { signal: signal() })],
    [
      'cypher',
      () =>
        fetch(`${base}/api/cypher`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: 'MATCH (n) RETURN count(n) AS n' }),
          signal: signal(),
        }),
    ],
  ];
}

/**
 * A request that has not answered after this long counts as hung: past the query timeout
 * (15 s) plus the driver's retries, with room for a busy two-core machine.
 */
export const HANG_MS = 40_000;

export function startTraffic(
  routes: [string, () => Promise<Response>][],
  clients: number,
  pauseMs = 20,
): Traffic {
  const outcomes: Outcome[] = [];
  let running = true;
  const loop = async (offset: number) => {
    for (let i = offset; running; i++) {
      const [route, send] = routes[i % routes.length] as [string, () => Promise<Response>];
      const started = Date.now();
      let status = 0;
      let hung = false;
      try {
        const response = await send();
        await response.arrayBuffer();
        status = response.status;
      } catch (error) {
        hung = (error as Error).name === 'TimeoutError';
      }
      outcomes.push({ route, started, ended: Date.now(), status, hung });
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  };
  const loops = Array.from({ length: clients }, (_, c) => loop(c));
  return {
    outcomes,
    async stop() {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds, polling; throws with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(50);
  }
}
