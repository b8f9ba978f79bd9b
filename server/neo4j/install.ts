/**
 * Fetches the pinned Neo4j Community release from Maven Central with `mvn` into a git-ignored
 * folder. The server tarball is not on Maven Central, but the server module and its runtime
 * dependencies are: copied into one lib folder they start the same main class `bin/neo4j` does.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { DIST_DIR, NEO4J_VERSION, POM_PATH, SUPPORTED_JAVA } from './constants.ts';
import { LocalNeo4jError } from './errors.ts';

export type Progress = (line: string) => void;

export interface JavaInfo {
  executable: string;
  major: number;
  versionText: string;
}

/** The java executable to use: JAVA_HOME's when set, else the one on PATH. */
export function javaExecutable(javaHome: string | undefined): string {
  return javaHome ? path.join(javaHome, 'bin', 'java') : 'java';
}

/** Parses the major version out of `java -version` output ("17.0.15", "1.8.0_392", "21"). */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/** Finds Java and checks that Neo4j 5.26 can run on it. */
export function checkJava(javaHome: string | undefined): JavaInfo {
  const executable = javaExecutable(javaHome);
  const result = spawnSync(executable, ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new LocalNeo4jError(
      'java-missing',
      `No Java found (tried "${executable}"). Neo4j ${NEO4J_VERSION} needs a JDK ${SUPPORTED_JAVA.join(' or ')}: ` +
        'install one (Debian: apt-get install openjdk-17-jdk-headless) or set JAVA_HOME.',
    );
  }
  const versionText = `${result.stderr}${result.stdout}`.trim().split('\n')[0] ?? '';
  const major = parseJavaMajor(`${result.stderr}${result.stdout}`);
  if (major === undefined || !(SUPPORTED_JAVA as readonly number[]).includes(major)) {
    throw new LocalNeo4jError(
      'java-version',
      `Neo4j ${NEO4J_VERSION} runs on Java ${SUPPORTED_JAVA.join(' or ')}, but "${executable}" is ${versionText || 'of unknown version'}. ` +
        'Point JAVA_HOME at a supported JDK.',
    );
  }
  return { executable, major, versionText };
}

/** Checks that Maven is on PATH. */
export function checkMaven(env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync('mvn', ['-v'], { encoding: 'utf8', env });
  if (result.error || result.status !== 0) {
    throw new LocalNeo4jError(
      'maven-missing',
      'Maven ("mvn") was not found on PATH; it fetches Neo4j from Maven Central. Install it (Debian: apt-get install maven).',
    );
  }
  return stripVTControlCharacters(result.stdout.split('\n')[0] ?? '').trim();
}

const MARKER = '.complete';

export function libDir(distDir = DIST_DIR): string {
  return path.join(distDir, 'lib');
}

export function isInstalled(distDir = DIST_DIR): boolean {
  return fs.existsSync(path.join(distDir, MARKER));
}

export interface InstallOptions {
  javaHome?: string | undefined;
  progress?: Progress;
  /** Release and folder; the pinned ones unless a caller (a test) names others. */
  version?: string;
  distDir?: string;
  /** A Maven local repository other than ~/.m2 (a benchmark measures a cold download with it). */
  mavenRepoLocal?: string;
}

/**
 * Downloads the release unless it is already complete. Progress lines go to `progress`; a
 * failed resolution throws `download-failed` with Maven's own error lines.
 */
export async function install(
  options: InstallOptions = {},
): Promise<{ downloaded: boolean; jars: number; ms: number }> {
  const progress = options.progress ?? (() => {});
  const version = options.version ?? NEO4J_VERSION;
  const distDir = options.distDir ?? DIST_DIR;
  const lib = libDir(distDir);
  const started = Date.now();
  checkJava(options.javaHome);
  if (isInstalled(distDir)) {
    return { downloaded: false, jars: countJars(lib), ms: Date.now() - started };
  }
  checkMaven();
  fs.rmSync(lib, { recursive: true, force: true });
  fs.mkdirSync(lib, { recursive: true });
  progress(`Fetching Neo4j Community ${version} from Maven Central (first run only)…`);
  const args = [
    '-B',
    '-f',
    POM_PATH,
    `-Dneo4j.version=${version}`,
    `-Dneo4j.lib=${lib}`,
    'package',
  ];
  if (options.mavenRepoLocal) args.unshift(`-Dmaven.repo.local=${options.mavenRepoLocal}`);
  const env = { ...process.env, ...(options.javaHome ? { JAVA_HOME: options.javaHome } : {}) };
  const { code, output } = await runMaven(args, env, progress);
  if (code !== 0) {
    throw new LocalNeo4jError(
      'download-failed',
      `Maven could not fetch org.neo4j:neo4j:${version} (exit ${code}).\n${mavenErrors(output)}`,
    );
  }
  const jars = countJars(lib);
  fs.writeFileSync(path.join(distDir, MARKER), `${version}\n${new Date().toISOString()}\n`);
  progress(`Neo4j ${version}: ${jars} jars in ${path.relative(process.cwd(), lib) || lib}`);
  return { downloaded: true, jars, ms: Date.now() - started };
}

function countJars(lib: string): number {
  return fs.readdirSync(lib).filter((name) => name.endsWith('.jar')).length;
}

/** Maven's own error lines from its output, else its last part. */
export function mavenErrors(output: string): string {
  const errors = output
    .split('\n')
    .filter((line) => line.includes('[ERROR]'))
    .slice(0, 8)
    .join('\n');
  return errors || output.slice(-2000);
}

/** Runs Maven, reporting the number of downloaded artifacts every few seconds. */
export function runMaven(
  args: string[],
  env: NodeJS.ProcessEnv,
  progress: Progress,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('mvn', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let downloads = 0;
    let lastReport = Date.now();
    const onData = (chunk: Buffer) => {
      const text = stripVTControlCharacters(chunk.toString('utf8'));
      output += text;
      if (output.length > 200_000) output = output.slice(-100_000);
      downloads += (text.match(/Downloaded from /g) ?? []).length;
      if (Date.now() - lastReport > 2000) {
        lastReport = Date.now();
        progress(`  …${downloads} artifacts downloaded`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => resolve({ code: 127, output: String(error) }));
    child.on('close', (code) => {
      if (downloads > 0) progress(`  ${downloads} artifacts downloaded`);
      resolve({ code: code ?? 1, output });
    });
  });
}
