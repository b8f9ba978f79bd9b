/** The managed instance that `npm start` and `npm run db:*` share (NEO4J_LOCAL_INSTANCE, default "default"). */
import type { Config } from '../config.ts';
import { isGdsInstalled } from './gds.ts';
import type { Progress } from './install.ts';
import type { InstanceOptions } from './instance.ts';

export const DEFAULT_INSTANCE = 'default';

export function localInstanceOptions(config: Config, progress: Progress): InstanceOptions {
  return {
    name: config.local.instance,
    boltPort: config.local.boltPort,
    heap: config.local.heap,
    pageCache: config.local.pageCache,
    javaHome: config.local.javaHome,
    // Installed on request (`npm run db:install -- --gds`), then always loaded.
    gds: isGdsInstalled(),
    progress,
  };
}
