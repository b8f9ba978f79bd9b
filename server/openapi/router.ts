/** GET /api/openapi.json — the OpenAPI 3.1 description of the API (document.ts). */
import { Router } from 'express';
import { openapiDocument } from './document.ts';

export function openapiRouter(): Router {
  const router = Router();
  const document = openapiDocument();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  return router;
}
