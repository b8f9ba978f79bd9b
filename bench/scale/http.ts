/**
 * A lean HTTP client for the benchmarks: node:http with keep-alive (fetch adds its own
 * overhead to every request), bodies read whole and parsed as a browser would, and a
 * closed-loop load generator: N clients, each sending its next request when the last returns.
 */
import http from 'node:http';
import { percentile } from '../report.ts';

export interface Response {
  status: number;
  bytes: number;
  body: unknown;
  ms: number;
}

export class BenchClient {
  private readonly agent: http.Agent;

  constructor(
    readonly base: string,
    sockets = 64,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  /** GETs a path; resolves with the parsed JSON body and the time to the last byte. */
  get(pathAndQuery: string): Promise<Response> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const request = http.get(`${this.base}${pathAndQuery}`, { agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          let body: unknown;
          try {
            body = JSON.parse(raw.toString('utf8'));
          } catch {
            body = raw.toString('utf8');
          }
          resolve({
            status: res.statusCode ?? 0,
            bytes: raw.length,
            body,
            ms: performance.now() - started,
          });
        });
      });
      request.on('error', reject);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface LoadResult {
  clients: number;
  requests: number;
  errors: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  /** Status codes other than 200, with counts. */
  statuses: Record<string, number>;
}

/**
 * Runs `clients` closed loops for `durationMs` (or until `maxRequests` are sent), each asking
 * `next()` for its next path. Latency is per request; throughput is completed requests/s.
 */
export async function closedLoop(
  client: BenchClient,
  next: (i: number) => string,
  options: { clients: number; durationMs?: number; maxRequests?: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let sent = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = options.durationMs === undefined ? Infinity : started + options.durationMs;
  const limit = options.maxRequests ?? Infinity;
  const loop = async () => {
    while (performance.now() < deadline && sent < limit) {
      const i = sent++;
      try {
        const response = await client.get(next(i));
        latencies.push(response.ms);
        if (response.status !== 200)
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, loop));
  const seconds = (performance.now() - started) / 1000;
  return {
    clients: options.clients,
    requests: latencies.length,
    errors,
    seconds,
    throughput: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
  };
}
