import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `hub.lock` in the data directory says a hub is running on it (its pid). The admin tool writes to
 * the same database only when no hub holds it: two writers would fork the audit chain.
 */
export function lockPath(dataDir: string): string {
  return join(dataDir, 'hub.lock');
}

export function takeHubLock(dataDir: string): () => void {
  const path = lockPath(dataDir);
  writeFileSync(path, String(process.pid));
  return () => rmSync(path, { force: true });
}

/** The pid of a live hub holding this data directory, or undefined (no lock, or a stale one). */
export function runningHubPid(dataDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(lockPath(dataDir), 'utf8').trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}
