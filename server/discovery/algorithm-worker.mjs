// Entry of the algorithm worker thread. A worker inherits the TypeScript loader of `tsx` (npm
// start) but not Vitest's, so it registers tsx itself before loading the TypeScript module.
import { register } from 'tsx/esm/api';

register();
await import('./algorithm-worker.ts');
