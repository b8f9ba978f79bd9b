/**
 * Reads a seed file and the source texts it names from disk, and validates them. Messages name
 * files relative to the repository so a curator can open them directly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../neo4j/constants.ts';
import { SeedValidationError } from './errors.ts';
import { validateSeed, type SourceRead, type ValidSeed } from './validate.ts';

export const DEFAULT_SEED_FILE = path.join(REPO_ROOT, 'graph-seed', 'seed.json');

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function displayName(file: string): string {
  const relative = path.relative(REPO_ROOT, file);
  return relative.startsWith('..') ? file : relative;
}

function readText(file: string): SourceRead {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'no such file' : String(error) };
  }
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { problem: 'not valid UTF-8' };
  }
}

/** Line and column of a JSON syntax error, when the parser reports a position. */
function syntaxProblem(text: string, error: SyntaxError): string {
  const position = /position (\d+)/.exec(error.message)?.[1];
  if (position === undefined) return `not valid JSON: ${error.message}`;
  const before = text.slice(0, Number(position)).split('\n');
  return `not valid JSON at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}: ${error.message}`;
}

/** Reads and validates a seed file; throws SeedValidationError listing every violation. */
export function readSeedFile(file: string = DEFAULT_SEED_FILE): ValidSeed {
  const name = displayName(file);
  const read = readText(file);
  if ('problem' in read) {
    throw new SeedValidationError([{ file: name, path: '$', problem: read.problem }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(read.text);
  } catch (error) {
    throw new SeedValidationError([
      { file: name, path: '$', problem: syntaxProblem(read.text, error as SyntaxError) },
    ]);
  }
  const directory = path.dirname(file);
  const outcome = validateSeed(raw, {
    file: name,
    readSource: (relative) => readText(path.resolve(directory, relative)),
  });
  if (!outcome.ok) throw new SeedValidationError(outcome.violations);
  return outcome.seed;
}
