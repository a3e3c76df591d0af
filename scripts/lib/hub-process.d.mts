/** Types of hub-process.mjs, for the TypeScript end-to-end fixture. */
export function hubCommand(root: string): { command: string; args: string[]; cwd: string };
export function hubBaseUrl(env: Record<string, string | undefined>): string;
export function waitForHubHealth(baseUrl: string, options: { signal: AbortSignal; intervalMs?: number }): Promise<{ status: 'ok'; [key: string]: unknown }>;
