/** Name quoting for the server's Cypher; the rule itself is shared (common/cypher-name.ts). */
import { quoteName } from '../../common/cypher-name.ts';

export { quoteName };

/** A relationship-type alternation for a pattern, e.g. `A`|`B`. */
export function typeAlternation(types: readonly string[]): string {
  return types.map(quoteName).join('|');
}
