/** Types of chromium.mjs. */
export type ChromiumFound = { found: true; path: string; source: 'BEFFROI_CHROMIUM' | 'playwright' | 'system' } | { found: false; reason: string };
export const SYSTEM_CHROMIUMS: readonly string[];
export const NO_CHROMIUM_HELP: string;
export function findChromium(input: {
  env: Record<string, string | undefined>;
  playwrightPath: string | null;
  exists?: (path: string) => boolean;
}): ChromiumFound;
export function playwrightChromiumPath(): Promise<string | null>;
