import { isRightToLeft, LANGUAGE_NAMES, type Language } from '../../i18n';
import type { Texts } from '../../surveys';

/**
 * One text in each of the survey's languages, side by side (stacked on a phone), each field in its own language and
 * direction. {@code id} names the group, so the API's problem with it is shown next to it.
 */
export function TextsInput({ id, label, languages, value, onChange, multiline, problem }: {
  id: string; label: string; languages: string[]; value: Texts; onChange: (texts: Texts) => void;
  multiline?: boolean; problem?: string | null;
}) {
  return (
    <fieldset class="texts" id={id} aria-describedby={problem ? id + '-problem' : undefined}>
      <legend>{label}</legend>
      <div class="side-by-side">
        {languages.map((language) => {
          const name = LANGUAGE_NAMES[language as Language] ?? language;
          const props = {
            id: id + '-' + language, lang: language, dir: (isRightToLeft(language as Language) ? 'rtl' : 'ltr') as 'rtl' | 'ltr',
            value: value[language] ?? '',
            onInput: (event: Event) =>
              onChange({ ...value, [language]: (event.target as HTMLInputElement | HTMLTextAreaElement).value }),
          };
          return (
            <label class="inline">
              <span>{name}</span>
              {multiline ? <textarea {...props} /> : <input {...props} />}
            </label>
          );
        })}
      </div>
      <ProblemNote id={id} problem={problem} />
    </fieldset>
  );
}

/** The API's refusal of a field, next to it. */
export function ProblemNote({ id, problem }: { id: string; problem?: string | null }) {
  return problem ? <p class="refusal" role="alert" id={id + '-problem'}>{problem}</p> : null;
}
