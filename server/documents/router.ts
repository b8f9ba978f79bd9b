/**
 * POST /api/documents (ingest a text), GET /api/documents (list), GET /api/documents/:id (one
 * document with passages, mentions and facts), GET /api/documents/:id/changes (what it brought
 * into the graph, as graph elements). Writing goes through the `requireWriteToken` hook
 * when one is given, before the body is read.
 */
import express, { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { AppError, notFound, type ProblemId } from '../http/problems.ts';
import { parseBody, parseParams, parseQuery } from '../http/validate.ts';
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
  limit: z.coerce.number().int().min(1).max(DOCUMENTS_MAX_LIMIT).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
const DocumentParams = z.object({ id: z.string().min(1).max(300) });

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
function submission(req: Request): DocumentSubmission {
  if (req.is('application/json')) {
    const body = parseBody(JsonBody, req.body);
    return { ...body };
  }
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
function documentKey(params: unknown): string {
  const { id } = parseParams(DocumentParams, params);
  return id.startsWith('document:') ? id : `document:${id}`;
}

const passThrough: RequestHandler = (_req, _res, next) => next();

export interface DocumentsRouterOptions {
  /** Put in front of every writing route (the hardening layer's write-token check). */
  requireWriteToken?: RequestHandler;
}

export function documentsRouter(
  db: Database,
  config: Config,
  options: DocumentsRouterOptions = {},
): Router {
  const router = Router();
  const timeoutMs = config.limits.queryTimeoutMs;

  router.post(
    '/documents',
    options.requireWriteToken ?? passThrough,
    express.raw({ type: RAW_TYPES, limit: RAW_BODY_LIMIT }),
    async (req, res) => {
      const report = await ingestDocument(db, submission(req)).catch((error: unknown) => {
        throw toProblem(error);
      });
      if (report.status === 'created')
        res.status(201).location(`/api/documents/${encodeURIComponent(report.key)}`);
      res.json(report);
    },
  );

  router.get('/documents', async (req, res) => {
    const { limit, offset } = parseQuery(ListQuery, req.query);
    res.json(await listDocuments(db, limit, offset, timeoutMs));
  });

  router.get('/documents/:id', async (req, res) => {
    const key = documentKey(req.params);
    const document = await readDocument(db, key, timeoutMs);
    if (!document) throw notFound(`No document "${key}".`);
    res.json(document);
  });

  router.get('/documents/:id/changes', async (req, res) => {
    const key = documentKey(req.params);
    const changes = await readChanges(db, key, timeoutMs);
    if (!changes) throw notFound(`No document "${key}".`);
    res.json(changes);
  });

  return router;
}
