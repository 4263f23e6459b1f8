/**
 * zod's JIT compiles parsers with `new Function`, and merely probing whether that is allowed is a
 * CSP violation under the server's `script-src 'self'`. The browser needs no JIT: turn it off
 * before any schema is used. Imported first by each app's entry.
 */
import { config } from 'zod';

config({ jitless: true });
