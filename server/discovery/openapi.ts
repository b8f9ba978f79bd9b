/** Discovery's operations in the OpenAPI document; bounds come from limits.ts and the config. */
import type { Config } from '../config.ts';
import {
  CENTRALITY_DEFAULT_LIMIT,
  CENTRALITY_MAX_LIMIT,
  CENTRALITY_MEMBERS_MAX_IDS,
  CONNECT_DEFAULT_K,
  CONNECT_DEFAULT_MAX_LENGTH,
  CONNECT_MAX_K,
  INTERPRET_MAX_LENGTH,
  SHARE_MAX_ENTITIES,
  SUGGESTIONS_DEFAULT_LIMIT,
  SUGGESTIONS_MAX_LIMIT,
} from './limits.ts';

type Json = Record<string, unknown>;

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const ok = (id: string, description: string) => ({
  '200': { description, content: { 'application/json': { schema: ref(id) } } },
});
const PROBLEMS: Record<string, string> = {
  '400':
    'Invalid request, or a node outside the chosen part of the graph (problem type validation)',
  '404': 'No node with that element id (problem type not-found)',
  '422':
    'The chosen part of the graph is larger than discovery projects at once (problem type query-refused, reason projection-too-large, extension bound)',
  '503': 'Neo4j unavailable (problem type database-unavailable; header Retry-After)',
  '504': 'A read exceeded the server-side time limit (problem type query-timeout)',
};
const problems = (...statuses: string[]): Json =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: PROBLEMS[status],
        content: { 'application/problem+json': { schema: ref('Problem') } },
      },
    ]),
  );
const query = (name: string, schema: Json, description: string, required = false): Json => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
const DAY = {
  type: 'string',
  pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$',
  description: 'YYYY, YYYY-MM or YYYY-MM-DD',
};
const LIST = { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };

function scope(start: string, end: string): Json[] {
  return [
    query('labels', LIST, 'Only nodes with one of these labels (comma-separated or repeated).'),
    query(
      'documents',
      LIST,
      'Only nodes mentioned by these documents (element ids), and the documents.',
    ),
    query(start, DAY, 'Time window start: dated nodes (date or year) before it are left out.'),
    query(end, DAY, 'Time window end (a year or month means its last day).'),
  ];
}

export function discoveryPaths(config: Config): Record<string, Json> {
  const maxLength = config.limits.pathMaxLength;
  return {
    '/api/discovery/connect': {
      get: {
        summary:
          'How two nodes are connected: ranked loopless paths with the quotes behind each hop',
        description:
          'Paths of at most maxLength hops over the projection (evidence passages and mention links left out). ' +
          'rank=weighted orders by hops + 0.5 × ln(degree) per node passed through + 0.5 per hop without a quote; ' +
          'rank=hops by hops first. Each hop lists every relationship between its two nodes. No path within ' +
          'the bound is an answer: 200 with no paths, the distance and a message.',
        parameters: [
          query('from', { type: 'string' }, 'Element id of one end.', true),
          query('to', { type: 'string' }, 'Element id of the other end.', true),
          query(
            'maxLength',
            {
              type: 'integer',
              minimum: 1,
              maximum: maxLength,
              default: Math.min(CONNECT_DEFAULT_MAX_LENGTH, maxLength),
            },
            'Hops at most.',
          ),
          query(
            'k',
            { type: 'integer', minimum: 1, maximum: CONNECT_MAX_K, default: CONNECT_DEFAULT_K },
            'Paths at most.',
          ),
          query(
            'rank',
            { type: 'string', enum: ['weighted', 'hops'], default: 'weighted' },
            'Ranking.',
          ),
          ...scope('since', 'until'),
        ],
        responses: {
          ...ok('ConnectResponse', 'Paths, possibly none'),
          ...problems('400', '404', '422', '503', '504'),
        },
      },
    },
    '/api/discovery/share': {
      get: {
        summary: 'What two or more nodes have in common, grouped by kind, with evidence',
        parameters: [
          query(
            'ids',
            LIST,
            `Element ids of 2 to ${SHARE_MAX_ENTITIES} different nodes (comma-separated or repeated).`,
            true,
          ),
        ],
        responses: {
          ...ok('ShareResponse', 'Shared neighbours, spheres and documents'),
          ...problems('400', '404', '503', '504'),
        },
      },
    },
    '/api/discovery/centrality': {
      get: {
        summary: 'Nodes ranked by degree, PageRank or betweenness, with Louvain communities',
        parameters: [
          query(
            'measure',
            { type: 'string', enum: ['degree', 'pagerank', 'betweenness'], default: 'degree' },
            'The measure to rank by.',
          ),
          query(
            'limit',
            {
              type: 'integer',
              minimum: 1,
              maximum: CENTRALITY_MAX_LIMIT,
              default: CENTRALITY_DEFAULT_LIMIT,
            },
            'Rows at most.',
          ),
          ...scope('from', 'to'),
        ],
        responses: {
          ...ok('CentralityResponse', 'The ranking and the communities'),
          ...problems('400', '422', '503', '504'),
        },
      },
    },
    '/api/discovery/centrality/members': {
      post: {
        summary:
          'The score and community of each given node (e.g. those on a canvas), and their communities',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['ids'],
                properties: {
                  ids: {
                    type: 'array',
                    items: { type: 'string' },
                    minItems: 1,
                    maxItems: CENTRALITY_MEMBERS_MAX_IDS,
                    description: 'Element ids of the nodes.',
                  },
                  measure: {
                    type: 'string',
                    enum: ['degree', 'pagerank', 'betweenness'],
                    default: 'degree',
                  },
                  labels: { type: 'array', items: { type: 'string' } },
                  documents: { type: 'array', items: { type: 'string' } },
                  from: { type: 'string', description: 'YYYY, YYYY-MM or YYYY-MM-DD' },
                  to: { type: 'string', description: 'YYYY, YYYY-MM or YYYY-MM-DD' },
                },
              },
            },
          },
        },
        responses: {
          ...ok('CentralityMembersResponse', 'Scores and communities of the nodes given'),
          ...problems('400', '422', '503', '504'),
        },
      },
    },
    '/api/discovery/suggestions': {
      get: {
        summary:
          'Nodes worth a look: not linked to the node, sharing neighbours with it (Adamic–Adar)',
        parameters: [
          query('id', { type: 'string' }, 'Element id of the node.', true),
          query(
            'limit',
            {
              type: 'integer',
              minimum: 1,
              maximum: SUGGESTIONS_MAX_LIMIT,
              default: SUGGESTIONS_DEFAULT_LIMIT,
            },
            'Suggestions at most.',
          ),
          ...scope('from', 'to'),
        ],
        responses: {
          ...ok('SuggestionsResponse', 'Suggestions with their reasons'),
          ...problems('400', '404', '422', '503', '504'),
        },
      },
    },
    '/api/discovery/timeline': {
      get: {
        summary: 'Meetings by date, optionally within a time window',
        parameters: [
          query('from', DAY, 'Window start.'),
          query('to', DAY, 'Window end (a year or month means its last day).'),
        ],
        responses: {
          ...ok('TimelineResponse', 'Meetings, earliest first'),
          ...problems('400', '503', '504'),
        },
      },
    },
    '/api/discovery/interpret': {
      get: {
        summary:
          'Reads a search-box phrase: "X to Y" (connect), "A and B" (share) or a plain search',
        parameters: [
          query(
            'q',
            { type: 'string', minLength: 1, maxLength: INTERPRET_MAX_LENGTH },
            'The phrase.',
            true,
          ),
        ],
        responses: {
          ...ok('InterpretResponse', 'The reading, with each name resolved'),
          ...problems('400', '503', '504'),
        },
      },
    },
  };
}
