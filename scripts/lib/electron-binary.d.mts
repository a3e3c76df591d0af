/** Types of electron-binary.mjs, for the TypeScript tests and specs that import it. */
export interface Reason {
  fr: string;
  en: string;
}
export type Found<Extra = object> = ({ found: true } & Extra) | { found: false; reason: Reason };
export type ElectronBinary = Found<{ path: string; source: 'ELECTRON_PATH' | 'electron-package' }>;

export function electronPackageDir(root: string): string | null;
export function findElectronBinary(input: {
  env: Record<string, string | undefined>;
  packageDir: string | null;
  exists?: (path: string) => boolean;
  readText?: (path: string) => string | null;
}): ElectronBinary;
export function findDisplay(input: { env: Record<string, string | undefined>; platform: string }): Found;
export function browserFallbackMessage(reason: Reason, consoleUrl: string): string;
