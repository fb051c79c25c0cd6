// The survey builder's model: a draft as the form edits it, and the definition the API takes (README, "Survey
// definitions"). Kept apart from the pages so it is tested on its own.

import type { Language } from './i18n';

export const QUESTION_TYPES = ['nps', 'csat', 'ces', 'rating', 'yesno', 'single', 'multi', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const KINDS = ['relationship', 'transactional', 'employee'] as const;
export const SURVEY_LANGUAGES: Language[] = ['en', 'fa', 'ar'];
export const FOLLOW_UPS = ['detractor', 'passive', 'promoter'] as const;

export type Texts = Partial<Record<string, string>>;

export interface OptionDraft {
  id: string;
  text: Texts;
}

export interface QuestionDraft {
  id: string;
  type: QuestionType;
  required: boolean;
  text: Texts;
  options: OptionDraft[];
}

export interface SurveyDraft {
  id: string;
  version?: number;
  name: Texts;
  kind: (typeof KINDS)[number];
  defaultLanguage: string;
  languages: string[];
  questions: QuestionDraft[];
  hiddenFields: string[];
  requireSignedLink: boolean;
  touchpoint: string;
  allowedOrigins: string[];
  thankYou: Texts;
  followUp: Partial<Record<(typeof FOLLOW_UPS)[number], Texts>>;
  /** What the builder does not edit (themes, display, branding, …), kept as read and sent back unchanged. */
  rest: Record<string, unknown>;
}

const EDITED = ['id', 'version', 'name', 'kind', 'defaultLanguage', 'languages', 'questions', 'hiddenFields',
  'requireSignedLink', 'touchpoint', 'allowedOrigins', 'thankYou', 'followUp'];

export function newSurvey(): SurveyDraft {
  return {
    id: '', name: {}, kind: 'relationship', defaultLanguage: 'en', languages: ['en'],
    questions: [newQuestion('nps', 'nps'), newQuestion('comment', 'text')],
    hiddenFields: [], requireSignedLink: false, touchpoint: '', allowedOrigins: [], thankYou: {}, followUp: {}, rest: {},
  };
}

export function newQuestion(id: string, type: QuestionType): QuestionDraft {
  return { id, type, required: type === 'nps', text: {}, options: hasOptions(type) ? [{ id: 'a', text: {} }] : [] };
}

export function hasOptions(type: QuestionType): boolean {
  return type === 'single' || type === 'multi';
}

/** The draft of a definition the API gave; a one-language name ("name":"Overview") becomes the default's. */
export function fromDefinition(definition: Record<string, unknown>): SurveyDraft {
  const d = definition as Record<string, any>;
  const rest = Object.fromEntries(Object.entries(d).filter(([key]) => !EDITED.includes(key)));
  const texts = (value: unknown): Texts =>
    typeof value === 'string' ? { [d.defaultLanguage ?? 'en']: value } : { ...(value as Texts ?? {}) };
  return {
    id: d.id ?? '', version: d.version, name: texts(d.name), kind: d.kind ?? 'relationship',
    defaultLanguage: d.defaultLanguage ?? 'en', languages: [...(d.languages ?? ['en'])],
    questions: (d.questions ?? []).map((q: any) => ({
      id: q.id, type: q.type, required: !!q.required, text: texts(q.text),
      options: (q.options ?? []).map((o: any) => ({ id: o.id, text: texts(o.text) })),
    })),
    hiddenFields: [...(d.hiddenFields ?? [])], requireSignedLink: !!d.requireSignedLink, touchpoint: d.touchpoint ?? '',
    allowedOrigins: [...(d.allowedOrigins ?? [])], thankYou: texts(d.thankYou),
    followUp: Object.fromEntries(Object.entries(d.followUp ?? {}).map(([key, value]) => [key, texts(value)])), rest,
  };
}

/** Only the survey's languages' texts, and no empty one: the API names a text in another language as a problem. */
function kept(texts: Texts, languages: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(texts)
    .filter(([language, text]) => languages.includes(language) && text !== undefined && text.trim() !== '')
    .map(([language, text]) => [language, (text as string).trim()]));
}

/** The definition the API takes, as the form holds it (the API checks it and names what is wrong). */
export function toDefinition(draft: SurveyDraft): Record<string, unknown> {
  const languages = draft.languages;
  const followUp = Object.fromEntries(Object.entries(draft.followUp)
    .map(([key, texts]) => [key, kept(texts ?? {}, languages)])
    .filter(([, texts]) => Object.keys(texts).length > 0));
  const definition: Record<string, unknown> = {
    ...draft.rest,
    id: draft.id.trim(), name: kept(draft.name, languages), kind: draft.kind,
    defaultLanguage: draft.defaultLanguage, languages,
    questions: draft.questions.map((q) => ({
      id: q.id.trim(), type: q.type, required: q.required, text: kept(q.text, languages),
      ...(hasOptions(q.type) ? { options: q.options.map((o) => ({ id: o.id.trim(), text: kept(o.text, languages) })) } : {}),
    })),
    hiddenFields: draft.hiddenFields, requireSignedLink: draft.requireSignedLink,
    allowedOrigins: draft.allowedOrigins, thankYou: kept(draft.thankYou, languages), followUp,
  };
  if (draft.touchpoint.trim() !== '') {
    definition.touchpoint = draft.touchpoint.trim();
  }
  return definition;
}

/** The README's embed snippet for a survey served from {@code origin}. */
export function embedSnippet(origin: string, surveyId: string): string {
  return `<script src="${origin}/embed.js" data-survey="${surveyId}" async></script>`;
}

/** Every control of the builder an API problem can be shown next to, for this draft. */
export function controlsOf(draft: SurveyDraft): string[] {
  return ['id', 'name', 'kind', 'languages', 'defaultLanguage', 'questions', 'hiddenFields', 'touchpoint',
    'allowedOrigins', 'requireSignedLink', 'thankYou', 'followUp', ...FOLLOW_UPS.map((key) => 'followUp-' + key),
    ...draft.questions.flatMap((question, i) => ['questions-' + i, 'questions-' + i + '-id', 'questions-' + i + '-text',
      'questions-' + i + '-options', ...question.options.map((_, j) => 'questions-' + i + '-options-' + j + '-text')])];
}
