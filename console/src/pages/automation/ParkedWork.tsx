import { useState } from 'preact/hooks';
import { call, SignInNeeded } from '../../api';
import type { SignInSettings } from '../../auth';
import { parkedWhat, type Parked } from '../../automation';
import type { Texts } from '../../i18n';
import { useRead } from '../../load';

const KINDS = ['outreach', 'escalation', 'digest', 'announcement', 'enrichment', 'scoring'];

type Requeue = { id: string; state: 'confirming' } | { id: string; state: 'requeued'; next: string }
  | { id: string; state: 'refused'; message: string };

/**
 * What the loops gave up on, newest first, with why (`GET /api/admin/parked`); once the cause is fixed, one is handed
 * back to its loop — after a second, confirming press (`POST /api/admin/parked/{id}/requeue`).
 */
export function ParkedWork({ settings, t }: { settings: SignInSettings; t: Texts }) {
  const [again, setAgain] = useState(0);
  const loaded = useRead<{ items: Parked[] }>(settings, '/api/admin/parked?limit=100', again);
  const [requeue, setRequeue] = useState<Requeue | null>(null);
  if (loaded.state === 'answered' && loaded.answer.status !== 200) {
    return <p role="alert">{t.t(loaded.answer.status === 403 ? 'automation.forbidden' : 'automation.unreadable',
      { status: loaded.answer.status })}</p>;
  }
  if (loaded.state !== 'answered') {
    return <p>{loaded.state === 'failed' ? t.t('failed', { reason: loaded.reason }) : t.t('signing-in')}</p>;
  }
  const items = loaded.answer.body?.items ?? [];
  const confirm = async (id: string) => {
    try {
      const answer = await call<{ next?: string; error?: { message: string } }>(settings, 'POST',
        '/api/admin/parked/' + encodeURIComponent(id) + '/requeue', {});
      if (answer.status === 200) {
        setRequeue({ id, state: 'requeued', next: answer.body?.next ?? '' });
        setAgain(again + 1);
      } else {
        setRequeue({ id, state: 'refused', message: answer.body?.error?.message ?? String(answer.status) });
      }
    } catch (failure) {
      if (!(failure instanceof SignInNeeded)) {
        setRequeue({ id, state: 'refused', message: (failure as Error).message });
      }
    }
  };
  return (
    <section aria-labelledby="parked-title">
      <h2 id="parked-title">{t.t('parked.title')}</h2>
      <p>{t.t('parked.intro')}</p>
      <div aria-live="polite" id="requeue-outcome">
        {requeue?.state === 'requeued' ? <p>{t.t('parked.requeued', { id: requeue.id, next: requeue.next })}</p> : null}
        {requeue?.state === 'refused' ? <p role="alert">{t.t('refused', { reason: requeue.message })}</p> : null}
      </div>
      {items.length === 0 ? <p id="parked-none">{t.t('parked.none')}</p> : (
        <ul class="parked">
          {items.map((item) => (
            <li data-parked={item.id}>
              <p><b>{KINDS.includes(item.kind) ? t.t(('parked.kind.' + item.kind) as 'parked.kind.outreach') : item.kind}</b>{' '}
                <span dir="auto">{parkedWhat(item)}</span></p>
              <p class="meta">{t.t('parked.why', { reason: item.reason, attempts: item.attempts,
                when: t.date(item.parkedAt) })}</p>
              {requeue?.id === item.id && requeue.state === 'confirming' ? (
                <div class="buttons">
                  <span>{t.t('parked.sure')}</span>{' '}
                  <button type="button" class="danger" onClick={() => confirm(item.id)}>{t.t('parked.confirm')}</button>
                  <button type="button" onClick={() => setRequeue(null)}>{t.t('parked.cancel')}</button>
                </div>
              ) : (
                <button type="button" onClick={() => setRequeue({ id: item.id, state: 'confirming' })}>
                  {t.t('parked.requeue')}</button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
