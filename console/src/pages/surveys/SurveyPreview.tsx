import { useEffect, useState } from 'preact/hooks';
import { call, SignInNeeded } from '../../api';
import type { SignInSettings } from '../../auth';
import { LANGUAGE_NAMES, type Language, type Texts as ConsoleTexts } from '../../i18n';
import type { ApiProblem } from '../../fields';

/** How long typing may pause before the draft is shown again: a preview per pause, not per keystroke. */
const PAUSE_MS = 600;

/**
 * The real hosted page showing the draft, in each of its languages: the draft is checked and kept by the API for an
 * hour (POST /api/surveys/preview), and the page framed from its address. The API's problem goes to the form.
 */
export function SurveyPreview({ settings, t, definition, languages, onProblem }: {
  settings: SignInSettings; t: ConsoleTexts; definition: Record<string, unknown>; languages: string[];
  onProblem: (problem: ApiProblem | null) => void;
}) {
  const [pages, setPages] = useState<Record<string, string> | null>(null);
  const [shown, setShown] = useState<string>(languages[0] ?? 'en');
  const sent = JSON.stringify(definition);
  useEffect(() => {
    const timer = setTimeout(() => {
      call<{ pages: Record<string, string>; error?: ApiProblem }>(settings, 'POST', '/api/surveys/preview', definition)
        .then((answer) => {
          if (answer.status === 201 && answer.body) {
            setPages(answer.body.pages);
            onProblem(null);
          } else {
            setPages(null);
            onProblem((answer.body as { error?: ApiProblem } | null)?.error ?? { code: 'failed', message: String(answer.status) });
          }
        }, (failure: Error) => {
          if (!(failure instanceof SignInNeeded)) {
            onProblem({ code: 'failed', message: failure.message });
          }
        });
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [sent]);
  const language = languages.includes(shown) ? shown : languages[0];
  const name = LANGUAGE_NAMES[language as Language] ?? language;
  return (
    <section class="survey-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t.t('preview.title')}</h2>
      <div role="group" aria-label={t.t('preview.language')} class="buttons">
        {languages.map((option) => (
          <button type="button" lang={option} aria-pressed={option === language} data-language={option}
            onClick={() => setShown(option)}>{LANGUAGE_NAMES[option as Language] ?? option}</button>
        ))}
      </div>
      {pages && pages[language]
        ? <iframe id="preview-frame" src={pages[language]} title={t.t('preview.frame', { language: name })} />
        : <p>{t.t('preview.waiting')}</p>}
    </section>
  );
}
