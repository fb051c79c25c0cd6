import type { Texts as ConsoleTexts } from '../../i18n';
import { hasOptions, QUESTION_TYPES, type QuestionDraft, type QuestionType } from '../../surveys';
import { ProblemNote, TextsInput } from './TextsInput';

/** One question of the builder: its id, type, whether it is required, its text per language, and its choices. */
export function QuestionEditor({ t, index, count, question, languages, onChange, onRemove, onMove, problemFor }: {
  t: ConsoleTexts; index: number; count: number; question: QuestionDraft; languages: string[];
  onChange: (question: QuestionDraft) => void; onRemove: () => void; onMove: (by: number) => void;
  problemFor: (id: string) => string | null;
}) {
  const id = 'questions-' + index;
  const changeType = (type: QuestionType) => onChange({
    ...question, type,
    options: hasOptions(type) ? (question.options.length > 0 ? question.options : [{ id: 'a', text: {} }]) : [],
  });
  return (
    <li class="question">
      <fieldset id={id}>
        <legend>{t.t('builder.question', { n: index + 1 })}</legend>
        <div class="row">
          <label>
            {t.t('builder.question-id')}
            <input id={id + '-id'} value={question.id} dir="ltr" aria-describedby={problemFor(id + '-id') ? id + '-id-problem' : undefined}
              onInput={(event) => onChange({ ...question, id: (event.target as HTMLInputElement).value })} />
          </label>
          <label>
            {t.t('builder.type')}
            <select id={id + '-type'} value={question.type}
              onChange={(event) => changeType((event.target as HTMLSelectElement).value as QuestionType)}>
              {QUESTION_TYPES.map((type) => <option value={type}>{t.t(('type.' + type) as 'type.nps')}</option>)}
            </select>
          </label>
        </div>
        <ProblemNote id={id + '-id'} problem={problemFor(id + '-id')} />
        <label class="inline">
          <input type="checkbox" checked={question.required}
            onChange={(event) => onChange({ ...question, required: (event.target as HTMLInputElement).checked })} />
          {' '}{t.t('builder.required')}
        </label>
        <TextsInput id={id + '-text'} label={t.t('builder.text')} languages={languages} value={question.text}
          onChange={(text) => onChange({ ...question, text })} problem={problemFor(id + '-text')} />
        {hasOptions(question.type) && (
          <fieldset id={id + '-options'}>
            <legend>{t.t('builder.options')}</legend>
            <ol>
              {question.options.map((option, at) => (
                <li>
                  <label>
                    {t.t('builder.option', { n: at + 1 })} — {t.t('builder.question-id')}
                    <input value={option.id} dir="ltr" onInput={(event) => onChange({ ...question,
                      options: question.options.map((o, i) => i === at ? { ...o, id: (event.target as HTMLInputElement).value } : o) })} />
                  </label>
                  <TextsInput id={id + '-options-' + at + '-text'} label={t.t('builder.text')} languages={languages}
                    value={option.text} problem={problemFor(id + '-options-' + at + '-text')}
                    onChange={(text) => onChange({ ...question,
                      options: question.options.map((o, i) => i === at ? { ...o, text } : o) })} />
                  <button type="button" onClick={() => onChange({ ...question,
                    options: question.options.filter((_, i) => i !== at) })}>{t.t('builder.remove')}</button>
                </li>
              ))}
            </ol>
            <button type="button" onClick={() => onChange({ ...question,
              options: [...question.options, { id: String.fromCharCode(97 + question.options.length), text: {} }] })}>
              {t.t('builder.add-option')}
            </button>
            <ProblemNote id={id + '-options'} problem={problemFor(id + '-options')} />
          </fieldset>
        )}
        <div class="buttons">
          <button type="button" disabled={index === 0} onClick={() => onMove(-1)}>{t.t('builder.up')}</button>
          <button type="button" disabled={index === count - 1} onClick={() => onMove(1)}>{t.t('builder.down')}</button>
          <button type="button" disabled={count === 1} onClick={onRemove}>{t.t('builder.remove')}</button>
        </div>
        <ProblemNote id={id} problem={problemFor(id)} />
      </fieldset>
    </li>
  );
}
