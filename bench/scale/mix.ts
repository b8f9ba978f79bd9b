/**
 * The request mix of the concurrency and soak scenarios: what an explorer session sends — mostly
 * neighbourhood pages, then search as you type, then node details — over random entities.
 */
import { Random } from '../../tools/gen/prng.ts';
import type { SampledNode, SearchText } from './sample.ts';

/** A deterministic list of request paths, `count` long, cycled by the load generators. */
export function requestMix(
  nodes: readonly SampledNode[],
  texts: readonly SearchText[],
  count: number,
  seed = 'mix',
): string[] {
  const random = new Random(seed);
  const typed = texts.filter((t) => t.kind !== 'no match');
  const paths: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const roll = random.next();
    const node = random.pick(nodes);
    const id = encodeURIComponent(node.id);
    if (roll < 0.6) paths.push(`/api/nodes/${id}/neighbours`);
    else if (roll < 0.85) paths.push(`/api/search?q=${encodeURIComponent(random.pick(typed).q)}`);
    else paths.push(`/api/nodes/${id}`);
  }
  return paths;
}
