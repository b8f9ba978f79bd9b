/**
 * The write token of the local default set-up (managed Neo4j, no WRITE_TOKEN): generated once,
 * kept in the git-ignored local state with owner-only permissions, so it stays the same across
 * restarts and can be read again from the file.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LOCAL_ROOT } from '../neo4j/constants.ts';

export const LOCAL_TOKEN_FILE = path.join(LOCAL_ROOT, 'write-token');
/** 32 random bytes, base64url: 43 characters. */
const TOKEN_BYTES = 32;
const WELL_FORMED = /^[A-Za-z0-9_-]{43}$/;

export interface LocalToken {
  token: string;
  file: string;
  /** True when this call generated the token (first start, or the file was unusable). */
  created: boolean;
}

/** Reads the stored token, or generates and stores a new one. */
export function localWriteToken(file: string = LOCAL_TOKEN_FILE): LocalToken {
  if (fs.existsSync(file)) {
    const stored = fs.readFileSync(file, 'utf8').trim();
    if (WELL_FORMED.test(stored)) return { token: stored, file, created: false };
  }
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Written beside and renamed, so a crash never leaves half a token behind.
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, `${token}\n`, { mode: 0o600 });
  fs.renameSync(partial, file);
  return { token, file, created: true };
}
