import { useEffect, useState } from 'preact/hooks';
import { call, SignInNeeded } from '../../api';
import type { SignInSettings } from '../../auth';
import type { Texts as ConsoleTexts } from '../../i18n';
import { useRead } from '../../load';
import { controlsOf, fromDefinition, newSurvey, toDefinition, type SurveyDraft } from '../../surveys';
import { nearestControl, type ApiProblem } from '../../fields';
import { SurveyForm } from './SurveyForm';
import { SurveyPreview } from './SurveyPreview';
import { SurveyShare } from './SurveyShare';

type Publishing = { state: 'idle' } | { state: 'publishing' } | { state: 'published'; version: number } | { state: 'refused'; message: string };

/**
 * A survey's builder: the form beside the live preview of the real hosted page; Publish makes it the first version
 * (or the next one). Those who only read surveys see it without the means to change it.
 */
export function SurveyEditor({ settings, t, surveyId, editable }: {
  settings: SignInSettings; t: ConsoleTexts; surveyId: string | null; editable: boolean;
}) {
  const [publishedId, setPublishedId] = useState<string | null>(surveyId);
  const loaded = useRead<Record<string, unknown>>(settings, surveyId ? '/api/surveys/' + encodeURIComponent(surveyId) : null);
  const [draft, setDraft] = useState<SurveyDraft | null>(surveyId ? null : newSurvey());
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [publishing, setPublishing] = useState<Publishing>({ state: 'idle' });
  useEffect(() => {
    if (surveyId && loaded.state === 'answered' && loaded.answer.status === 200 && loaded.answer.body) {
      setDraft(fromDefinition(loaded.answer.body));
    }
  }, [loaded.state]);

  if (!draft) {
    if (loaded.state === 'answered' && loaded.answer.status === 404) {
      return <p role="alert">{t.t('builder.missing', { id: surveyId ?? '' })}</p>;
    }
    return <p>{loaded.state === 'failed' ? t.t('failed', { reason: loaded.reason }) : t.t('signing-in')}</p>;
  }
  const definition = toDefinition(draft);
  const controls = controlsOf(draft);
  const placed = problem?.field ? nearestControl(problem.field, controls) : null;
  const problemFor = (id: string) => (problem && placed === id ? t.t('problem', { field: problem.field ?? '', message: problem.message }) : null);

  const publish = async (event: Event) => {
    event.preventDefault();
    setPublishing({ state: 'publishing' });
    try {
      const answer = publishedId
        ? await call<{ version: number; error?: ApiProblem }>(settings, 'PUT', '/api/surveys/' + encodeURIComponent(publishedId), definition)
        : await call<{ version: number; error?: ApiProblem }>(settings, 'POST', '/api/surveys', definition);
      if ((answer.status === 200 || answer.status === 201) && answer.body) {
        setPublishing({ state: 'published', version: answer.body.version });
        setDraft({ ...draft, version: answer.body.version });
        if (!publishedId) {
          setPublishedId(draft.id.trim());
          history.replaceState(null, '', '/console/surveys/' + encodeURIComponent(draft.id.trim()));
        }
      } else {
        const refusal = answer.body?.error ?? { code: 'failed', message: String(answer.status) };
        setProblem(refusal);
        setPublishing({ state: 'refused', message: refusal.field ? refusal.field + ': ' + refusal.message : refusal.message });
      }
    } catch (failure) {
      if (!(failure instanceof SignInNeeded)) {
        setPublishing({ state: 'refused', message: (failure as Error).message });
      }
    }
  };

  return (
    <>
      <h1 id="title">{publishedId ? t.t('builder.edit', { id: publishedId }) : t.t('builder.new')}</h1>
      {!editable && <p>{t.t('surveys.read-only')}</p>}
      <div class="builder">
        <form class="survey-form" onSubmit={publish} noValidate>
          <fieldset class="plain" disabled={!editable}>
            <SurveyForm t={t} draft={draft} isNew={!publishedId} onChange={setDraft} problemFor={problemFor} />
            {problem && !placed && <p class="refusal" role="alert">{t.t('problem', { field: problem.field ?? '', message: problem.message })}</p>}
            {editable && (
              <button type="submit" id="publish" disabled={publishing.state === 'publishing'}>
                {t.t(publishing.state === 'publishing' ? 'builder.publishing' : 'builder.publish')}
              </button>
            )}
            <div aria-live="polite" id="publish-outcome">
              {publishing.state === 'published' && <p>{t.t('builder.published', { version: publishing.version })}</p>}
              {publishing.state === 'refused' && <p role="alert" class="refusal">{t.t('builder.refused', { message: publishing.message })}</p>}
            </div>
          </fieldset>
        </form>
        {editable && <SurveyPreview settings={settings} t={t} definition={definition} languages={draft.languages} onProblem={setProblem} />}
      </div>
      {publishedId && <SurveyShare settings={settings} t={t} surveyId={publishedId} version={draft.version ?? 0} />}
    </>
  );
}
