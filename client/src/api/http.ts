/**
 * The client's one door to /api: typed JSON in, RFC 9457 problems out as ApiError, so every
 * view can say what went wrong in the server's own words.
 */
import type { Problem } from '../../../common/api.ts';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    message: string,
  ) {
    super(message);
  }

  /** True when the server or Neo4j is temporarily unavailable (worth retrying by itself). */
  get transient(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

/** Answers other than 2xx that a route gives with its ordinary body (health's 503). */
export interface Accepting {
  accept?: readonly number[];
}

/** GETs a JSON resource; throws ApiError for network failures and non-2xx answers. */
export async function getJson<T>(
  path: string,
  signal?: AbortSignal,
  { accept = [] }: Accepting = {},
): Promise<T> {
  return request<T>(path, { method: 'GET', signal: signal ?? null }, accept);
}

/** POSTs a JSON body and reads a JSON answer. */
export async function postJson<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return request<T>(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: signal ?? null,
  });
}

async function request<T>(
  path: string,
  init: RequestInit,
  accept: readonly number[] = [],
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...init.headers },
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, undefined, 'The Summit Graph server cannot be reached.');
  }
  if (response.ok || accept.includes(response.status)) return (await response.json()) as T;
  const problem = await readProblem(response);
  throw new ApiError(response.status, problem, describeFailure(response.status, problem));
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return (await response.json()) as Problem;
  } catch {
    return undefined;
  }
}

/** Any failure as an ApiError, so views handle one kind of error. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, undefined, error instanceof Error ? error.message : String(error));
}

/** A one-line human explanation of a failed request. */
export function describeFailure(status: number, problem: Problem | undefined): string {
  if (problem?.detail) return `${problem.title}: ${problem.detail}`;
  if (problem?.title) return problem.title;
  if (status === 503) return 'The database is unavailable right now.';
  return `The server answered with status ${status}.`;
}
