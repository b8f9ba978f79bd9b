/** Typed seed errors with stable ids: callers and tests match on `id`, not on message text. */

/** One problem found in a seed file: which file, where in it (a JSON path), and what is wrong. */
export interface SeedViolation {
  file: string;
  /** JSON path into the file, e.g. `$.relationships[12].to`; `$` for the file as a whole. */
  path: string;
  problem: string;
}

export function formatViolation(violation: SeedViolation): string {
  return `${violation.file}: ${violation.path}: ${violation.problem}`;
}

export type SeedErrorId = 'seed-invalid' | 'seed-load-failed';

export class SeedError extends Error {
  override readonly name = 'SeedError';
  constructor(
    readonly id: SeedErrorId,
    message: string,
  ) {
    super(message);
  }
}

/** The seed breaks one or more rules; nothing was written. Lists every violation found. */
export class SeedValidationError extends SeedError {
  constructor(readonly violations: SeedViolation[]) {
    super(
      'seed-invalid',
      `The seed is invalid (${violations.length} problem${violations.length === 1 ? '' : 's'}); nothing was written:\n` +
        violations.map((v) => `  - ${formatViolation(v)}`).join('\n'),
    );
  }
}
