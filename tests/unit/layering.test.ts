import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n;]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

/** The layering of architecture.md: a folder never reaches into a sibling runtime. */
describe('layering', () => {
  it('reads the imports it checks (a vacuous pass would prove nothing)', () => {
    expect(imports('electron/hub/store/db.ts')).toContain('sqlite3');
    expect(sources('electron/hub').length).toBeGreaterThan(50);
  });

  it('the hub is plain Node: it never imports electron, the shell or the renderer', () => {
    const offenders = sources('electron/hub').flatMap((file) =>
      imports(file)
        .filter((spec) => spec === 'electron' || /\/(main|preload)\//.test(spec) || spec.includes('renderer/'))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('shared/ is pure: no Node built-ins, no runtime folder', () => {
    const offenders = sources('shared').flatMap((file) =>
      imports(file)
        .filter((spec) => spec.startsWith('node:') || /electron|renderer/.test(spec))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the renderer speaks to the hub over the protocol only: no hub or Node import', () => {
    const offenders = sources('renderer').flatMap((file) =>
      imports(file)
        .filter((spec) => spec.startsWith('node:') || spec.includes('electron/'))
        .map((spec) => `${relative(ROOT, join(ROOT, file))} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
