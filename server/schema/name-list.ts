/** Query-string lists of labels or relationship types: `labels=A,B` or `labels=A&labels=B`. */
import { z } from 'zod';

export const NameList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : [value])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v.length > 0),
  )
  .pipe(
    z.array(z.string().max(200, 'names are at most 200 characters')).max(50, 'at most 50 names'),
  );

/** A parsed list, or null when it names nothing (no filter). */
export const nonEmpty = (list: string[] | undefined): string[] | null =>
  list && list.length > 0 ? list : null;
