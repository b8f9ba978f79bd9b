/**
 * One definition per API route: its request and response schemas, its documentation and its
 * handler. `mountRoutes` puts a list of them on a router, each validating its input, then checking
 * that Neo4j answers (once, here, for every route that needs it), then handling; the OpenAPI
 * document (server/openapi/document.ts) is generated from the same list, so what is served and
 * what is described cannot drift apart.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { parseBody, parseParams, parseQuery } from './validate.ts';

/** The problem statuses a route can answer with besides the guards' (security/index.ts). */
export type ProblemStatus = '400' | '404' | '413' | '422' | '503' | '504';

type AnyObject = z.ZodType<Record<string, unknown>>;

/** An answer other than 200 with the response schema: another status, headers. */
export class Reply<T> {
  constructor(
    readonly status: number,
    readonly body: T,
    readonly headers: Record<string, string> = {},
  ) {}
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

export interface RouteSpec<
  P extends AnyObject,
  Q extends AnyObject,
  B extends z.ZodType,
  R extends z.ZodType,
  C = undefined,
> {
  method: 'get' | 'post';
  /** Express path under /api, e.g. "/nodes/:id". */
  path: string;
  summary: string;
  description?: string;
  /** Path parameters; each field's `.describe()` is its documentation. */
  params?: P;
  /** Query parameters; each field's `.describe()` is its documentation. */
  query?: Q;
  /** The JSON body (only read when the request is JSON if `accepts` names other types). */
  body?: B;
  /** Media types besides JSON that the route reads itself (documented, not parsed here). */
  accepts?: { types: string[]; description: string };
  /** The 200 answer. */
  response: R;
  /** Answers besides 200 that carry a body of their own (e.g. 201 Created, 503 from health). */
  otherResponses?: Record<string, { description: string; schema: z.ZodType }>;
  /** The problems it can answer with (guards' 401/403/429 are added by the document). */
  problems: ProblemStatus[];
  /** Answers without Neo4j (or reports its absence itself): no reachability check. */
  offline?: boolean;
  /** Runs before this route's validation, e.g. a write-token check or a raw body parser. */
  before?: RequestHandler[];
  /**
   * Checks of the input that need no database, run before the reachability check; what it
   * returns reaches the handler as `checked`.
   */
  precheck?: (input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>, req: Request) => C;
  handle(
    input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>,
    http: { req: Request; res: Response; checked: C },
  ): Promise<z.input<R> | Reply<unknown>>;
}

/** A route as the mounting and the document see it, its types erased. */
export type ApiRoute = RouteSpec<AnyObject, AnyObject, z.ZodType, z.ZodType, unknown>;

/** Defines a route; the generic parameters keep the handler's input typed by the schemas. */
export function defineRoute<
  P extends AnyObject,
  Q extends AnyObject,
  B extends z.ZodType,
  R extends z.ZodType,
  C = undefined,
>(spec: RouteSpec<P, Q, B, R, C>): ApiRoute {
  return spec as unknown as ApiRoute;
}

/** What every route that needs Neo4j waits for first: resolves, or throws the 503 problem. */
export interface ReachabilityCheck {
  ensure(): Promise<void>;
}

const wantsJsonBody = (route: ApiRoute, req: Request) =>
  route.body !== undefined && (route.accepts === undefined || Boolean(req.is('application/json')));

/** Mounts the routes on `router`: validate, check reachability, handle, answer. */
export function mountRoutes(
  router: Router,
  routes: readonly ApiRoute[],
  reachability: ReachabilityCheck,
): void {
  for (const route of routes) {
    const handler: RequestHandler = async (req, res) => {
      const input = {
        params: route.params ? parseParams(route.params, req.params) : {},
        query: route.query ? parseQuery(route.query, req.query) : {},
        body: wantsJsonBody(route, req)
          ? parseBody(route.body as z.ZodType, req.body ?? {})
          : undefined,
      };
      const checked = route.precheck?.(input, req);
      if (!route.offline) await reachability.ensure();
      const answer = await route.handle(input, { req, res, checked });
      if (res.headersSent) return;
      if (answer instanceof Reply) {
        res.status(answer.status).set(answer.headers).json(answer.body);
      } else {
        res.json(answer);
      }
    };
    router[route.method](route.path, ...(route.before ?? []), handler);
  }
}

/** A router serving only `routes` (e.g. one domain's, in a test). */
export function routesRouter(routes: readonly ApiRoute[], reachability: ReachabilityCheck): Router {
  const router = Router();
  mountRoutes(router, routes, reachability);
  return router;
}
