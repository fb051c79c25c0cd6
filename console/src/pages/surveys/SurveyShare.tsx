import { useState } from 'preact/hooks';
import { call, SignInNeeded } from '../../api';
import type { SignInSettings } from '../../auth';
import type { Texts as ConsoleTexts } from '../../i18n';
import { useRead } from '../../load';
import { embedSnippet } from '../../surveys';
import { type ApiProblem } from '../../fields';
import { QrCode } from './QrCode';

type Link = { url: string; expiresAt?: string } | { refused: string } | null;

/** A published survey's ways out: the embed snippet, a signed invitation link (with its QR code), its versions. */
export function SurveyShare({ settings, t, surveyId, version }: {
  settings: SignInSettings; t: ConsoleTexts; surveyId: string; version: number;
}) {
  const snippet = embedSnippet(location.origin, surveyId);
  const [copied, setCopied] = useState(false);
  const [customer, setCustomer] = useState('');
  const [link, setLink] = useState<Link>(null);
  const versions = useRead<{ items: { version: number; name: Record<string, string> | string }[] }>(settings,
    '/api/surveys/' + encodeURIComponent(surveyId) + '/versions?limit=20', version);
  const copy = () => navigator.clipboard?.writeText(snippet).then(() => setCopied(true), () => setCopied(false));
  const makeLink = async (event: Event) => {
    event.preventDefault();
    try {
      const answer = await call<{ url: string; expiresAt?: string; error?: ApiProblem }>(settings, 'POST', '/api/invitations',
        { surveyId, channel: 'link', customer: { id: customer.trim() } });
      setLink(answer.status === 201 && answer.body ? { url: answer.body.url, expiresAt: answer.body.expiresAt }
        : { refused: answer.body?.error?.message ?? String(answer.status) });
    } catch (failure) {
      if (!(failure instanceof SignInNeeded)) {
        setLink({ refused: (failure as Error).message });
      }
    }
  };
  return (
    <section class="share" aria-labelledby="share-title">
      <h2 id="share-title">{t.t('share.title')}</h2>
      <p><a href={'/console/answers?survey=' + encodeURIComponent(surveyId)}>{t.t('share.answers')}</a></p>
      <label>
        {t.t('share.embed')}
        <textarea id="embed-snippet" readOnly dir="ltr" value={snippet} />
      </label>
      <button type="button" onClick={copy}>{t.t('share.copy')}</button>
      <span aria-live="polite">{copied ? ' ' + t.t('share.copied') : ''}</span>

      <form onSubmit={makeLink}>
        <h3>{t.t('share.link')}</h3>
        <label>
          {t.t('share.customer')}
          <input id="link-customer" dir="ltr" required value={customer}
            onInput={(event) => setCustomer((event.target as HTMLInputElement).value)} />
        </label>
        <button type="submit">{t.t('share.make-link')}</button>
      </form>
      <div aria-live="polite">
        {link && 'refused' in link && <p role="alert" class="refusal">{link.refused}</p>}
        {link && 'url' in link && (
          <>
            <p>{t.t('share.link-made', { until: link.expiresAt ? t.date(link.expiresAt) : '—' })}</p>
            <p><a id="signed-link" dir="ltr" class="long" href={link.url}>{link.url}</a></p>
            <QrCode text={link.url} label={t.t('share.qr')} />
          </>
        )}
      </div>

      <h3>{t.t('versions.title')}</h3>
      {versions.state === 'answered' && versions.answer.body && (
        <ol class="versions" reversed>
          {versions.answer.body.items.map((item) => (
            <li>{t.t('versions.item', { version: item.version,
              name: typeof item.name === 'string' ? item.name : (item.name[t.language] ?? Object.values(item.name)[0] ?? '') })}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
