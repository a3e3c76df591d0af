import { useEffect, useState } from 'react';

/** The current time, refreshed every `periodMs` (ages on the alarm list, « il y a 3 min »). */
export function useNow(periodMs = 20_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(timer);
  }, [periodMs]);
  return now;
}
