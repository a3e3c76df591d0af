import { useSyncExternalStore } from 'react';

/** [west, south, east, north] in degrees. */
export type MapBounds = readonly [number, number, number, number];

let current: MapBounds | null = null;
const listeners = new Set<() => void>();

/**
 * What the map shows, once it settled after a move (not on every animation frame): the alarm
 * list's « Seulement ce que je vois » filters on it. One map per console, so one value.
 */
export function publishMapBounds(bounds: MapBounds | null): void {
  if (bounds && current && bounds.every((v, i) => v === current?.[i])) return;
  current = bounds;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The map's current bounds, null while no map is shown (the alarm window, the phone's list tab). */
export function useMapBounds(): MapBounds | null {
  return useSyncExternalStore(subscribe, () => current);
}
