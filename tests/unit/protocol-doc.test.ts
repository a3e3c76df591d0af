import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeProtocol } from '../../shared/protocol/describe';

describe('protocol reference', () => {
  it('is up to date with the schemas (run `npm run protocol` after changing one)', () => {
    const written = readFileSync(new URL('../../shared/protocol/PROTOCOL.md', import.meta.url), 'utf8');
    expect(written).toBe(describeProtocol());
  });

  it('documents every op of the hub contract', () => {
    for (const op of ['login', 'resume', 'subscribe', 'alarm.acknowledge', 'command.send']) {
      expect(describeProtocol()).toContain(`### \`${op}\``);
    }
  });
});
