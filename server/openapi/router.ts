/** GET /api/openapi.json — the OpenAPI 3.1 description of the API (document.ts). */
import { z } from 'zod';
import { defineRoute, type ApiRoute } from '../http/route.ts';
import { openapiDocument } from './document.ts';

const OpenApiSchema = z.looseObject({ openapi: z.literal('3.1.0') });

/** The document's own route; `all` is every route it describes, itself included. */
export function openapiRoutes(all: () => readonly ApiRoute[]): ApiRoute[] {
  let document: Record<string, unknown> | undefined;
  return [
    defineRoute({
      method: 'get',
      path: '/openapi.json',
      summary: 'This document',
      response: OpenApiSchema,
      problems: [],
      offline: true,
      handle: () =>
        Promise.resolve((document ??= openapiDocument(all())) as z.input<typeof OpenApiSchema>),
    }),
  ];
}
