/** Where the managed local Neo4j lives and which release it is: the one place these facts are named. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Neo4j Community 5.26 LTS, pinned to a patch release served by Maven Central. */
export const NEO4J_VERSION = '5.26.30';
/** The class `bin/neo4j console` starts for the Community edition of 5.x. */
export const NEO4J_MAIN_CLASS = 'org.neo4j.server.CommunityEntryPoint';
export const NEO4J_ADMIN_CLASS = 'org.neo4j.cli.AdminTool';
/** Java releases Neo4j 5.26 supports. */
export const SUPPORTED_JAVA = [17, 21] as const;

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Git-ignored folder for everything the project downloads or runs locally. */
export const LOCAL_ROOT = path.join(REPO_ROOT, '.local');
export const POM_PATH = path.join(REPO_ROOT, 'server/neo4j/pom.xml');
/** Jars of the pinned release, shared by every local instance. */
export const DIST_DIR = path.join(LOCAL_ROOT, 'neo4j', `neo4j-community-${NEO4J_VERSION}`);
/** Neo4j Graph Data Science, the release that supports Neo4j 5.26; installed only on request. */
export const GDS_VERSION = '2.13.9';
export const GDS_POM_PATH = path.join(REPO_ROOT, 'server/neo4j/gds-pom.xml');
/** The shaded plugin jar built from GDS's modules (see server/neo4j/gds.ts). */
export const GDS_JAR = path.join(
  LOCAL_ROOT,
  'neo4j',
  `gds-${GDS_VERSION}`,
  `neo4j-graph-data-science-${GDS_VERSION}.jar`,
);
export const INSTANCES_DIR = path.join(LOCAL_ROOT, 'neo4j', 'instances');

export const DEFAULT_USER = 'neo4j';
export const DEFAULT_START_TIMEOUT_MS = 120_000;
export const DEFAULT_STOP_TIMEOUT_MS = 60_000;
