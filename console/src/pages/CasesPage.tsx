import type { SignInSettings } from '../auth';
import { isOverdue, soonestDueFirst, type FollowUpCase } from '../cases';
import type { Texts } from '../i18n';
import { useRead } from '../load';

/** The reader's open cases (their teams' for an agent), soonest due first, the overdue marked. */
export function CasesPage({ settings, t }: { settings: SignInSettings; t: Texts }) {
  const loaded = useRead<{ items: FollowUpCase[] }>(settings, '/api/cases?status=open');
  const now = Date.now();
  let body;
  if (loaded.state === 'loading') {
    body = <p>{t.t('signing-in')}</p>;
  } else if (loaded.state === 'failed') {
    body = <p role="alert">{t.t('failed', { reason: loaded.reason })}</p>;
  } else if (loaded.answer.status !== 200 || !loaded.answer.body) {
    body = <p>{t.t('cases.cannot-list')}</p>;
  } else if (loaded.answer.body.items.length === 0) {
    body = <p>{t.t('cases.none')}</p>;
  } else {
    body = (
      <ul class="cases">
        {soonestDueFirst(loaded.answer.body.items).map((followUp) => {
          const overdue = isOverdue(followUp, now);
          return (
            <li class={overdue ? 'overdue' : undefined}>
              <a href={'/console/cases/' + encodeURIComponent(followUp.caseId)}>{followUp.caseId}</a>
              {' — '}{followUp.team}, {followUp.reason},{' '}
              <span>{t.t(overdue ? 'due.overdue' : 'due.in', { when: t.relative(followUp.dueAt, now) })}</span>
            </li>
          );
        })}
      </ul>
    );
  }
  return (
    <>
      <h1 id="title">{t.t('cases.title')}</h1>
      <div id="out" aria-live="polite">{body}</div>
    </>
  );
}
