import { useState } from 'preact/hooks';
import { call, SignInNeeded } from '../api';
import type { SignInSettings } from '../auth';
import type { FeedbackEntry } from '../customers';
import type { Texts } from '../i18n';

export interface Evidence {
  kind: string;
  term: string;
  detail: string;
}

/** The profile as it was when they answered (README, "Customers"). */
export type Snapshot = Record<string, unknown> & { id?: string; segment?: string; plan?: string; region?: string };

const SNAPSHOT_FIELDS = ['id', 'segment', 'plan', 'region', 'accountOwner', 'lifetimeValue'];

/**
 * What explains an answer, read when it is opened: the matched terms behind its language, sentiment, themes and type;
 * the customer as they were; their other answers; and its case, if one was opened. What the reader's role may not
 * read is left out.
 */
export function AnswerDetails({ settings, t, responseId, matches, customer }: {
  settings: SignInSettings; t: Texts; responseId: string; matches: Evidence[]; customer: Snapshot | null;
}) {
  const [opened, setOpened] = useState(false);
  const [read, setRead] = useState(false);
  const [history, setHistory] = useState<FeedbackEntry[] | null>(null);
  const [caseId, setCaseId] = useState<string | null>(null);
  const toggle = async () => {
    setOpened(!opened);
    if (read) {
      return;
    }
    setRead(true);
    try {
      const found = await call<{ caseId: string }>(settings, 'GET', '/api/cases/case-' + encodeURIComponent(responseId));
      if (found.status === 200 && found.body) {
        setCaseId(found.body.caseId);
      }
      if (customer?.id) {
        const answers = await call<{ items: FeedbackEntry[] }>(settings, 'GET',
          '/api/customers/' + encodeURIComponent(customer.id) + '/feedback?limit=10');
        if (answers.status === 200 && answers.body) {
          setHistory(answers.body.items.filter((item) => item.responseId !== responseId));
        }
      }
    } catch (failure) {
      // what could not be read is left out; a reader who must sign in again is on their way
      if (!(failure instanceof SignInNeeded)) {
        setHistory(null);
      }
    }
  };
  return (
    <div class="details">
      <button type="button" class="link" aria-expanded={opened} onClick={toggle}>{t.t('answers.why')}</button>
      {opened && matches.length > 0 && (
        <ul class="evidence">
          {matches.map((match) => (
            <li><span class="kind">{match.kind}</span>: <q dir="auto">{match.term}</q> → <span dir="ltr">{match.detail}</span></li>
          ))}
        </ul>
      )}
      {opened && customer && (
        <dl class="snapshot">
          {SNAPSHOT_FIELDS.filter((field) => customer[field] !== undefined && customer[field] !== null).map((field) => (
            <><dt>{field}</dt><dd dir="auto">{String(customer[field])}</dd></>
          ))}
        </dl>
      )}
      {opened && caseId && <p><a href={'/console/cases/' + encodeURIComponent(caseId)}>{t.t('answers.case', { id: caseId })}</a></p>}
      {opened && history && history.length > 0 && (
        <>
          <p>{t.t('answers.history')}</p>
          <ul class="history">
            {history.map((item) => (
              <li>{t.date(item.submittedAt)}{item.npsScore === null ? '' : ' · ' + t.number(item.npsScore)}
                {item.comment ? <> · <q dir="auto">{item.comment}</q></> : null}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
