import { useState } from 'preact/hooks';
import { callRaw, SignInNeeded } from '../api';
import type { SignInSettings } from '../auth';
import { errorsByRow, importContentType, isImportReport, type ImportReport } from '../customers';
import type { Key, Texts } from '../i18n';

const COUNTS = ['rows', 'created', 'updated', 'unchanged', 'failed'] as const;

/**
 * A CSV or NDJSON file of customers, sent as the file itself (its bytes, a byte-order mark included, reach the API
 * unchanged), and the API's report: the counts, and every problem of every row.
 */
export function CustomerImport({ settings, t }: { settings: SignInSettings; t: Texts }) {
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function send(event: Event) {
    event.preventDefault();
    setReport(null);
    setProblem(null);
    if (!file) {
      setProblem(t.t('import.choose'));
      return;
    }
    setSending(true);
    try {
      const answer = await callRaw<unknown>(settings, 'POST', '/api/customers/import', file, importContentType(file.name));
      if (answer.status === 200 && isImportReport(answer.body)) {
        setReport(answer.body);
      } else {
        const refusal = answer.body as { error?: { message?: string } } | null;
        setProblem(t.t('refused', { reason: refusal?.error?.message ?? String(answer.status) }));
      }
    } catch (failure) {
      if (!(failure instanceof SignInNeeded)) {
        setProblem(t.t('failed', { reason: (failure as Error).message }));
      }
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="import-title" class="import">
      <h2 id="import-title">{t.t('import.title')}</h2>
      <p id="import-help">{t.t('import.help')}</p>
      <form onSubmit={send}>
        <label for="import-file">{t.t('import.file')}</label>
        <input id="import-file" type="file" aria-describedby="import-help"
          accept=".csv,.ndjson,.jsonl,.txt,text/csv,application/x-ndjson,text/plain"
          onChange={(event) => setFile((event.target as HTMLInputElement).files?.[0] ?? null)} />
        <button type="submit" id="import-button" disabled={sending}>{t.t('import.submit')}</button>
      </form>
      <div id="import-report" aria-live="polite">
        {sending ? <p>{t.t('import.sending')}</p> : null}
        {problem ? <p role="alert">{problem}</p> : null}
        {report ? (
          <>
            <ul class="counts">
              {COUNTS.map((count) => (
                <li data-count={count}><span class="value">{t.number(report[count])}</span>{' '}
                  {t.t(('import.' + count) as Key)}</li>
              ))}
            </ul>
            {report.errors.length === 0 ? <p>{t.t('import.no-errors')}</p> : (
              <div class="table">
                <table id="import-errors">
                  <caption>{t.t('import.errors')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.t('import.row')}</th><th scope="col">{t.t('import.id')}</th>
                      <th scope="col">{t.t('import.field')}</th><th scope="col">{t.t('import.message')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {errorsByRow(report).map((error) => (
                      <tr data-row={error.row}>
                        <td>{t.number(error.row)}</td><td dir="auto">{error.id ?? ''}</td>
                        <td dir="ltr">{error.field ?? ''}</td><td dir="auto">{error.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        ) : null}
      </div>
    </section>
  );
}
