/**
 * zod for the client, configured before any schema is built: zod compiles fast object parsers
 * with `new Function` where it may, and under the app's content security policy (no
 * 'unsafe-eval') even its probe for that is reported as a violation. Client modules import `z`
 * from here, never from 'zod' directly.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
