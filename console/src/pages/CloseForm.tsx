import { useState } from 'preact/hooks';
import { call, SignInNeeded } from '../api';
import type { SignInSettings } from '../auth';
import type { FollowUpCase } from '../cases';
import type { Texts } from '../i18n';

interface Preview {
  to: string | null;
  language: string;
  direction: 'rtl' | 'ltr';
  subject: string;
  text: string;
  wouldSend: boolean;
  notSentBecause: string | null;
}

interface Closed extends FollowUpCase {
  customerNotified: boolean;
  notNotifiedBecause?: string | null;
  resurveyAt: string | null;
}

interface Refusal {
  error?: { message: string; field?: string | null };
}

/**
 * Closing the loop: the resolution, and the message to the customer in their language, previewed as the email the
 * API would send (right to left where it is) before the case is closed.
 */
export function CloseForm({ settings, t, followUp, onClosed }: { settings: SignInSettings; t: Texts;
  followUp: FollowUpCase; onClosed: (closed: FollowUpCase, outcome: string) => void }) {
  const [resolution, setResolution] = useState('');
  const [notify, setNotify] = useState(true);
  const [message, setMessage] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [refusal, setRefusal] = useState<{ field: string | null; message: string } | null>(null);
  const path = '/api/cases/' + encodeURIComponent(followUp.caseId) + '/close';

  async function send<T>(suffix: string, body: unknown): Promise<T | null> {
    setRefusal(null);
    try {
      const answer = await call<T & Refusal>(settings, 'POST', path + suffix, body);
      if (answer.status >= 400 || !answer.body) {
        setRefusal({ field: answer.body?.error?.field ?? null, message: answer.body?.error?.message ?? String(answer.status) });
        return null;
      }
      return answer.body;
    } catch (failure) {
      if (!(failure instanceof SignInNeeded)) {
        setRefusal({ field: null, message: (failure as Error).message });
      }
      return null;
    }
  }

  const refusedAt = (field: string | null) => (refusal && refusal.field === field
    ? <p class="refusal" role="alert">{refusal.message}</p> : null);
  const lang = followUp.language ?? undefined;
  return (
    <section aria-labelledby="close-title" class="close">
      <h2 id="close-title">{t.t('close.title')}</h2>
      <form onSubmit={async (event) => {
        event.preventDefault();
        const closed = await send<Closed>('', { resolution: resolution.trim(), notifyCustomer: notify,
          customerMessage: notify ? message.trim() : null });
        if (closed) {
          onClosed(closed, closed.customerNotified ? t.t('close.notified')
            : t.t('close.not-notified', { reason: closed.notNotifiedBecause ?? '' }));
        }
      }}>
        <label for="resolution">{t.t('close.resolution')}</label>
        <textarea id="resolution" required maxLength={2000} dir="auto" value={resolution}
          onInput={(event) => setResolution((event.target as HTMLTextAreaElement).value)} />
        {refusedAt('resolution')}
        <label class="inline">
          <input type="checkbox" id="notify" checked={notify}
            onChange={(event) => setNotify((event.target as HTMLInputElement).checked)} />
          {' '}{t.t('close.notify')}
        </label>
        {notify ? (
          <>
            <label for="customer-message">{t.t('close.message')}</label>
            <textarea id="customer-message" maxLength={5000} dir="auto" lang={lang} value={message}
              onInput={(event) => { setMessage((event.target as HTMLTextAreaElement).value); setPreview(null); }} />
            {refusedAt('customerMessage')}
            <button type="button" id="preview-button" disabled={message.trim() === ''} onClick={async () => {
              setPreview(await send<Preview>('/preview', { customerMessage: message.trim() }));
            }}>{t.t('close.preview')}</button>
          </>
        ) : null}
        {preview && notify ? (
          <section id="email-preview" class="preview" aria-label={t.t('close.preview')} dir={preview.direction}
            lang={preview.language}>
            <p class="meta" dir={t.language === 'en' ? 'ltr' : 'rtl'} lang={t.language}>
              {preview.to ? t.t('close.to', { to: preview.to }) : ''}
              {preview.wouldSend ? '' : ' ' + t.t('close.would-not-send', { reason: preview.notSentBecause ?? '' })}
            </p>
            <p class="subject">{preview.subject}</p>
            <pre>{preview.text}</pre>
          </section>
        ) : null}
        <button type="submit" id="close-button">{t.t('close.submit')}</button>
        {refusedAt(null)}
      </form>
    </section>
  );
}
