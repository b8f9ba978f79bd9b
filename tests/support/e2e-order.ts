/**
 * Global set-up of the e2e project: says in which order its tests run. Every e2e file's suites
 * shuffle their tests (`SHUFFLED`, tests/support/browser.ts), so a test that leaned on the state
 * another left behind fails; the seed printed here repeats an order.
 */
import type { TestProject } from 'vitest/node';

export function setup(project: TestProject): void {
  // The seed is global: the project's own config does not carry it.
  const { seed } = project.globalConfig.sequence;
  process.stdout.write(
    `[e2e] tests run in random order within each file, seed ${seed} (repeat it with --sequence.seed=${seed})\n`,
  );
}
