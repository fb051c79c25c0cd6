import type { SignInSettings } from '../../auth';
import type { Key, Texts } from '../../i18n';
import { useSignedIn } from '../../load';
import { AuditSection } from './AuditSection';
import { KeysSection } from './KeysSection';
import { TeamsSection } from './TeamsSection';
import { UsersSection } from './UsersSection';

const SECTIONS: [string, Key][] = [['users', 'settings.users'], ['keys', 'settings.keys'], ['teams', 'settings.teams'],
  ['audit', 'settings.audit']];

/** An admin's settings: people and roles, machine keys, teams, and the audit log, one section at a time. */
export function SettingsPage({ settings, t, section }: { settings: SignInSettings; t: Texts; section: string }) {
  useSignedIn(settings); // the teams section reads nothing until asked
  const shown = SECTIONS.some(([name]) => name === section) ? section : 'users';
  return (
    <>
      <h1 id="title">{t.t('settings.title')}</h1>
      <nav class="tabs" aria-label={t.t('settings.title')}>
        {SECTIONS.map(([name, key]) => (
          <a href={'/console/settings/' + name} aria-current={name === shown ? 'page' : undefined}>{t.t(key)}</a>
        ))}
      </nav>
      {shown === 'users' && <UsersSection settings={settings} t={t} />}
      {shown === 'keys' && <KeysSection settings={settings} t={t} />}
      {shown === 'teams' && <TeamsSection settings={settings} t={t} />}
      {shown === 'audit' && <AuditSection settings={settings} t={t} />}
    </>
  );
}
