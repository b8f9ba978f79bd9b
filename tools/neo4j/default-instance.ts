/** The default managed instance that `npm start` and `npm run db:*` share. */
import type { Config } from '../../server/config.ts';
import type { Progress } from './install.ts';
import type { InstanceOptions } from './instance.ts';

export const DEFAULT_INSTANCE = 'default';

export function localInstanceOptions(config: Config, progress: Progress): InstanceOptions {
  return {
    name: DEFAULT_INSTANCE,
    boltPort: config.local.boltPort,
    heap: config.local.heap,
    pageCache: config.local.pageCache,
    javaHome: config.local.javaHome,
    progress,
  };
}
