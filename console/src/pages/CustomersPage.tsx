import { useState } from 'preact/hooks';
import { call, SignInNeeded } from '../api';
import type { SignInSettings } from '../auth';
import { customerIdOf, exportFileName, PROFILE_FIELDS, type Customer, type FeedbackEntry } from '../customers';
import type { Key, Texts } from '../i18n';
import { useSignedIn } from '../load';
import { CustomerImport } from './CustomerImport';

interface Refusal {
  error?: { message: string; field?: string | null };
}

interface Receipt {
  customerId: string;
  erased: { responses: number; cases: number; outreach: number };
}

type Found = { customer: Customer; history: FeedbackEntry[]; next: string | null };

/** One customer found by id or email: their profile and health, their answers, and their data's export or erasure. */
export function CustomersPage({ settings, t }: { settings: SignInSettings; t: Texts }) {
  useSignedIn(settings);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [typedId, setTypedId] = useState('');

  /** A call whose failure is shown as a problem; null then. */
  async function ask<T>(method: string, path: string): Promise<{ status: number; body: T | null } | null> {
    try {
      return await call<T>(settings, method, path);
    } catch (failure) {
      if (!(failure instanceof SignInNeeded)) {
        setProblem(t.t('failed', { reason: (failure as Error).message }));
      }
      return null;
    }
  }

  async function find(event: Event) {
    event.preventDefault();
    const id = customerIdOf(query);
    setProblem(null);
    setNotice(null);
    setConfirming(false);
    setFound(null);
    if (!id) {
      return;
    }
    const path = '/api/customers/' + encodeURIComponent(id);
    const answer = await ask<Customer>('GET', path);
    if (!answer) {
      return;
    }
    if (answer.status !== 200 || !answer.body) {
      setProblem(answer.status === 404 ? t.t('customers.not-found', { id })
        : t.t('customers.unreadable', { status: answer.status }));
      return;
    }
    const customer = answer.body;
    const history = await ask<{ items: FeedbackEntry[]; next: string | null }>('GET', path + '/feedback?limit=20');
    setFound({ customer, history: history?.body?.items ?? [], next: history?.body?.next ?? null });
  }

  async function more() {
    if (!found?.next) {
      return;
    }
    const answer = await ask<{ items: FeedbackEntry[]; next: string | null }>('GET', '/api/customers/'
      + encodeURIComponent(found.customer.id) + '/feedback?limit=20&cursor=' + encodeURIComponent(found.next));
    if (answer?.status === 200 && answer.body) {
      const page = answer.body;
      setFound({ ...found, history: [...found.history, ...page.items], next: page.next });
    }
  }

  async function download(customerId: string) {
    setNotice(null);
    const answer = await ask<unknown & Refusal>('GET', '/api/customers/' + encodeURIComponent(customerId) + '/export');
    if (!answer) {
      return;
    }
    if (answer.status !== 200) {
      setProblem(t.t('refused', { reason: answer.body?.error?.message ?? String(answer.status) }));
      return;
    }
    const file = exportFileName(customerId);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(answer.body, null, 2)], { type: 'application/json' }));
    link.download = file;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    setNotice(t.t('customers.exported', { file }));
  }

  async function erase(customerId: string) {
    const answer = await ask<Receipt & Refusal>('DELETE', '/api/customers/' + encodeURIComponent(customerId));
    if (!answer) {
      return;
    }
    if (answer.status !== 200 || !answer.body?.erased) {
      setProblem(t.t('refused', { reason: answer.body?.error?.message ?? String(answer.status) }));
      return;
    }
    const erased = answer.body.erased;
    setFound(null);
    setConfirming(false);
    setTypedId('');
    setNotice(t.t('customers.erased', { responses: erased.responses, cases: erased.cases, outreach: erased.outreach }));
  }

  const customer = found?.customer;
  return (
    <>
      <h1 id="title">{t.t('customers.title')}</h1>
      <form role="search" class="search" onSubmit={find}>
        <label for="customer-query">{t.t('customers.query')}</label>
        <input id="customer-query" type="search" required autocomplete="off" dir="auto" value={query}
          onInput={(event) => setQuery((event.target as HTMLInputElement).value)} />
        <button type="submit" id="find-button">{t.t('customers.find')}</button>
      </form>
      <div id="customer" aria-live="polite">
        {problem ? <p role="alert">{problem}</p> : null}
        {notice ? <p id="customer-notice">{notice}</p> : null}
        {customer && found ? (
          <>
            <section aria-labelledby="profile-title">
              <h2 id="profile-title"><bdi>{customer.name || customer.id}</bdi></h2>
              <dl id="profile">
                <dt>{t.t('import.id')}</dt><dd><bdi>{customer.id}</bdi></dd>
                {PROFILE_FIELDS.filter((field) => customer[field] !== null && customer[field] !== undefined)
                  .map((field) => (
                    <>
                      <dt>{t.t(('customer.' + field) as Key)}</dt>
                      <dd data-field={field}><bdi>{field === 'lifetimeValue'
                        ? t.number(customer.lifetimeValue as number) : String(customer[field])}</bdi></dd>
                    </>
                  ))}
                {Object.entries(customer.attributes ?? {}).map(([name, value]) => (
                  <><dt><bdi>{name}</bdi></dt><dd><bdi>{value}</bdi></dd></>
                ))}
              </dl>
            </section>
            <section aria-labelledby="health-title">
              <h2 id="health-title">{t.t('customers.health')}</h2>
              <p id="health">{customer.health ? t.t('customers.health-line', { score: customer.health.score,
                segment: customer.health.segment, trend: customer.health.trend, complaints: customer.health.complaints,
                priority: customer.health.priority }) : t.t('customers.health-none')}</p>
            </section>
            <section aria-labelledby="history-title">
              <h2 id="history-title">{t.t('customers.history')}</h2>
              {found.history.length === 0 ? <p>{t.t('customers.history-none')}</p> : null}
              <ul class="answers" id="history">
                {found.history.map((entry) => (
                  <li data-response={entry.responseId}>
                    <p class="meta">
                      {entry.npsScore === null ? '' : t.number(entry.npsScore) + ' · '}{t.date(entry.submittedAt)}
                      {' · '}{entry.surveyId}{entry.sentiment ? ' · ' + entry.sentiment : ''}
                      {entry.feedbackType ? ' · ' + entry.feedbackType : ''}
                    </p>
                    {entry.comment ? <blockquote dir="auto" lang={entry.language ?? undefined}>{entry.comment}</blockquote>
                      : null}
                    {entry.themes.length > 0 ? <p class="themes">{entry.themes.join(', ')}</p> : null}
                  </li>
                ))}
              </ul>
              {found.next ? <button type="button" onClick={more}>{t.t('customers.history-more')}</button> : null}
            </section>
            <section aria-labelledby="privacy-title" class="privacy">
              <h2 id="privacy-title">{t.t('customers.privacy')}</h2>
              <div class="buttons">
                <button type="button" id="export-button" onClick={() => download(customer.id)}>
                  {t.t('customers.export')}
                </button>
                <button type="button" id="erase-button" aria-expanded={confirming}
                  onClick={() => { setConfirming(!confirming); setTypedId(''); }}>{t.t('customers.erase')}</button>
              </div>
              {confirming ? (
                <form id="erase-confirm" onSubmit={(event) => { event.preventDefault(); erase(customer.id); }}>
                  <p>{t.t('customers.erase-warning')}</p>
                  <label for="erase-id">{t.t('customers.erase-id', { id: customer.id })}</label>
                  <input id="erase-id" autocomplete="off" dir="auto" value={typedId}
                    onInput={(event) => setTypedId((event.target as HTMLInputElement).value)} />
                  <div class="buttons">
                    <button type="submit" id="erase-now" class="danger" disabled={typedId.trim() !== customer.id}>
                      {t.t('customers.erase-now')}
                    </button>
                    <button type="button" onClick={() => setConfirming(false)}>{t.t('customers.cancel')}</button>
                  </div>
                </form>
              ) : null}
            </section>
          </>
        ) : null}
      </div>
      <CustomerImport settings={settings} t={t} />
    </>
  );
}
