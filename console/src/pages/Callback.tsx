import { useEffect, useState } from 'preact/hooks';
import { completeSignIn, type SignInSettings } from '../auth';
import type { Texts } from '../i18n';

/** The sign-in's return: the code leaves the address at once, is exchanged, and the reader goes back. */
export function Callback({ settings, t }: { settings: SignInSettings; t: Texts }) {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const search = location.search;
    history.replaceState(null, '', '/console/callback');
    completeSignIn(settings, location.origin, search, sessionStorage, fetch.bind(window)).then((result) => {
      if (result.ok) {
        location.replace(result.back);
      } else {
        setProblem(result.reason === 'expired' ? t.t('sign-in.expired')
          : t.t('sign-in.failed', { reason: result.reason }));
      }
    }, (failure: Error) => setProblem(t.t('failed', { reason: failure.message })));
  }, []);
  return (
    <>
      <h1 id="title">{t.t('app.name')}</h1>
      <div id="out">
        {problem ? <><p role="alert">{problem}</p><p><a href="/console/cases">{t.t('start-again')}</a></p></>
          : <p>{t.t('signing-in')}</p>}
      </div>
    </>
  );
}
