import { LANGUAGE_NAMES, type Language, type Texts as ConsoleTexts } from '../../i18n';
import { FOLLOW_UPS, KINDS, newQuestion, SURVEY_LANGUAGES, type SurveyDraft } from '../../surveys';
import { splitList } from '../../fields';
import { QuestionEditor } from './QuestionEditor';
import { ProblemNote, TextsInput } from './TextsInput';

/** The builder's form: every part of a definition the API takes, the API's problems shown next to their field. */
export function SurveyForm({ t, draft, isNew, onChange, problemFor }: {
  t: ConsoleTexts; draft: SurveyDraft; isNew: boolean; onChange: (draft: SurveyDraft) => void;
  problemFor: (id: string) => string | null;
}) {
  const set = (part: Partial<SurveyDraft>) => onChange({ ...draft, ...part });
  const languages = draft.languages;
  const toggleLanguage = (language: string, on: boolean) => {
    const chosen: string[] = SURVEY_LANGUAGES.filter((l) => (l === language ? on : languages.includes(l)));
    set({ languages: chosen, defaultLanguage: chosen.includes(draft.defaultLanguage) ? draft.defaultLanguage : chosen[0] ?? '' });
  };
  const move = (at: number, by: number) => {
    const questions = [...draft.questions];
    [questions[at], questions[at + by]] = [questions[at + by], questions[at]];
    set({ questions });
  };
  return (
    <>
      <section aria-labelledby="basics">
        <h2 id="basics">{t.t('builder.basics')}</h2>
        <label>
          {t.t('builder.id')}
          <input id="id" value={draft.id} dir="ltr" disabled={!isNew} aria-describedby={problemFor('id') ? 'id-problem' : undefined}
            onInput={(event) => set({ id: (event.target as HTMLInputElement).value })} />
        </label>
        <ProblemNote id="id" problem={problemFor('id')} />
        <fieldset id="languages">
          <legend>{t.t('builder.languages')}</legend>
          {SURVEY_LANGUAGES.map((language) => (
            <label class="inline" lang={language}>
              <input type="checkbox" name="languages" value={language} checked={languages.includes(language)}
                onChange={(event) => toggleLanguage(language, (event.target as HTMLInputElement).checked)} />
              {' '}{LANGUAGE_NAMES[language]}
            </label>
          ))}
          <ProblemNote id="languages" problem={problemFor('languages')} />
        </fieldset>
        <div class="row">
          <label>
            {t.t('builder.default-language')}
            <select id="defaultLanguage" value={draft.defaultLanguage}
              onChange={(event) => set({ defaultLanguage: (event.target as HTMLSelectElement).value })}>
              {languages.map((language) => <option value={language}>{LANGUAGE_NAMES[language as Language] ?? language}</option>)}
            </select>
          </label>
          <label>
            {t.t('builder.kind')}
            <select id="kind" value={draft.kind}
              onChange={(event) => set({ kind: (event.target as HTMLSelectElement).value as SurveyDraft['kind'] })}>
              {KINDS.map((kind) => <option value={kind}>{t.t(('kind.' + kind) as 'kind.relationship')}</option>)}
            </select>
          </label>
        </div>
        <TextsInput id="name" label={t.t('builder.name')} languages={languages} value={draft.name}
          onChange={(name) => set({ name })} problem={problemFor('name')} />
      </section>

      <section aria-labelledby="questions-title">
        <h2 id="questions-title">{t.t('builder.questions')}</h2>
        <ProblemNote id="questions" problem={problemFor('questions')} />
        <ol class="questions">
          {draft.questions.map((question, at) => (
            <QuestionEditor t={t} index={at} count={draft.questions.length} question={question} languages={languages}
              problemFor={problemFor} onMove={(by) => move(at, by)}
              onRemove={() => set({ questions: draft.questions.filter((_, i) => i !== at) })}
              onChange={(changed) => set({ questions: draft.questions.map((q, i) => (i === at ? changed : q)) })} />
          ))}
        </ol>
        <button type="button" onClick={() => set({ questions: [...draft.questions,
          newQuestion('q' + (draft.questions.length + 1), 'text')] })}>{t.t('builder.add-question')}</button>
      </section>

      <section aria-labelledby="follow-ups">
        <h2 id="follow-ups">{t.t('builder.follow-ups')}</h2>
        <ProblemNote id="followUp" problem={problemFor('followUp')} />
        {FOLLOW_UPS.map((key) => (
          <TextsInput id={'followUp-' + key} label={t.t(('follow-up.' + key) as 'follow-up.detractor')} languages={languages}
            value={draft.followUp[key] ?? {}} problem={problemFor('followUp-' + key)}
            onChange={(texts) => set({ followUp: { ...draft.followUp, [key]: texts } })} />
        ))}
        <TextsInput id="thankYou" label={t.t('builder.thank-you')} languages={languages} value={draft.thankYou}
          multiline onChange={(thankYou) => set({ thankYou })} problem={problemFor('thankYou')} />
      </section>

      <section aria-labelledby="collecting">
        <h2 id="collecting">{t.t('builder.collecting')}</h2>
        <label>
          {t.t('builder.hidden-fields')}
          <input id="hiddenFields" dir="ltr" value={draft.hiddenFields.join(', ')}
            onChange={(event) => set({ hiddenFields: splitList((event.target as HTMLInputElement).value) })} />
        </label>
        <ProblemNote id="hiddenFields" problem={problemFor('hiddenFields')} />
        <label>
          {t.t('builder.touchpoint')}
          <input id="touchpoint" dir="ltr" value={draft.touchpoint}
            onInput={(event) => set({ touchpoint: (event.target as HTMLInputElement).value })} />
        </label>
        <ProblemNote id="touchpoint" problem={problemFor('touchpoint')} />
        <label>
          {t.t('builder.origins')}
          <textarea id="allowedOrigins" dir="ltr" value={draft.allowedOrigins.join('\n')}
            onChange={(event) => set({ allowedOrigins: splitList((event.target as HTMLTextAreaElement).value) })} />
        </label>
        <ProblemNote id="allowedOrigins" problem={problemFor('allowedOrigins')} />
        <label class="inline">
          <input id="requireSignedLink" type="checkbox" checked={draft.requireSignedLink}
            onChange={(event) => set({ requireSignedLink: (event.target as HTMLInputElement).checked })} />
          {' '}{t.t('builder.signed')}
        </label>
      </section>
    </>
  );
}
