/**
 * Builds the Neo4j Graph Data Science plugin for the managed local Neo4j (`npm run db:install --
 * --gds`). Maven Central serves GDS as separate modules, not as the plugin jar; loading them as
 * separate jars leaves the extension that provides the procedures' `facade` unregistered, so the
 * modules are shaded into one jar with their service files merged (server/neo4j/gds-pom.xml).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GDS_JAR, GDS_POM_PATH, GDS_VERSION, NEO4J_VERSION } from './constants.ts';
import { LocalNeo4jError } from './errors.ts';
import { checkJava, checkMaven, mavenErrors, runMaven, type Progress } from './install.ts';

export function isGdsInstalled(jar = GDS_JAR): boolean {
  return fs.existsSync(jar);
}

/** Builds the plugin jar unless it exists. */
export async function installGds(
  options: { javaHome?: string | undefined; progress?: Progress } = {},
): Promise<{ built: boolean; bytes: number; ms: number }> {
  const progress = options.progress ?? (() => {});
  const started = Date.now();
  checkJava(options.javaHome);
  if (isGdsInstalled()) {
    return { built: false, bytes: fs.statSync(GDS_JAR).size, ms: Date.now() - started };
  }
  checkMaven();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'summit-gds-'));
  progress(`Building Neo4j Graph Data Science ${GDS_VERSION} from Maven Central…`);
  try {
    const env = { ...process.env, ...(options.javaHome ? { JAVA_HOME: options.javaHome } : {}) };
    const { code, output } = await runMaven(
      [
        '-B',
        '-f',
        GDS_POM_PATH,
        `-Dgds.version=${GDS_VERSION}`,
        `-Dneo4j.version=${NEO4J_VERSION}`,
        `-Dgds.out=${out}`,
        'package',
      ],
      env,
      progress,
    );
    const built = path.join(out, path.basename(GDS_JAR));
    if (code !== 0 || !fs.existsSync(built)) {
      throw new LocalNeo4jError(
        'download-failed',
        `Maven could not build the GDS ${GDS_VERSION} plugin (exit ${code}).\n${mavenErrors(output)}`,
      );
    }
    fs.mkdirSync(path.dirname(GDS_JAR), { recursive: true });
    // Copy, then rename: a half-written jar must never look installed.
    fs.copyFileSync(built, `${GDS_JAR}.part`);
    fs.renameSync(`${GDS_JAR}.part`, GDS_JAR);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
  const bytes = fs.statSync(GDS_JAR).size;
  progress(`GDS ${GDS_VERSION}: ${(bytes / 1e6).toFixed(1)} MB plugin jar`);
  return { built: true, bytes, ms: Date.now() - started };
}
