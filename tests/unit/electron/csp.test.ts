import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/main/security/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

describe('contentSecurityPolicy', () => {
  const policy = contentSecurityPolicy({ httpUrl: 'http://127.0.0.1:8417', wsUrl: 'ws://127.0.0.1:8417/ws' });
  const parsed = directives(policy);

  it('never allows eval, in any form', () => {
    expect(policy).not.toMatch(/unsafe-eval/);
  });

  it('runs only the app’s own scripts', () => {
    expect(parsed.get('script-src')).toEqual(["'self'"]);
    expect(parsed.get('default-src')).toEqual(["'none'"]);
    expect(parsed.get('object-src')).toEqual(["'none'"]);
    expect(parsed.get('base-uri')).toEqual(["'none'"]);
    expect(parsed.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('lets the console reach its hub and nothing else on the network', () => {
    expect(parsed.get('connect-src')).toEqual(["'self'", 'data:', 'blob:', 'http://127.0.0.1:8417', 'ws://127.0.0.1:8417']);
  });

  it('follows a remote hub over TLS', () => {
    const remote = directives(contentSecurityPolicy({ httpUrl: 'https://hub.sdef.fr', wsUrl: 'wss://hub.sdef.fr/ws' }));
    expect(remote.get('connect-src')).toContain('wss://hub.sdef.fr');
    expect(remote.get('connect-src')).toContain('https://hub.sdef.fr');
    expect(remote.get('connect-src')).not.toContain('ws://127.0.0.1:8417');
  });

  it('lets maplibre-gl start its blob worker and the console play its own alarm sounds', () => {
    expect(parsed.get('worker-src')).toContain('blob:');
    expect(parsed.get('media-src')).toEqual(["'self'", 'data:', 'blob:']);
  });
});
