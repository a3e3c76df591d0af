import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// electron-builder is not run here (it downloads Electron), so its configuration is checked against
// the JSON schema electron-builder itself ships, with the validator and YAML parser it uses.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const { load } = fromBuilder('js-yaml') as { load(text: string): unknown };
const Ajv = fromBuilder('ajv') as new (options: object) => { compile(schema: unknown): ((data: unknown) => boolean) & { errors?: unknown } };

describe('electron-builder.yml', () => {
  const config = load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;

  it('is valid for electron-builder', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(readFileSync(fromBuilder.resolve('app-builder-lib/scheme.json'), 'utf8')));
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('packages Beffroi with its native modules unpacked', () => {
    expect(config).toMatchObject({ appId: 'fr.beffroi.console', productName: 'Beffroi', extraMetadata: { main: 'dist/electron/main.cjs' } });
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'resources/**']));
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/sqlite3/**']));
  });

  it('flips the fuses that would turn the packaged app into a plain Node', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
