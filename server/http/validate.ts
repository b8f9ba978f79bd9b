/** Request validation with zod: every violation reported at once as a 400 problem. */
import type { z } from 'zod';
import { validationError } from './problems.ts';

function parseWith<S extends z.ZodType>(schema: S, input: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw validationError(
    parsed.error.issues.map((issue) => ({
      path: [where, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}

export const parseQuery = <S extends z.ZodType>(schema: S, query: unknown) =>
  parseWith(schema, query, 'query');
export const parseBody = <S extends z.ZodType>(schema: S, body: unknown) =>
  parseWith(schema, body, 'body');
export const parseParams = <S extends z.ZodType>(schema: S, params: unknown) =>
  parseWith(schema, params, 'params');
