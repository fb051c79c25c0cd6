import { useEffect, useState } from 'preact/hooks';
import { call, SignInNeeded } from '../api';
import type { SignInSettings } from '../auth';
import { announcementBody, audienceBody, FEEDBACK_TYPES, languagesOf, MESSAGE_LANGUAGES, previewOf, sameAudience,
  type AnnouncementForm, type Audience, type AudienceBody, type MessageLanguage, type Sent } from '../announcements';
import type { Key, Texts } from '../i18n';
import { useRead } from '../load';

interface SurveySummary {
  id: string;
  name?: Record<string, string> | null;
}

interface Refusal {
  error?: { message: string; field?: string | null };
}

const EMPTY: AnnouncementForm = { surveyId: '', theme: '', feedbackType: '', fromDay: '', toDay: '',
  messages: { en: '', fa: '', ar: '' } };

/**
 * "You asked, we did": whom to tell (a survey's answers on a theme or of a type, within days), their audience counted
 * by the API before anything is sent, the words per language with a preview, then the send and its counts.
 */
export function AnnouncementsPage({ settings, t }: { settings: SignInSettings; t: Texts }) {
  const surveys = useRead<{ items: SurveySummary[] }>(settings, '/api/surveys?limit=100');
  const [form, setForm] = useState<AnnouncementForm>(EMPTY);
  const [themes, setThemes] = useState<string[]>([]);
  const [audience, setAudience] = useState<{ for: AudienceBody; counted: Audience } | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [refusal, setRefusal] = useState<{ field: string | null; message: string } | null>(null);
  const list = surveys.state === 'answered' && surveys.answer.status === 200 ? surveys.answer.body?.items ?? [] : [];
  const surveyId = form.surveyId || list[0]?.id || '';
  const current: AnnouncementForm = { ...form, surveyId };
  const set = (change: Partial<AnnouncementForm>) => { setForm({ ...current, ...change }); setSent(null); };
  const setMessage = (language: MessageLanguage, text: string) =>
    set({ messages: { ...current.messages, [language]: text } });

  // the themes the survey's answers of the last year were filed under, offered as the theme's choices
  useEffect(() => {
    setThemes([]);
    if (!surveyId) {
      return;
    }
    call<{ groups: { key: string }[] }>(settings, 'GET', '/api/surveys/' + encodeURIComponent(surveyId)
      + '/metrics?days=365&groupBy=theme').then((answer) => {
      setThemes(answer.status === 200 && answer.body ? answer.body.groups.map((group) => group.key) : []);
    }, () => setThemes([]));
  }, [surveyId]);

  async function post<T>(path: string, body: unknown): Promise<T | null> {
    setRefusal(null);
    try {
      const answer = await call<T & Refusal>(settings, 'POST', path, body);
      if (answer.status !== 200 || !answer.body) {
        setRefusal({ field: answer.body?.error?.field ?? null,
          message: t.t('refused', { reason: answer.body?.error?.message ?? String(answer.status) }) });
        return null;
      }
      return answer.body;
    } catch (failure) {
      if (!(failure instanceof SignInNeeded)) {
        setRefusal({ field: null, message: t.t('failed', { reason: (failure as Error).message }) });
      }
      return null;
    }
  }

  async function count() {
    const whom = audienceBody(current);
    const worded = announcementBody(current);
    // with words, the API can also tell who already heard this very announcement
    const counted = await post<Audience>('/api/announcements/audience', worded.message ? worded : whom);
    setAudience(counted ? { for: whom, counted } : null);
  }

  async function send(event: Event) {
    event.preventDefault();
    setSent(await post<Sent>('/api/announcements', announcementBody(current)));
  }

  const counted = audience && sameAudience(audience.for, current) ? audience.counted : null;
  const message = announcementBody(current).message;
  const refusedAt = (...fields: (string | null)[]) => (refusal && fields.includes(refusal.field)
    ? <p class="refusal" role="alert">{refusal.message}</p> : null);
  const languageName = (language: string) => (MESSAGE_LANGUAGES as readonly string[]).includes(language)
    ? t.t(('lang.' + language) as Key) : language;
  return (
    <>
      <h1 id="title">{t.t('announce.title')}</h1>
      <p>{t.t('announce.intro')}</p>
      <form class="announce" onSubmit={send}>
        <fieldset>
          <div class="filters">
            <label>{t.t('announce.survey')}
              <select id="survey" value={surveyId} onChange={(event) => set({ surveyId: (event.target as HTMLSelectElement).value })}>
                {list.map((survey) => <option value={survey.id}>{survey.name?.[t.language] ?? survey.name?.en ?? survey.id}</option>)}
              </select>
            </label>
            <label>{t.t('announce.theme')}
              <input id="theme" list="themes" autocomplete="off" value={form.theme}
                onInput={(event) => set({ theme: (event.target as HTMLInputElement).value })} />
            </label>
            <datalist id="themes">{themes.map((theme) => <option value={theme} />)}</datalist>
            <label>{t.t('announce.type')}
              <select id="feedback-type" value={form.feedbackType}
                onChange={(event) => set({ feedbackType: (event.target as HTMLSelectElement).value })}>
                <option value="">{t.t('announce.any-type')}</option>
                {FEEDBACK_TYPES.map((type) => <option value={type}>{type}</option>)}
              </select>
            </label>
            <label>{t.t('announce.from')}
              <input id="from" type="date" value={form.fromDay}
                onInput={(event) => set({ fromDay: (event.target as HTMLInputElement).value })} />
            </label>
            <label>{t.t('announce.to')}
              <input id="to" type="date" value={form.toDay}
                onInput={(event) => set({ toDay: (event.target as HTMLInputElement).value })} />
            </label>
          </div>
          {refusedAt('surveyId', 'theme', 'feedbackType', 'from', 'to')}
          <button type="button" id="audience-button" disabled={!surveyId} onClick={count}>{t.t('announce.count')}</button>
        </fieldset>
        <section id="audience" aria-live="polite" aria-labelledby="audience-title">
          <h2 id="audience-title">{t.t('announce.audience')}</h2>
          {audience && !counted ? <p>{t.t('announce.recount')}</p> : null}
          {counted ? (
            <>
              <p id="audience-summary">{t.t('announce.audience-summary', { toNotify: counted.toNotify,
                customers: counted.customers, matched: counted.matchedResponses })}</p>
              <table id="audience-languages">
                <thead><tr><th scope="col">{t.t('announce.language')}</th><th scope="col">{t.t('announce.customers')}</th></tr></thead>
                <tbody>
                  {languagesOf(counted).map(([language, customers]) => (
                    <tr data-language={language}><td>{languageName(language)}</td><td>{t.number(customers)}</td></tr>
                  ))}
                </tbody>
              </table>
              <dl id="audience-left-out">
                <dt>{t.t('announce.without-email')}</dt><dd data-count="withoutEmail">{t.number(counted.withoutEmail)}</dd>
                <dt>{t.t('announce.suppressed')}</dt><dd data-count="suppressed">{t.number(counted.suppressed)}</dd>
                <dt>{t.t('announce.already')}</dt><dd data-count="alreadyNotified">{t.number(counted.alreadyNotified)}</dd>
              </dl>
            </>
          ) : null}
        </section>
        <fieldset>
          <legend>{t.t('announce.message')}</legend>
          {MESSAGE_LANGUAGES.map((language) => {
            const preview = previewOf(current, language);
            const direction = language === 'en' ? 'ltr' : 'rtl';
            return (
              <div class="message">
                <label for={'message-' + language}>{t.t(('announce.message-' + language) as Key)}</label>
                <textarea id={'message-' + language} dir={direction} lang={language} maxLength={5000}
                  value={current.messages[language]}
                  onInput={(event) => setMessage(language, (event.target as HTMLTextAreaElement).value)} />
                {refusedAt(language === 'en' ? 'message' : 'messages.' + language)}
                {preview.text ? (
                  <section class="preview" id={'preview-' + language}
                    aria-label={t.t('announce.preview', { language: languageName(language) })}>
                    <p class="meta">{t.t('announce.preview', { language: languageName(language) })}
                      {preview.own ? '' : ' ' + t.t('announce.fallback')}</p>
                    <pre dir={preview.own ? direction : 'auto'} lang={preview.own ? language : undefined}>{preview.text}</pre>
                  </section>
                ) : null}
              </div>
            );
          })}
        </fieldset>
        <button type="submit" id="send-button" disabled={!counted || counted.toNotify === 0 || message === ''}>
          {t.t('announce.send', { n: counted?.toNotify ?? 0 })}
        </button>
        {refusedAt(null)}
      </form>
      <div id="sent" aria-live="polite">
        {sent ? (
          <>
            <p id="sent-summary">{t.t('announce.sent', { notified: sent.notified, already: sent.alreadyNotified,
              suppressed: sent.suppressed, without: sent.withoutEmail })}</p>
            {sent.failed > 0 ? <p role="alert">{t.t('announce.parked', { failed: sent.failed,
              parkedId: sent.parkedId ?? '' })}</p> : null}
          </>
        ) : null}
      </div>
    </>
  );
}
