import { useEffect, useState } from 'preact/hooks';
import type { SignInSettings } from './auth';
import { isRightToLeft, LANGUAGES, remember, texts, type Language } from './i18n';
import { Callback } from './pages/Callback';
import { CasePage } from './pages/CasePage';
import { CasesPage } from './pages/CasesPage';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fa: 'فارسی', ar: 'العربية' };
const CASE_PATH = /^\/console\/cases\/([A-Za-z0-9][A-Za-z0-9._:-]{0,127})$/;

export function App({ settings, path, initialLanguage }:
  { settings: SignInSettings; path: string; initialLanguage: Language }) {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const t = texts(language);
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
  }, [language]);
  const choose = (chosen: Language) => {
    remember(localStorage, chosen);
    setLanguage(chosen);
  };
  const caseId = CASE_PATH.exec(path)?.[1];
  let page;
  if (path === '/console/callback') {
    page = <Callback settings={settings} t={t} />;
  } else if (caseId) {
    page = <CasePage settings={settings} t={t} caseId={caseId} />;
  } else {
    page = <CasesPage settings={settings} t={t} />;
  }
  return (
    <>
      <header>
        <a class="brand" href="/console/cases">{t.t('app.name')}</a>
        <label>
          {t.t('language')}{' '}
          <select value={language} onChange={(event) => choose((event.target as HTMLSelectElement).value as Language)}>
            {LANGUAGES.map((option) => <option value={option} lang={option}>{LANGUAGE_NAMES[option]}</option>)}
          </select>
        </label>
      </header>
      <main>{page}</main>
    </>
  );
}
