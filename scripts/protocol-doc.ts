// `npm run protocol`: rewrites shared/protocol/PROTOCOL.md from the zod schemas.
import { writeFileSync } from 'node:fs';
import { describeProtocol } from '../shared/protocol/describe';

const target = new URL('../shared/protocol/PROTOCOL.md', import.meta.url);
writeFileSync(target, describeProtocol());
console.log(`écrit : ${target.pathname}`);
