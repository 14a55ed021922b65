// Evaluated before any schema of this package is built (index.ts imports it first). Zod's JIT
// compiles object validators with `new Function`, and probes for it as soon as an object schema is
// built. A strict Content-Security-Policy (the web app's, see the server's contentSecurityPolicy.ts)
// forbids eval, so the probe is reported as a policy violation in every browser. Jitless zod
// validates exactly the same, without eval, in the browser, in Workers and on the server alike.
import { config } from 'zod';

config({ jitless: true });
