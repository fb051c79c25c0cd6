import { useEffect, useState } from 'preact/hooks';
import { call, SignInNeeded } from '../api';
import type { SignInSettings } from '../auth';
import type { Texts } from '../i18n';
import { AnswerDetails, type Evidence, type Snapshot } from './AnswerDetails';

interface Answer {
  responseId: string;
  submittedAt: string;
  language: string | null;
  npsScore?: number | null;
  comment?: string | null;
  sentiment?: string | null;
  themes?: string[];
  feedbackType?: string | null;
  teams?: string[];
  matches?: Evidence[];
  customer?: Snapshot | null;
}

/** The answers behind a figure (?survey=&where=theme=delivery), newest first, a page at a time. */
export function Answers({ settings, t, search }: { settings: SignInSettings; t: Texts; search: string }) {
  const query = new URLSearchParams(search);
  const surveyId = query.get('survey') ?? '';
  const where = query.get('where') ?? '';
  const [items, setItems] = useState<Answer[]>([]);
  const [next, setNext] = useState<string | null | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);

  const load = (cursor: string | null) => {
    const params = new URLSearchParams({ limit: '50' });
    if (where) {
      params.set('where', where);
    }
    if (cursor) {
      params.set('cursor', cursor);
    }
    call<{ items: Answer[]; next: string | null }>(settings, 'GET', '/api/surveys/' + encodeURIComponent(surveyId)
      + '/responses?' + params.toString()).then((answer) => {
      if (answer.status !== 200 || !answer.body) {
        setProblem(t.t('answers.unreadable', { status: answer.status }));
        return;
      }
      const page = answer.body;
      setItems((before) => [...(cursor ? before : []), ...page.items]);
      setNext(page.next);
    }, (failure: Error) => {
      if (!(failure instanceof SignInNeeded)) {
        setProblem(t.t('failed', { reason: failure.message }));
      }
    });
  };
  useEffect(() => load(null), [surveyId, where]);

  return (
    <>
      <h1 id="title">{t.t('answers.title')}</h1>
      <p>{surveyId}{where ? ' · ' + where : ''}</p>
      <div id="out" aria-live="polite">
        {problem ? <p role="alert">{problem}</p> : null}
        {next === undefined && !problem ? <p>{t.t('signing-in')}</p> : null}
        {next !== undefined && items.length === 0 ? <p>{t.t('answers.none')}</p> : null}
        <ul class="answers">
          {items.map((answer) => (
            <li data-response={answer.responseId}>
              <p class="meta">
                {answer.npsScore === null || answer.npsScore === undefined ? '' : t.number(answer.npsScore) + ' · '}
                {t.date(answer.submittedAt)}{answer.language ? ' · ' + answer.language : ''}
                {answer.sentiment ? ' · ' + answer.sentiment : ''}{answer.feedbackType ? ' · ' + answer.feedbackType : ''}
              </p>
              {answer.comment ? <blockquote dir="auto" lang={answer.language ?? undefined}>{answer.comment}</blockquote> : null}
              {answer.themes && answer.themes.length > 0
                ? <p class="themes">{t.t('answers.themes')}: {answer.themes.join(', ')}</p> : null}
              <AnswerDetails settings={settings} t={t} responseId={answer.responseId} matches={answer.matches ?? []}
                customer={answer.customer ?? null} />
            </li>
          ))}
        </ul>
        {next ? <button type="button" onClick={() => load(next)}>{t.t('answers.more')}</button> : null}
      </div>
    </>
  );
}
