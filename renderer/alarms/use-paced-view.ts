import { useEffect, useState } from 'react';
import type { Alarm } from '../../shared';
import { useStore, type ConsoleView } from '../state';

/**
 * How often the alarm list takes the store's alarms during a flood. The store applies events every
 * frame; filtering, sorting and laying out 10,000 alarms every frame kept the main thread busy
 * (measured by the alarm-flood bench), while an operator reads the list at most a few times a
 * second. A quiet change still shows at once: only a second change within the interval waits.
 */
export const LIST_REFRESH_MS = 250;

interface ListAlarms {
  active: readonly Alarm[];
  shelved: readonly Alarm[];
}

const pick = (view: ConsoleView): ListAlarms => ({ active: view.alarms, shelved: view.shelvedAlarms });

/** The active and shelved alarms, at most once per `LIST_REFRESH_MS`. */
export function usePacedAlarms(): ListAlarms {
  const store = useStore();
  const [value, setValue] = useState(() => pick(store.getView()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastMs = Number.NEGATIVE_INFINITY;
    const take = () => {
      timer = null;
      lastMs = performance.now();
      const view = store.getView();
      // Same lists: same object, so React skips the render.
      setValue((previous) => (previous.active === view.alarms && previous.shelved === view.shelvedAlarms ? previous : pick(view)));
    };
    const off = store.subscribe(() => {
      if (timer !== null) return;
      const waitMs = lastMs + LIST_REFRESH_MS - performance.now();
      if (waitMs <= 0) take();
      else timer = setTimeout(take, waitMs);
    });
    take();
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store]);
  return value;
}
