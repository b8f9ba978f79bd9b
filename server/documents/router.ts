/**
 * POST /api/documents (ingest a text), GET /api/documents (list), GET /api/documents/:id (one
 * document with passages, mentions and facts), GET /api/documents/:id/changes (what it brought
 * into the graph, as graph elements). Writing goes through the `requireWriteToken` hook
 * when one is given, before the body is read.
 */
import express, { type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import {
  DocumentChangesSchema,
  DocumentDetailSchema,
  DocumentListResponseSchema,
  IngestResponseSchema,
} from '../../common/contract/documents.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { AppError, notFound, type ProblemId } from '../http/problems.ts';
import { defineRoute, Reply, type ApiRoute } from '../http/route.ts';
import { parseQuery } from '../http/validate.ts';
import {
  IngestError,
  ingestDocument,
  type DocumentSubmission,
  type IngestErrorId,
} from '../ingest/index.ts';
import { listDocuments, readChanges, readDocument } from './read.ts';

/** Raw bodies may be larger than a document: the ingestion limit answers with its own problem. */
const RAW_BODY_LIMIT = '2mb';
const RAW_TYPES = ['text/plain', 'text/html', 'application/xhtml+xml', 'application/octet-stream'];
export const DOCUMENTS_MAX_LIMIT = 500;

const Metadata = {
  title: z.string().trim().min(1).max(500).optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  date: z.iso.date().optional(),
  publisher: z.string().trim().min(1).max(500).optional(),
  /** Key of the stored document this one is a new version of. */
  replaces: z
    .string()
    .regex(/^document:[\w-]+$/, 'must be a document key (document:…)')
    .optional(),
};
const JsonBody = z.strictObject({
  text: z.string({ error: 'must be the document text (a string)' }),
  format: z.enum(['text', 'html']).optional(),
  ...Metadata,
});
const RawQuery = z.object(Metadata);
const ListQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(DOCUMENTS_MAX_LIMIT)
    .default(100)
    .describe('Documents at most.'),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('Documents skipped.'),
});
const DocumentParams = z.object({
  id: z.string().min(1).max(300).describe('Document key ("document:slug") or slug.'),
});

/** Every ingestion error id is a problem id of the same name. */
const PROBLEM_OF: Record<IngestErrorId, ProblemId> = {
  'document-empty': 'document-empty',
  'document-binary': 'document-binary',
  'document-encoding': 'document-encoding',
  'document-language': 'document-language',
  'document-too-large': 'document-too-large',
  'document-media-type': 'document-media-type',
  'document-metadata': 'document-metadata',
  'document-seed-owned': 'document-seed-owned',
  'document-write-failed': 'document-write-failed',
};

function toProblem(error: unknown): unknown {
  return error instanceof IngestError
    ? new AppError(PROBLEM_OF[error.id], error.message, error.details)
    : error;
}

/** The submission a request carries: a JSON object, or a raw text/HTML body with ?title=… */
function submission(req: Request, json: z.output<typeof JsonBody> | undefined): DocumentSubmission {
  if (json) return { ...json };
  if (req.is(RAW_TYPES) && Buffer.isBuffer(req.body)) {
    const query = parseQuery(RawQuery, req.query);
    return {
      bytes: req.body,
      ...(req.is(['text/html', 'application/xhtml+xml']) ? { format: 'html' as const } : {}),
      ...query,
    };
  }
  throw new AppError(
    'document-media-type',
    `Send the document as text/plain, text/html or application/json ({"text": …}); got ${req.get('content-type') ?? 'no Content-Type'}.`,
  );
}

/** Both the key ("document:slug") and its slug alone name a document. */
const keyOf = (id: string) => (id.startsWith('document:') ? id : `document:${id}`);

const passThrough: RequestHandler = (_req, _res, next) => next();

export interface DocumentsRoutesOptions {
  /** Put in front of every writing route (the hardening layer's write-token check). */
  requireWriteToken?: RequestHandler;
}

export function documentsRoutes(
  db: Database,
  config: Config,
  options: DocumentsRoutesOptions = {},
): ApiRoute[] {
  const timeoutMs = config.limits.queryTimeoutMs;
  return [
    defineRoute({
      method: 'post',
      path: '/documents',
      summary:
        'Ingest a document (text/plain, text/html or JSON {text, format?, title?, url?, date?, publisher?}); needs the write token',
      before: [
        options.requireWriteToken ?? passThrough,
        express.raw({ type: RAW_TYPES, limit: RAW_BODY_LIMIT }),
      ],
      body: JsonBody,
      accepts: {
        types: RAW_TYPES,
        description: 'The document itself; title, url, date and publisher as query parameters.',
      },
      response: IngestResponseSchema,
      otherResponses: {
        '201': {
          description: 'Created (Location header names the document)',
          schema: IngestResponseSchema,
        },
      },
      problems: ['400', '413', '503'],
      precheck: ({ body }, req) => submission(req, body),
      handle: async (_input, { checked }) => {
        const report = await ingestDocument(db, checked).catch((error: unknown) => {
          throw toProblem(error);
        });
        return report.status === 'created'
          ? new Reply(201, report, {
              Location: `/api/documents/${encodeURIComponent(report.key)}`,
            })
          : report;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/documents',
      summary: 'Ingested and seed documents, newest first',
      query: ListQuery,
      response: DocumentListResponseSchema,
      problems: ['400', '503', '504'],
      handle: ({ query }) => listDocuments(db, query.limit, query.offset, timeoutMs),
    }),
    defineRoute({
      method: 'get',
      path: '/documents/:id',
      summary: 'One document with its passages, mentions and facts',
      params: DocumentParams,
      response: DocumentDetailSchema,
      problems: ['400', '404', '503', '504'],
      handle: async ({ params }) => {
        const key = keyOf(params.id);
        const document = await readDocument(db, key, timeoutMs);
        if (!document) throw notFound(`No document "${key}".`);
        return document;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/documents/:id/changes',
      summary:
        'What one document brought into the graph: its entities and facts as graph elements, which are new and which it confirms',
      params: DocumentParams,
      response: DocumentChangesSchema,
      problems: ['400', '404', '503', '504'],
      handle: async ({ params }) => {
        const key = keyOf(params.id);
        const changes = await readChanges(db, key, timeoutMs);
        if (!changes) throw notFound(`No document "${key}".`);
        return changes;
      },
    }),
  ];
}
