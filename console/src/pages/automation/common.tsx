import type { ComponentChildren } from 'preact';
import type { SignInSettings } from '../../auth';
import type { Texts } from '../../i18n';
import { useRead } from '../../load';

interface SurveySummary {
  id: string;
  name?: Record<string, string> | null;
}

/** The surveys to choose from, by their name in the console's language. */
export function useSurveys(settings: SignInSettings): SurveySummary[] {
  const surveys = useRead<{ items: SurveySummary[] }>(settings, '/api/surveys?limit=100');
  return surveys.state === 'answered' && surveys.answer.status === 200 ? surveys.answer.body?.items ?? [] : [];
}

export function surveyName(t: Texts, survey: SurveySummary): string {
  return survey.name?.[t.language] ?? survey.name?.en ?? survey.id;
}

/**
 * A labelled control with the API's problem with it right after, tied to it by aria-describedby. {@code id} is the
 * control's; the child gets it through {@code control}.
 */
export function Field({ id, label, problem, children }: {
  id: string; label: string; problem: string | null; children: (describedBy: string | undefined) => ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children(problem ? id + '-problem' : undefined)}
      {problem ? <p class="refusal" role="alert" id={id + '-problem'}>{problem}</p> : null}
    </div>
  );
}

export const value = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement).value;
export const checked = (event: Event) => (event.target as HTMLInputElement).checked;
