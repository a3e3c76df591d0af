import { z } from 'zod';

/**
 * Imported first by the entry, before any module that builds a schema: zod 4 decides at schema
 * creation whether to compile fast parsers with `Function`, probing once with `Function('')`. The
 * desktop shell's CSP forbids eval, so the probe would show as a CSP violation; parsing without
 * it is fast enough for our messages.
 */
z.config({ jitless: true });
