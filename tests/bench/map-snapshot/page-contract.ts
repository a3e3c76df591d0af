/**
 * What each page of the bench offers the driver (`window.__snapshotBench`): fetch the bytes
 * ahead (`load`), then `run` turns them into a drawn map and resolves once the first frame with
 * every asset has been drawn. The driver reads the main thread's CPU around `run` only.
 */
export interface SnapshotBenchPage {
  /** Prepares the empty map (not measured). */
  load(): Promise<void>;
  /** Fetches this page's input bytes into memory (not measured). */
  fetchInput(): Promise<void>;
  /** From the bytes in memory to the first frame drawing every asset; resolves with the count drawn. */
  run(): Promise<number>;
}

declare global {
  interface Window {
    __snapshotBench: SnapshotBenchPage;
  }
}

/** The map's extent (the territory's bounds from the snapshot head), the same for all pages. */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** Resolves on the next animation frame where `done` holds. */
export function whenFrame(done: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const tick = () => (done() ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  });
}
