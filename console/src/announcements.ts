// "You asked, we did": the announcement a manager composes, as the API takes it, and what its audience and answer
// mean — kept apart from the page so it is tested on its own.

export const MESSAGE_LANGUAGES = ['en', 'fa', 'ar'] as const;
export type MessageLanguage = typeof MESSAGE_LANGUAGES[number];
export const FEEDBACK_TYPES = ['complaint', 'suggestion', 'praise', 'bug', 'question'] as const;

export interface AnnouncementForm {
  surveyId: string;
  theme: string;
  feedbackType: string;
  /** Days (YYYY-MM-DD, UTC), both included; empty for no bound. */
  fromDay: string;
  toDay: string;
  messages: Record<MessageLanguage, string>;
}

export interface Audience {
  matchedResponses: number;
  customers: number;
  toNotify: number;
  byLanguage: Record<string, number>;
  withoutEmail: number;
  suppressed: number;
  alreadyNotified: number;
}

export interface Sent {
  announcementId: string;
  matchedResponses: number;
  customers: number;
  notified: number;
  alreadyNotified: number;
  suppressed: number;
  withoutEmail: number;
  failed: number;
  parkedId: string | null;
}

export interface AudienceBody {
  surveyId: string;
  theme?: string;
  feedbackType?: string;
  from?: string;
  to?: string;
}

export interface AnnouncementBody extends AudienceBody {
  message: string;
  messages?: Partial<Record<MessageLanguage, string>>;
}

/** Whom it goes to: the survey, theme and/or type, and the window as instants (the last day counted whole). */
export function audienceBody(form: AnnouncementForm): AudienceBody {
  const body: AudienceBody = { surveyId: form.surveyId };
  if (form.theme.trim() !== '') {
    body.theme = form.theme.trim();
  }
  if (form.feedbackType !== '') {
    body.feedbackType = form.feedbackType;
  }
  if (form.fromDay !== '') {
    body.from = form.fromDay + 'T00:00:00Z';
  }
  if (form.toDay !== '') {
    body.to = dayAfter(form.toDay) + 'T00:00:00Z';
  }
  return body;
}

/**
 * The whole announcement: the English words are the message for every language without its own (else the first
 * language written); Persian and Arabic go as their own messages when written.
 */
export function announcementBody(form: AnnouncementForm): AnnouncementBody {
  const own = MESSAGE_LANGUAGES.filter((language) => form.messages[language].trim() !== '');
  const message = own.length === 0 ? '' : form.messages[own.includes('en') ? 'en' : own[0]].trim();
  const messages: Partial<Record<MessageLanguage, string>> = {};
  own.filter((language) => language !== 'en').forEach((language) => { messages[language] = form.messages[language].trim(); });
  return { ...audienceBody(form), message, ...(Object.keys(messages).length > 0 ? { messages } : {}) };
}

/** What customers answering in {@code language} will read, and whether it is written for them or the fallback. */
export function previewOf(form: AnnouncementForm, language: string): { text: string; own: boolean } {
  const own = (MESSAGE_LANGUAGES as readonly string[]).includes(language)
    ? form.messages[language as MessageLanguage].trim() : '';
  return own !== '' ? { text: own, own: true } : { text: announcementBody(form).message, own: false };
}

/** The audience's languages, most customers first. */
export function languagesOf(audience: Audience): [string, number][] {
  return Object.entries(audience.byLanguage).sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
}

/** Whether the audience shown was counted for the announcement as it now stands (else it must be counted again). */
export function sameAudience(shownFor: AudienceBody | null, form: AnnouncementForm): boolean {
  return shownFor !== null && JSON.stringify(shownFor) === JSON.stringify(audienceBody(form));
}

function dayAfter(day: string): string {
  const next = new Date(day + 'T00:00:00Z');
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
