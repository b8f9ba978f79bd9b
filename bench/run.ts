/**
 * `npm run bench [-- scenario…]`: runs benchmark scenarios one after another, each in its own
 * process (a scenario is a script in bench/ that writes its section of docs/benchmarks.md).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../tools/neo4j/constants.ts';

/** Scenarios in the order `npm run bench` runs them when none is named. */
const SCENARIOS = ['neighbours', 'startup'];

function main(): void {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SCENARIOS.includes(name));
  if (unknown.length > 0) {
    process.stderr.write(
      `Unknown scenario(s): ${unknown.join(', ')}. Known: ${SCENARIOS.join(', ')}.\n`,
    );
    process.exit(2);
  }
  for (const name of wanted.length > 0 ? wanted : SCENARIOS) {
    const script = path.join(REPO_ROOT, 'bench', `${name}.ts`);
    if (!fs.existsSync(script)) {
      process.stderr.write(`Scenario ${name}: ${script} is missing.\n`);
      if (wanted.length > 0) process.exit(2);
      continue;
    }
    process.stdout.write(`\n== ${name} ==\n`);
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
    });
    if (run.status !== 0) {
      process.stderr.write(`Scenario ${name} failed (exit ${run.status ?? run.signal}).\n`);
      process.exit(1);
    }
  }
}

main();
