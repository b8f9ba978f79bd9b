/**
 * The OpenAPI 3.1 document of the API, generated from the mounted routes' own definitions
 * (server/http/route.ts): their parameters, bodies and answers are the zod schemas the routes
 * validate with, and the components are the shapes of common/contract/. Bounds come from the
 * same schemas, built from the configuration, so the document describes the server serving it.
 */
import { z } from 'zod';
import { registry, requestComponents } from '../../common/contract/registry.ts';
import type { ApiRoute, ProblemStatus } from '../http/route.ts';
import { RATE_LIMIT_EXEMPT } from '../security/rate-limit.ts';
import { needsWriteToken } from '../security/write-token.ts';
import { APP } from '../version.ts';

type Json = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

type Status = ProblemStatus | '401' | '403' | '429';

const PROBLEMS: Record<Status, string> = {
  '400':
    'Invalid request, or (discovery) a node outside the chosen part of the graph (problem type validation; query-syntax for the console)',
  '404': 'No such node, document or route (problem type not-found)',
  '413': 'Request body too large (problem type payload-too-large)',
  '422':
    "Refused (problem type query-refused, extension `reason`): by the console's read-only guard, or a part of the graph larger than discovery projects at once (reason projection-too-large, extension bound)",
  '503':
    'Neo4j unavailable, or the console is at its concurrency limit (problem type database-unavailable; header Retry-After)',
  '504': 'The query exceeded the server-side time limit (problem type query-timeout)',
  '401':
    'The route changes data and the write token is missing or wrong (problem type unauthorized; header WWW-Authenticate)',
  '403':
    'The Host header names a host this server does not answer for (problem type host-not-allowed)',
  '429':
    'Too many requests from this client (problem type rate-limited; headers Retry-After and RateLimit)',
};

/** Problems that carry a Retry-After header. */
const RETRY_AFTER = new Set<string>(['429', '503']);

function problems(statuses: readonly Status[]): Json {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: PROBLEMS[status],
        content: { 'application/problem+json': { schema: ref('Problem') } },
        ...(RETRY_AFTER.has(status)
          ? {
              headers: {
                'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } },
              },
            }
          : {}),
      },
    ]),
  );
}

/** A schema as JSON Schema: a $ref when it is a registered component, else inline. */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  const id = registry.get(schema)?.id;
  if (id) return ref(id);
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as Json;
  return rest;
}

/** The fields of an object schema as OpenAPI parameters; each field's description documents it. */
function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
  return Object.entries(shape).map(([name, field]) => {
    const { description, ...rest } = schemaOf(field, 'input');
    return {
      name,
      in: where,
      required: where === 'path' || !field.safeParse(undefined).success,
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function requestBody(route: ApiRoute): Json | undefined {
  if (!route.body && !route.accepts) return undefined;
  const content: Json = {};
  if (route.body) content['application/json'] = { schema: schemaOf(route.body, 'input') };
  for (const type of route.accepts?.types ?? []) {
    content[type] = { schema: { type: 'string', description: route.accepts?.description } };
  }
  return { required: true, content };
}

function answer(description: string, schema: z.ZodType): Json {
  return { description, content: { 'application/json': { schema: schemaOf(schema, 'output') } } };
}

/**
 * One operation: the route's own answers and problems, plus the guards' in front of every route
 * (security/index.ts): 403 from the host check and 429 from the rate limits everywhere, 401 where
 * the write token is needed.
 */
function operation(route: ApiRoute): Json {
  const guards: Status[] = [
    ...(needsWriteToken({ method: route.method.toUpperCase(), path: openApiPath(route.path) })
      ? (['401'] as const)
      : []),
    '403',
    ...(RATE_LIMIT_EXEMPT.has(route.path) ? [] : (['429'] as const)),
  ];
  const body = requestBody(route);
  const params = [...parameters(route.params, 'path'), ...parameters(route.query, 'query')];
  return {
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: {
      '200': answer(registry.get(route.response)?.description ?? route.summary, route.response),
      ...Object.fromEntries(
        Object.entries(route.otherResponses ?? {}).map(([status, { description, schema }]) => [
          status,
          answer(description, schema),
        ]),
      ),
      ...problems(route.problems),
      ...problems(guards),
    },
  };
}

/** "/nodes/:id" → "/nodes/{id}". */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/**
 * The component schemas, without the per-schema $schema and $id that OpenAPI does not want.
 * Request shapes (registered with io "input") are described as a client writes them.
 */
function componentSchemas(): Record<string, Json> {
  const generate = (io: 'input' | 'output') =>
    z.toJSONSchema(registry, {
      target: 'draft-2020-12',
      io,
      unrepresentable: 'any',
      uri: (id) => `#/components/schemas/${id}`,
    }).schemas as Record<string, Json>;
  const output = generate('output');
  const input = generate('input');
  return Object.fromEntries(
    Object.entries(output).map(([id, schema]) => {
      const chosen = requestComponents.has(id) ? (input[id] as Json) : schema;
      const { $schema: _schema, $id: _id, ...rest } = chosen;
      return [id, rest];
    }),
  );
}

export function openapiDocument(routes: readonly ApiRoute[]): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const path = `/api${openApiPath(route.path)}`;
    paths[path] = { ...paths[path], [route.method]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Summit Graph API',
      version: APP.version,
      description:
        'Explore any Neo4j database: schema, search, nodes, neighbourhoods, paths and a read-only Cypher ' +
        'console. Errors are RFC 9457 problem+json with a stable `type`. Values use a lossless JSON ' +
        'encoding (see the EncodedValue schema and docs/API.md).',
    },
    paths,
    components: { schemas: componentSchemas() },
  };
}
