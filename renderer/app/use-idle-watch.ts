import { useEffect } from 'react';
import { call, lastApiCallAt } from '../lib/api.js';

/**
 * The services expire a session after `idleMinutes` without calls, but only notice on the next
 * call. Once that time has passed since our last call, ask once: the answer (SESSION_EXPIRED)
 * brings the user back to the login screen without waiting for a click.
 */
export function useIdleWatch(idleMinutes: number): void {
  useEffect(() => {
    const limit = idleMinutes * 60_000 + 5_000;
    const timer = window.setInterval(() => {
      if (Date.now() - lastApiCallAt() > limit) void call('auth.me', {});
    }, 30_000);
    return () => window.clearInterval(timer);
  }, [idleMinutes]);
}
