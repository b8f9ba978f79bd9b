/** `npm run db:install [-- --gds]|db:start|db:stop|db:status|db:reset` for the default local Neo4j. */
import neo4j from 'neo4j-driver';
import { ConfigError, loadConfig } from '../config.ts';
import { LocalNeo4jError } from './errors.ts';
import { installGds, isGdsInstalled } from './gds.ts';
import { install, isInstalled } from './install.ts';
import { readState, reset, runningState, start, stop } from './instance.ts';
import { localInstanceOptions } from './default-instance.ts';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(command: string | undefined, flags: string[]): Promise<void> {
  const unknown = flags.filter((flag) => !(command === 'install' && flag === '--gds'));
  if (unknown.length > 0) {
    throw new Error(
      `unknown option "${unknown[0]}" for "${command ?? ''}"; only install takes --gds`,
    );
  }
  const config = loadConfig();
  const options = localInstanceOptions(config, say);
  const name = options.name;
  switch (command) {
    case 'install': {
      const result = await install({ javaHome: config.local.javaHome, progress: say });
      say(
        result.downloaded
          ? `Installed in ${(result.ms / 1000).toFixed(1)} s.`
          : `Already installed (${result.jars} jars).`,
      );
      if (!flags.includes('--gds')) return;
      const gds = await installGds({ javaHome: config.local.javaHome, progress: say });
      say(
        gds.built
          ? `Graph Data Science installed in ${(gds.ms / 1000).toFixed(1)} s; instances load it from their next start.`
          : 'Graph Data Science already installed.',
      );
      return;
    }
    case 'start': {
      const result = await start(options);
      say(
        result.reused
          ? `Neo4j is already running at ${result.state.uri} (pid ${result.state.pid}); reusing it.`
          : `Neo4j is running at ${result.state.uri} (pid ${result.state.pid}).`,
      );
      say(`Credentials are in .local/neo4j/instances/${name}/state.json.`);
      return;
    }
    case 'stop': {
      const result = await stop(name);
      say(
        result.wasRunning
          ? `Neo4j (pid ${result.pid}) stopped cleanly in ${(result.ms / 1000).toFixed(1)} s.`
          : 'Neo4j was not running.',
      );
      return;
    }
    case 'status': {
      const state = runningState(name);
      say(`installed: ${isInstalled() ? 'yes' : 'no'}`);
      say(
        `gds:       ${isGdsInstalled() ? 'installed' : 'not installed (npm run db:install -- --gds)'}`,
      );
      if (!state) {
        say(`running:   no${readState(name) ? ' (stale state cleared on next start)' : ''}`);
        process.exitCode = 3;
        return;
      }
      const driver = neo4j.driver(state.uri, neo4j.auth.basic(state.user, state.password));
      try {
        const info = await driver.getServerInfo();
        say(`running:   yes, pid ${state.pid}, since ${state.startedAt}`);
        say(`uri:       ${state.uri} (Neo4j ${info.agent ?? state.version})`);
      } catch (error) {
        say(
          `running:   process ${state.pid} alive, but Bolt does not answer: ${(error as Error).message}`,
        );
        process.exitCode = 4;
      } finally {
        await driver.close();
      }
      return;
    }
    case 'reset': {
      await reset(name);
      say('Deleted the local Neo4j data and credentials.');
      const result = await start(options);
      say(
        `Fresh Neo4j running at ${result.state.uri}. The seed graph loads on the next \`npm start\` (or run \`npm run seed\`).`,
      );
      return;
    }
    default:
      throw new Error(
        `unknown command "${command ?? ''}"; use install, start, stop, status or reset`,
      );
  }
}

main(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  if (error instanceof LocalNeo4jError) {
    process.stderr.write(`error [${error.id}]: ${error.message}\n`);
    if (error.logTail)
      process.stderr.write(`--- last lines of Neo4j's log ---\n${error.logTail}\n`);
  } else if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`error: ${(error as Error).message}\n`);
  }
  process.exitCode = 1;
});
