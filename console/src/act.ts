import { useState } from 'preact/hooks';
import { call, SignInNeeded } from './api';
import type { SignInSettings } from './auth';
import type { ApiProblem } from './fields';

export type Acted<T> = { state: 'idle' } | { state: 'busy' } | { state: 'done'; body: T | null }
  | { state: 'refused'; problem: ApiProblem };

/**
 * A change made through the console's API, its outcome kept for the page to show: busy while it runs, done with the
 * answer, or refused with the API's problem (a 4xx names its field) — never thrown at the page.
 */
export function useAct<T>(settings: SignInSettings):
  [Acted<T>, (method: string, path: string, body?: unknown) => Promise<T | null>, () => void] {
  const [acted, setActed] = useState<Acted<T>>({ state: 'idle' });
  const act = async (method: string, path: string, body?: unknown) => {
    setActed({ state: 'busy' });
    try {
      const answer = await call<T & { error?: ApiProblem }>(settings, method, path, body);
      if (answer.status >= 200 && answer.status < 300) {
        setActed({ state: 'done', body: answer.body });
        return answer.body ?? ({} as T);
      }
      setActed({ state: 'refused', problem: answer.body?.error ?? { code: 'failed', message: String(answer.status) } });
    } catch (failure) {
      if (!(failure instanceof SignInNeeded)) {
        setActed({ state: 'refused', problem: { code: 'failed', message: (failure as Error).message } });
      }
    }
    return null;
  };
  return [acted, act, () => setActed({ state: 'idle' })];
}
