import { useEffect, useState } from 'preact/hooks';
import { whoAmI, type SignInSettings } from './auth';
import { mayWorkCases } from './cases';
import { areasOf, mayEditSurveys, mayReadRules, type Area } from './roles';
import { isRightToLeft, LANGUAGE_NAMES, LANGUAGES, remember, texts, type Key, type Language } from './i18n';
import { Callback } from './pages/Callback';
import { CasePage } from './pages/CasePage';
import { CasesPage } from './pages/CasesPage';
import { AnnouncementsPage } from './pages/AnnouncementsPage';
import { AutomationPage } from './pages/automation/AutomationPage';
import { Answers } from './pages/Answers';
import { CustomersPage } from './pages/CustomersPage';
import { Overview } from './pages/Overview';
import { ReportsPage } from './pages/reports/ReportsPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { SurveyEditor } from './pages/surveys/SurveyEditor';
import { SurveysPage } from './pages/surveys/SurveysPage';

const CASE_PATH = /^\/console\/cases\/([A-Za-z0-9][A-Za-z0-9._:-]{0,127})$/;
const SURVEY_PATH = /^\/console\/surveys\/([a-z0-9][a-z0-9-]{0,62})$/;

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
  const groups = whoAmI(sessionStorage)?.groups;
  const offered = groups ? areasOf(groups) : new Set<Area>(['overview', 'cases']);
  const caseId = CASE_PATH.exec(path)?.[1];
  const surveyId = SURVEY_PATH.exec(path)?.[1];
  const editsSurveys = mayEditSurveys(groups ?? []);
  let page;
  if (path === '/console/callback') {
    page = <Callback settings={settings} t={t} />;
  } else if (caseId) {
    page = <CasePage settings={settings} t={t} caseId={caseId} />;
  } else if (surveyId) {
    page = <SurveyEditor settings={settings} t={t} surveyId={surveyId === 'new' ? null : surveyId} editable={editsSurveys} />;
  } else if (path.startsWith('/console/surveys')) {
    page = <SurveysPage settings={settings} t={t} editable={editsSurveys} />;
  } else if (path === '/console/answers') {
    page = <Answers settings={settings} t={t} search={location.search} />;
  } else if (path === '/console/customers' || path === '/console/customers/import') {
    page = <CustomersPage settings={settings} t={t} />;
  } else if (path === '/console/settings' || path.startsWith('/console/settings/')) {
    page = <SettingsPage settings={settings} t={t} section={path.slice('/console/settings/'.length)} />;
  } else if (path === '/console/announcements') {
    page = <AnnouncementsPage settings={settings} t={t} />;
  } else if (path === '/console/automation' || path.startsWith('/console/automation/')) {
    page = <AutomationPage settings={settings} t={t} path={path} />;
  } else if (path === '/console/reports') {
    page = <ReportsPage settings={settings} t={t} readsTeams={mayReadRules(groups ?? [])} />;
  } else if (path.startsWith('/console/cases')) {
    page = <CasesPage settings={settings} t={t} />;
  } else if (path === '/console/overview' || !agentOnly(groups ?? [])) {
    page = <Overview settings={settings} t={t} />;
  } else {
    page = <CasesPage settings={settings} t={t} />;
  }
  return (
    <>
      <header>
        <a class="brand" href="/console/">{t.t('app.name')}</a>
        <nav aria-label={t.t('app.name')}>
          {NAVIGATION.filter(([area]) => offered.has(area)).map(([area, key]) => (
            <a href={'/console/' + area} aria-current={path.startsWith('/console/' + area) ? 'page' : undefined}>
              {t.t(key)}
            </a>))}
        </nav>
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

const NAVIGATION: [Area, Key][] = [['overview', 'nav.overview'], ['cases', 'nav.cases'], ['surveys', 'nav.surveys'],
  ['customers', 'nav.customers'], ['announcements', 'nav.announcements'], ['automation', 'nav.automation'],
  ['reports', 'nav.reports'], ['settings', 'nav.settings']];

/** An agent (and no more) works cases and sees no scores: their console opens on their cases. */
function agentOnly(groups: string[]): boolean {
  return mayWorkCases(groups) && !groups.includes('manager') && !groups.includes('admin') && !groups.includes('viewer');
}
