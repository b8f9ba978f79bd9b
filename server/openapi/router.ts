/** GET /api/openapi.json — the OpenAPI 3.1 description of the API (document.ts). */
import { Router } from 'express';
import type { Config } from '../config.ts';
import { openapiDocument } from './document.ts';

export function openapiRouter(config: Config): Router {
  const router = Router();
  const document = openapiDocument(config);
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  return router;
}
