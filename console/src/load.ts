import { useEffect, useState } from 'preact/hooks';
import { call, ensureSignedIn, SignInNeeded, type ApiAnswer } from './api';
import type { SignInSettings } from './auth';

export type Loaded<T> = { state: 'loading' } | { state: 'answered'; answer: ApiAnswer<T> } | { state: 'failed'; reason: string };

/**
 * One GET through the console's API, read when the page shows (and again when {@code again} changes; never when the
 * path is null); a reader who must sign in first is sent to.
 */
export function useRead<T>(settings: SignInSettings, path: string | null, again?: unknown): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (path === null) {
      return;
    }
    call<T>(settings, 'GET', path).then((answer) => setLoaded({ state: 'answered', answer }), (failure: Error) => {
      if (!(failure instanceof SignInNeeded)) {
        setLoaded({ state: 'failed', reason: failure.message });
      }
    });
  }, [path, again]);
  return loaded;
}

/** Signs the reader in when the page shows, for a page whose first call waits for them (a search, a form). */
export function useSignedIn(settings: SignInSettings): void {
  useEffect(() => {
    ensureSignedIn(settings).catch(() => {
      // on its way to the sign-in page
    });
  }, []);
}
