import { useState } from 'preact/hooks';
import { useAct } from '../../act';
import type { SignInSettings } from '../../auth';
import type { Key, Texts } from '../../i18n';
import { useRead } from '../../load';
import { ROLES, type Role, type User } from '../../settings';
import { splitList } from '../../fields';
import { Confirm, Refusal } from './Confirm';

/** People: who may sign in, with which role and in which teams; an invitation emails a temporary password. */
export function UsersSection({ settings, t }: { settings: SignInSettings; t: Texts }) {
  const [version, setVersion] = useState(0);
  const users = useRead<{ items: User[] }>(settings, '/api/users?limit=60', version);
  const [acted, act] = useAct<{ user?: User }>(settings);
  const [notice, setNotice] = useState<string | null>(null);
  const [form, setForm] = useState({ username: '', email: '', role: 'agent' as Role, teams: '' });
  const [editing, setEditing] = useState<{ username: string; role: Role; teams: string } | null>(null);
  const done = (text: string) => {
    setNotice(text);
    setVersion(version + 1);
  };
  const invite = async (event: Event) => {
    event.preventDefault();
    const made = await act('POST', '/api/users', { username: form.username.trim(), email: form.email.trim(),
      role: form.role, teams: splitList(form.teams) });
    if (made) {
      done(t.t('users.invited', { username: form.username.trim().toLowerCase(), email: form.email.trim() }));
      setForm({ username: '', email: '', role: 'agent', teams: '' });
    }
  };
  const save = async (event: Event) => {
    event.preventDefault();
    if (editing && await act('PUT', '/api/users/' + encodeURIComponent(editing.username),
      { role: editing.role, teams: splitList(editing.teams) })) {
      setEditing(null);
      done(t.t('settings.saved'));
    }
  };
  const remove = async (username: string) => {
    if (await act('DELETE', '/api/users/' + encodeURIComponent(username))) {
      done(t.t('users.deleted', { username }));
    }
  };
  const roleSelect = (id: string, value: Role, onChange: (role: Role) => void) => (
    <select id={id} value={value} onChange={(event) => onChange((event.target as HTMLSelectElement).value as Role)}>
      {ROLES.map((role) => <option value={role}>{t.t(('role.' + role) as Key)}</option>)}
    </select>
  );
  const items = users.state === 'answered' && users.answer.status === 200 ? users.answer.body?.items ?? [] : null;
  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">{t.t('settings.users')}</h2>
      <div aria-live="polite" id="users-outcome">
        {notice && <p>{notice}</p>}
        <Refusal t={t} problem={acted.state === 'refused' ? acted.problem : null} />
      </div>
      {users.state === 'answered' && users.answer.status !== 200 &&
        <p role="alert">{t.t(users.answer.status === 403 ? 'settings.forbidden' : 'settings.unreadable', { status: users.answer.status })}</p>}
      {items && items.length === 0 && <p>{t.t('users.none')}</p>}
      {items && items.length > 0 && (
        <div class="scrolls">
          <table id="users">
            <thead><tr><th scope="col">{t.t('users.username')}</th><th scope="col">{t.t('users.email')}</th>
              <th scope="col">{t.t('users.role')}</th><th scope="col">{t.t('settings.teams')}</th>
              <th scope="col">{t.t('users.status')}</th><th scope="col"><span class="hidden">{t.t('users.edit')}</span></th></tr></thead>
            <tbody>
              {items.map((user) => (
                <tr data-user={user.username}>
                  <td dir="ltr">{user.username}</td><td dir="ltr">{user.email}</td>
                  <td>{t.t(('role.' + user.role) as Key)}</td><td>{user.teams.join(', ')}</td><td>{user.status}</td>
                  <td class="buttons">
                    <button type="button" onClick={() => setEditing({ username: user.username, role: user.role, teams: user.teams.join(', ') })}>
                      {t.t('users.edit')}
                    </button>
                    <Confirm t={t} label={t.t('users.delete')} action={t.t('users.delete-what', { username: user.username })}
                      onConfirm={() => remove(user.username)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <form onSubmit={save} class="edit">
          <label>{t.t('users.role')} {roleSelect('edit-role', editing.role, (role) => setEditing({ ...editing, role }))}</label>
          <label>{t.t('users.teams')}
            <input id="edit-teams" dir="ltr" value={editing.teams}
              onInput={(event) => setEditing({ ...editing, teams: (event.target as HTMLInputElement).value })} />
          </label>
          <button type="submit">{t.t('users.save', { username: editing.username })}</button>
          <button type="button" onClick={() => setEditing(null)}>{t.t('settings.cancel')}</button>
        </form>
      )}
      <form onSubmit={invite} class="add">
        <h3>{t.t('users.add')}</h3>
        <label>{t.t('users.username')}
          <input id="new-username" dir="ltr" required autoComplete="off" value={form.username}
            onInput={(event) => setForm({ ...form, username: (event.target as HTMLInputElement).value })} />
        </label>
        <label>{t.t('users.email')}
          <input id="new-email" type="email" dir="ltr" required autoComplete="off" value={form.email}
            onInput={(event) => setForm({ ...form, email: (event.target as HTMLInputElement).value })} />
        </label>
        <label>{t.t('users.role')} {roleSelect('new-role', form.role, (role) => setForm({ ...form, role }))}</label>
        <label>{t.t('users.teams')}
          <input id="new-teams" dir="ltr" value={form.teams}
            onInput={(event) => setForm({ ...form, teams: (event.target as HTMLInputElement).value })} />
        </label>
        <button type="submit" id="invite" disabled={acted.state === 'busy'}>{t.t('users.invite')}</button>
      </form>
    </section>
  );
}
