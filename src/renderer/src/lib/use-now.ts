import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `intervalMs`: "synced 2 minutes ago" has to move on
 * even when the data behind it does not change (a poll that returns the same status).
 */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
