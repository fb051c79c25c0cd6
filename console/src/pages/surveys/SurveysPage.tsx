import type { SignInSettings } from '../../auth';
import type { Texts as ConsoleTexts } from '../../i18n';
import { useRead } from '../../load';

interface SurveySummary {
  id: string;
  version: number;
  name: Record<string, string> | string;
  languages: string[];
  defaultLanguage: string;
}

/** Every survey, each leading to its builder; editors may start a new one. */
export function SurveysPage({ settings, t, editable }: { settings: SignInSettings; t: ConsoleTexts; editable: boolean }) {
  const loaded = useRead<{ items: SurveySummary[] }>(settings, '/api/surveys?limit=100');
  let body;
  if (loaded.state === 'loading') {
    body = <p>{t.t('signing-in')}</p>;
  } else if (loaded.state === 'failed') {
    body = <p role="alert">{t.t('failed', { reason: loaded.reason })}</p>;
  } else if (loaded.answer.status !== 200 || !loaded.answer.body) {
    body = <p role="alert">{t.t('surveys.unreadable', { status: loaded.answer.status })}</p>;
  } else if (loaded.answer.body.items.length === 0) {
    body = <p>{t.t('surveys.none')}</p>;
  } else {
    body = (
      <div class="scrolls">
        <table class="surveys">
          <thead>
            <tr><th scope="col">{t.t('surveys.name')}</th><th scope="col">{t.t('surveys.id')}</th>
              <th scope="col">{t.t('surveys.version')}</th><th scope="col">{t.t('surveys.languages')}</th></tr>
          </thead>
          <tbody>
            {loaded.answer.body.items.map((survey) => (
              <tr>
                <td><a href={'/console/surveys/' + encodeURIComponent(survey.id)}>{nameOf(survey, t.language)}</a></td>
                <td dir="ltr">{survey.id}</td>
                <td>{t.number(survey.version)}</td>
                <td>{survey.languages.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <>
      <h1 id="title">{t.t('surveys.title')}</h1>
      {editable && <p><a class="button" id="new-survey" href="/console/surveys/new">{t.t('surveys.new')}</a></p>}
      <div id="out" aria-live="polite">{body}</div>
    </>
  );
}

function nameOf(survey: SurveySummary, language: string): string {
  return typeof survey.name === 'string' ? survey.name
    : survey.name[language] ?? survey.name[survey.defaultLanguage] ?? survey.id;
}
