import { useState } from 'preact/hooks';
import type { Texts } from '../../i18n';

/** A button whose action runs only once confirmed: the first press asks, "Yes, …" does it. */
export function Confirm({ t, label, action, onConfirm, disabled }: {
  t: Texts; label: string; action: string; onConfirm: () => void; disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return <button type="button" disabled={disabled} onClick={() => setAsking(true)}>{label}</button>;
  }
  return (
    <span class="confirm" role="group" aria-label={label}>
      <button type="button" class="danger" onClick={() => { setAsking(false); onConfirm(); }}>
        {t.t('settings.confirm', { action })}
      </button>
      <button type="button" onClick={() => setAsking(false)}>{t.t('settings.cancel')}</button>
    </span>
  );
}

/** What an action came to: the API's refusal (naming its field), or nothing. */
export function Refusal({ t, problem }: { t: Texts; problem: { message: string; field?: string } | null }) {
  return problem
    ? <p role="alert" class="refusal">{t.t('settings.refused', { message: (problem.field ? problem.field + ': ' : '') + problem.message })}</p>
    : null;
}
