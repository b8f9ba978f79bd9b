/**
 * The OpenAPI 3.1 document of the API. Schemas come from schemas.ts (the same ones the tests
 * validate responses with); bounds come from the routers' own constants and the configuration,
 * so the document describes the server that serves it.
 */
import { z } from 'zod';
import type { Config } from '../config.ts';
import { CYPHER_QUERY_MAX_LENGTH } from '../cypher/router.ts';
import {
  NEIGHBOUR_MAX_LIMIT,
  RESOLVE_MAX_NODES,
  RESOLVE_MAX_RELATIONSHIPS,
} from '../nodes/router.ts';
import { RATE_LIMIT_EXEMPT } from '../security/rate-limit.ts';
import { needsWriteToken } from '../security/write-token.ts';
import { PATHS_DEFAULT_K, PATHS_DEFAULT_MAX_LENGTH, PATHS_MAX_K } from '../paths/router.ts';
import { SEARCH_DEFAULT_LIMIT, SEARCH_QUERY_MAX_LENGTH } from '../search/router.ts';
import { APP } from '../version.ts';
import { contributedPaths } from './contributions.ts';
import { registry } from './schemas.ts';

type Json = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({
  description,
  content: { 'application/json': { schema: ref(id) } },
});

const PROBLEMS: Record<string, string> = {
  '400': 'Invalid request (problem type validation; query-syntax for the console)',
  '404': 'No such node or route (problem type not-found)',
  '413': 'Request body too large (problem type payload-too-large)',
  '422': 'Query refused by the read-only guard (problem type query-refused, extension `reason`)',
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
const RETRY_AFTER = new Set(['429', '503']);

function problems(...statuses: string[]): Json {
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

function param(
  name: string,
  where: 'query' | 'path',
  schema: Json,
  description: string,
  required = false,
): Json {
  return { name, in: where, required: where === 'path' || required, description, schema };
}

const elementIdParam = (of: string) =>
  param(
    'id',
    'path',
    { type: 'string', pattern: '^\\d+:[A-Za-z0-9-]{1,64}:\\d{1,20}$' },
    `Element id of the ${of} (URL-encoded; ":" may also stay as it is).`,
  );
const nodeId = elementIdParam('node');
const relationshipId = elementIdParam('relationship');
const nameList = (what: string) => ({
  oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
  description: `${what}: comma-separated, or the parameter repeated (at most 50).`,
});

function paths(config: Config): Json {
  const { searchLimitMax, neighbourLimit, pathMaxLength, queryMaxRows, queryTimeoutMs } =
    config.limits;
  return {
    '/api/health': {
      get: {
        summary: 'Application version and whether Neo4j answers',
        responses: {
          '200': json('HealthResponse', 'Neo4j reachable'),
          '503': json('HealthResponse', 'Neo4j not reachable'),
        },
      },
    },
    '/api/graph/overview': {
      get: {
        summary: 'A bounded first view: the best-connected nodes and the relationships among them',
        parameters: [
          param(
            'limit',
            'query',
            { type: 'integer', minimum: 1, maximum: 1000, default: 150 },
            'Nodes at most.',
          ),
        ],
        responses: {
          '200': json('OverviewResponse', 'The view'),
          ...problems('400', '503', '504'),
        },
      },
    },
    '/api/schema': {
      get: {
        summary:
          'Labels, relationship types, property types, counts, indexes, constraints, schema graph, evidence profile',
        responses: { '200': json('SchemaResponse', 'The schema'), ...problems('503', '504') },
      },
    },
    '/api/search': {
      get: {
        summary: 'Ranked matches over names, aliases, titles and other text',
        description:
          'Uses the full-text indexes covering the wanted labels (exact, prefix and fuzzy terms, with and ' +
          'without diacritics); without one, or when they find nothing, a bounded scan of string properties ' +
          '(case- and diacritic-insensitive substring match; `partial` when the bound was reached).',
        parameters: [
          param(
            'q',
            'query',
            { type: 'string', minLength: 1, maxLength: SEARCH_QUERY_MAX_LENGTH },
            'Text to find; must contain a letter or digit.',
            true,
          ),
          param(
            'labels',
            'query',
            nameList('Only nodes with one of these labels'),
            'Label filter.',
          ),
          param(
            'limit',
            'query',
            {
              type: 'integer',
              minimum: 1,
              maximum: searchLimitMax,
              default: Math.min(SEARCH_DEFAULT_LIMIT, searchLimitMax),
            },
            'Hits at most.',
          ),
        ],
        responses: {
          '200': json('SearchResponse', 'Hits, best first'),
          ...problems('400', '503', '504'),
        },
      },
    },
    '/api/nodes/{id}': {
      get: {
        summary:
          'A node: labels, properties, degree per type and direction, evidence and provenance',
        parameters: [nodeId],
        responses: {
          '200': json('NodeResponse', 'The node'),
          ...problems('400', '404', '503', '504'),
        },
      },
    },
    '/api/nodes/{id}/neighbours': {
      get: {
        summary: 'A page of a node’s relationships and neighbours, with the total',
        description:
          'Stable order: relationship type, then relationship element id. A hub is never returned whole.',
        parameters: [
          nodeId,
          param('types', 'query', nameList('Relationship types'), 'Type filter.'),
          param('labels', 'query', nameList('Neighbour labels'), 'Label filter on the neighbour.'),
          param(
            'direction',
            'query',
            { type: 'string', enum: ['out', 'in', 'both'], default: 'both' },
            'Relationship direction seen from the node.',
          ),
          param(
            'limit',
            'query',
            {
              type: 'integer',
              minimum: 1,
              maximum: Math.max(neighbourLimit, NEIGHBOUR_MAX_LIMIT),
              default: neighbourLimit,
            },
            'Relationships on the page.',
          ),
          param(
            'skip',
            'query',
            { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
            'Relationships skipped before the page.',
          ),
        ],
        responses: {
          '200': json('NeighboursResponse', 'The page'),
          ...problems('400', '404', '503', '504'),
        },
      },
    },
    '/api/nodes/resolve': {
      post: {
        summary: 'The current nodes and relationships for the references of a saved view',
        description:
          'Nodes by a key property of one of their labels (found only when exactly one node has it) ' +
          'or by element id; relationships by the indexes of their resolved ends and their type, the ' +
          `saved element id choosing among parallel ones. At most ${RESOLVE_MAX_NODES} nodes and ` +
          `${RESOLVE_MAX_RELATIONSHIPS} relationships. Unknown references come back as null and are ` +
          'listed in unresolved. Reads only: no write token needed.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('ResolveRequest') } },
        },
        responses: {
          '200': json('ResolveResponse', 'One entry per reference'),
          ...problems('400', '413', '503', '504'),
        },
      },
    },
    '/api/relationships/{id}': {
      get: {
        summary:
          'A relationship: type, ends, properties, its evidence quotes with their passages, provenance',
        parameters: [relationshipId],
        responses: {
          '200': json('RelationshipResponse', 'The relationship'),
          ...problems('400', '404', '503', '504'),
        },
      },
    },
    '/api/paths': {
      get: {
        summary: 'Shortest and alternative paths between two nodes, with evidence for every hop',
        description:
          'Simple paths (no node twice), direction ignored, evidence links (mention types) not walked; ' +
          'paths through the same nodes count once. No path within maxLength is an answer: 200 with an ' +
          'empty list and a message.',
        parameters: [
          param('from', 'query', { type: 'string' }, 'Element id of the first node.', true),
          param(
            'to',
            'query',
            { type: 'string' },
            'Element id of the other node (not the same).',
            true,
          ),
          param(
            'maxLength',
            'query',
            {
              type: 'integer',
              minimum: 1,
              maximum: pathMaxLength,
              default: Math.min(PATHS_DEFAULT_MAX_LENGTH, pathMaxLength),
            },
            'Hops at most.',
          ),
          param(
            'k',
            'query',
            { type: 'integer', minimum: 1, maximum: PATHS_MAX_K, default: PATHS_DEFAULT_K },
            'Paths at most, shortest first.',
          ),
        ],
        responses: {
          '200': json('PathsResponse', 'Paths, possibly none'),
          ...problems('400', '404', '503', '504'),
        },
      },
    },
    '/api/cypher': {
      post: {
        summary: 'Run one read-only Cypher query',
        description:
          `Checked three ways: the query text (one statement; no EXPLAIN/PROFILE, USE, LOAD CSV, ` +
          `CALL … IN TRANSACTIONS), Neo4j's plan (query type "r", allowed operators and procedures) and a ` +
          `read transaction. Server-side timeout ${queryTimeoutMs} ms; at most ${queryMaxRows} rows, cut ` +
          `while streaming (truncated: true). Parameters use the value encoding.`,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                ...ref('CypherRequest'),
                description: `query: at most ${CYPHER_QUERY_MAX_LENGTH} characters`,
              },
            },
          },
        },
        responses: {
          '200': json('CypherResponse', 'Columns, rows, graph elements and summary'),
          ...problems('400', '413', '422', '503', '504'),
        },
      },
    },
    // The documents domain's routes, described here until it contributes its own path items
    // (contributed items replace these).
    '/api/documents': {
      get: {
        summary: 'Ingested and seed documents, newest first',
        parameters: [
          param(
            'limit',
            'query',
            { type: 'integer', minimum: 1, maximum: 500, default: 100 },
            'Documents at most.',
          ),
          param(
            'offset',
            'query',
            { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
            'Documents skipped.',
          ),
        ],
        responses: {
          '200': {
            description: 'DocumentListResponse (common/api.ts)',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
          ...problems('400', '503', '504'),
        },
      },
      post: {
        summary:
          'Ingest a document (text/plain, text/html or JSON {text, format?, title?, url?, date?, publisher?}); needs the write token',
        responses: {
          '200': {
            description: 'IngestResponse: unchanged or replaced',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
          '201': {
            description: 'IngestResponse: created (Location header)',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
          ...problems('400', '413', '503'),
        },
      },
    },
    '/api/documents/{id}': documentRead(
      'One document with its passages, mentions and facts',
      'DocumentDetail',
    ),
    '/api/documents/{id}/changes': documentRead(
      'What one document brought into the graph: its entities and facts as graph elements, which are new and which it confirms',
      'DocumentChanges',
    ),
    '/api/openapi.json': {
      get: {
        summary: 'This document',
        responses: {
          '200': {
            description: 'OpenAPI 3.1',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
        },
      },
    },
  };
}

/** The component schemas, without the per-schema $schema and $id that OpenAPI does not want. */
function componentSchemas(): Record<string, Json> {
  const generated = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'output',
    uri: (id) => `#/components/schemas/${id}`,
  }).schemas as Record<string, Json>;
  return Object.fromEntries(
    Object.entries(generated).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema;
      return [id, rest];
    }),
  );
}

/** A GET of one document by its key or slug, answering `shape` (a type in common/api.ts). */
function documentRead(summary: string, shape: string): Json {
  return {
    get: {
      summary,
      parameters: [
        param(
          'id',
          'path',
          { type: 'string', minLength: 1, maxLength: 300 },
          'Document key ("document:slug") or slug.',
        ),
      ],
      responses: {
        '200': {
          description: `${shape} (common/api.ts)`,
          content: { 'application/json': { schema: { type: 'object' } } },
        },
        ...problems('400', '404', '503', '504'),
      },
    },
  };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Adds the answers of the guards in front of every route (security/index.ts): 403 from the host
 * check and 429 from the rate limits everywhere, 401 where the write token is needed.
 */
function withGuards(all: Json): Json {
  return Object.fromEntries(
    Object.entries(all).map(([route, item]) => {
      const operations = { ...(item as Json) };
      for (const method of METHODS) {
        const operation = operations[method] as { responses?: Json } | undefined;
        if (!operation) continue;
        const path = route.slice('/api'.length);
        const guards = [
          ...(needsWriteToken({ method: method.toUpperCase(), path }) ? ['401'] : []),
          '403',
          ...(RATE_LIMIT_EXEMPT.has(path) ? [] : ['429']),
        ];
        operations[method] = {
          ...operation,
          responses: { ...operation.responses, ...problems(...guards) },
        };
      }
      return [route, operations];
    }),
  );
}

export function openapiDocument(config: Config): Json {
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
    paths: withGuards({ ...paths(config), ...contributedPaths(config) }),
    components: { schemas: componentSchemas() },
  };
}
