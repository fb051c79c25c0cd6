import { useState } from 'preact/hooks';
import { useAct } from '../../act';
import type { SignInSettings } from '../../auth';
import type { Texts } from '../../i18n';
import { useRead } from '../../load';
import { keyState, SCOPES, type ApiKey } from '../../settings';
import { splitList } from '../../fields';
import { Confirm, Refusal } from './Confirm';

/** Keys for machines: made with their scopes (the secret shown this once), listed without secrets, revoked. */
export function KeysSection({ settings, t }: { settings: SignInSettings; t: Texts }) {
  const [version, setVersion] = useState(0);
  const keys = useRead<{ items: ApiKey[] }>(settings, '/api/keys?limit=100', version);
  const [acted, act] = useAct<ApiKey & { key: string }>(settings);
  const [made, setMade] = useState<{ name: string; secret: string } | null>(null);
  const [form, setForm] = useState({ name: '', scopes: [] as string[], teams: '', expires: '' });
  const make = async (event: Event) => {
    event.preventDefault();
    setMade(null);
    const key = await act('POST', '/api/keys', { name: form.name.trim(), scopes: form.scopes,
      teams: splitList(form.teams), ...(form.expires ? { expiresAt: form.expires + 'T00:00:00Z' } : {}) });
    if (key) {
      setMade({ name: key.name, secret: key.key });
      setForm({ name: '', scopes: [], teams: '', expires: '' });
      setVersion(version + 1);
    }
  };
  const revoke = async (id: string) => {
    if (await act('DELETE', '/api/keys/' + encodeURIComponent(id))) {
      setVersion(version + 1);
    }
  };
  const now = Date.now();
  const items = keys.state === 'answered' && keys.answer.status === 200 ? keys.answer.body?.items ?? [] : null;
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">{t.t('settings.keys')}</h2>
      <div aria-live="polite" id="keys-outcome">
        {made && (
          <>
            <p>{t.t('keys.made', { name: made.name })}</p>
            <label>{t.t('keys.secret')}<input id="key-secret" readOnly dir="ltr" value={made.secret} /></label>
          </>
        )}
        <Refusal t={t} problem={acted.state === 'refused' ? acted.problem : null} />
      </div>
      {items && items.length === 0 && <p>{t.t('keys.none')}</p>}
      {items && items.length > 0 && (
        <div class="scrolls">
          <table id="keys">
            <thead><tr><th scope="col">{t.t('keys.name')}</th><th scope="col">{t.t('keys.scopes')}</th>
              <th scope="col">{t.t('keys.created')}</th><th scope="col">{t.t('keys.state')}</th>
              <th scope="col"><span class="hidden">{t.t('keys.revoke')}</span></th></tr></thead>
            <tbody>
              {items.map((key) => {
                const state = keyState(key, now);
                return (
                  <tr data-key={key.id}>
                    <td>{key.name}<br /><small dir="ltr">{key.id}</small></td>
                    <td dir="ltr">{key.scopes.join(', ')}{key.teams.length > 0 ? ' (' + key.teams.join(', ') + ')' : ''}</td>
                    <td>{t.date(key.createdAt)} — <span dir="ltr">{key.createdBy}</span></td>
                    <td class="state">{state === 'revoked' ? t.t('keys.revoked', { when: t.date(key.revokedAt!) })
                      : state === 'active' ? (key.expiresAt ? t.t('keys.expires-on', { when: t.date(key.expiresAt) }) : t.t('keys.active'))
                        : t.t('keys.expires-on', { when: t.date(key.expiresAt!) })}</td>
                    <td>{state === 'active' && <Confirm t={t} label={t.t('keys.revoke')}
                      action={t.t('keys.revoke-what', { name: key.name })} onConfirm={() => revoke(key.id)} />}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <form onSubmit={make} class="add">
        <h3>{t.t('keys.add')}</h3>
        <label>{t.t('keys.name')}
          <input id="key-name" required value={form.name}
            onInput={(event) => setForm({ ...form, name: (event.target as HTMLInputElement).value })} />
        </label>
        <fieldset id="key-scopes">
          <legend>{t.t('keys.scopes')}</legend>
          <div class="choices">
            {SCOPES.map((scope) => (
              <label class="inline" dir="ltr">
                <input type="checkbox" name="scopes" value={scope} checked={form.scopes.includes(scope)}
                  onChange={(event) => setForm({ ...form, scopes: (event.target as HTMLInputElement).checked
                    ? [...form.scopes, scope] : form.scopes.filter((s) => s !== scope) })} />
                {' '}{scope}
              </label>
            ))}
          </div>
        </fieldset>
        <label>{t.t('keys.teams')}
          <input id="key-teams" dir="ltr" value={form.teams}
            onInput={(event) => setForm({ ...form, teams: (event.target as HTMLInputElement).value })} />
        </label>
        <label>{t.t('keys.expires')}
          <input id="key-expires" type="date" value={form.expires}
            onInput={(event) => setForm({ ...form, expires: (event.target as HTMLInputElement).value })} />
        </label>
        <button type="submit" id="make-key" disabled={acted.state === 'busy'}>{t.t('keys.make')}</button>
      </form>
    </section>
  );
}
