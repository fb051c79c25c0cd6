import { useEffect, useState } from 'preact/hooks';
import { call, SignInNeeded } from '../../api';
import type { SignInSettings } from '../../auth';
import type { Texts } from '../../i18n';
import { auditQuery, summaryLine, type AuditEntry, type AuditFilter } from '../../settings';

/** The audit log, newest first, by actor, target and days; a page at a time. */
export function AuditSection({ settings, t }: { settings: SignInSettings; t: Texts }) {
  const [filter, setFilter] = useState<AuditFilter>({ actor: '', target: '', from: '', to: '' });
  const [items, setItems] = useState<AuditEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = (cursor: string | null) => {
    setProblem(null);
    call<{ items: AuditEntry[]; next: string | null; error?: { message: string } }>(settings, 'GET', auditQuery(filter, cursor))
      .then((answer) => {
        if (answer.status !== 200 || !answer.body) {
          setProblem(answer.body?.error?.message ?? t.t('settings.unreadable', { status: answer.status }));
          return;
        }
        const page = answer.body;
        setItems((before) => [...(cursor && before ? before : []), ...page.items]);
        setNext(page.next);
      }, (failure: Error) => {
        if (!(failure instanceof SignInNeeded)) {
          setProblem(failure.message);
        }
      });
  };
  useEffect(() => load(null), []);
  const change = (key: keyof AuditFilter) => (event: Event) =>
    setFilter({ ...filter, [key]: (event.target as HTMLInputElement).value });
  const text = (key: 'actor' | 'target', label: string) => (
    <label>{label}<input id={'audit-' + key} dir="ltr" value={filter[key]} onInput={change(key)} /></label>
  );
  const day = (key: 'from' | 'to', label: string) => (
    <label>{label}<input id={'audit-' + key} type="date" value={filter[key]} onInput={change(key)} /></label>
  );
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t.t('settings.audit')}</h2>
      <form class="filters" onSubmit={(event) => { event.preventDefault(); load(null); }}>
        {text('actor', t.t('audit.actor'))}
        {text('target', t.t('audit.target'))}
        {day('from', t.t('audit.from'))}
        {day('to', t.t('audit.to'))}
        <button type="submit">{t.t('audit.search')}</button>
      </form>
      <div aria-live="polite" id="audit-out">
        {problem && <p role="alert">{problem}</p>}
        {items && items.length === 0 && <p>{t.t('audit.none')}</p>}
        {items && items.length > 0 && (
          <div class="scrolls">
            <table id="audit">
              <thead><tr><th scope="col">{t.t('audit.at')}</th><th scope="col">{t.t('audit.actor')}</th>
                <th scope="col">{t.t('audit.action')}</th><th scope="col">{t.t('audit.target')}</th>
                <th scope="col">{t.t('audit.summary')}</th></tr></thead>
              <tbody>
                {items.map((entry) => (
                  <tr>
                    <td>{t.date(entry.at)}</td><td dir="ltr">{entry.actor}</td><td dir="ltr">{entry.action}</td>
                    <td dir="ltr">{entry.target}</td><td dir="ltr">{summaryLine(entry.summary)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {next && <button type="button" onClick={() => load(next)}>{t.t('audit.more')}</button>}
      </div>
    </section>
  );
}
