import { useState } from 'preact/hooks';
import { call, SignInNeeded } from '../../api';
import { useAct } from '../../act';
import type { SignInSettings } from '../../auth';
import type { Texts } from '../../i18n';
import { splitList } from '../../fields';
import { Refusal } from './Confirm';

interface Team {
  id: string;
  name: string;
  ownerEmail: string | null;
  members: string[];
  snsFilter: string | null;
  language: string | null;
  slackConfigured: boolean;
}

type Opened = {
  id: string; exists: boolean; name: string; ownerEmail: string; members: string; snsFilter: string;
  language: string; slack: string; slackConfigured: boolean; removeSlack: boolean;
};

/**
 * A team by its id: who owns its alerts and digest, who works its cases, its SNS filter, its Slack webhook and the
 * language of its Slack messages. The webhook is never shown back: an empty field keeps it.
 */
export function TeamsSection({ settings, t }: { settings: SignInSettings; t: Texts }) {
  const [teamId, setTeamId] = useState('');
  const [opened, setOpened] = useState<Opened | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [acted, act, reset] = useAct<Team>(settings);
  const open = async (event: Event) => {
    event.preventDefault();
    reset();
    setProblem(null);
    const id = teamId.trim();
    try {
      const answer = await call<Team>(settings, 'GET', '/api/teams/' + encodeURIComponent(id));
      if (answer.status === 200 && answer.body) {
        const team = answer.body;
        setOpened({ id, exists: true, name: team.name, ownerEmail: team.ownerEmail ?? '', members: team.members.join(', '),
          snsFilter: team.snsFilter ?? '', language: team.language ?? '', slack: '',
          slackConfigured: team.slackConfigured, removeSlack: false });
      } else if (answer.status === 404) {
        setOpened({ id, exists: false, name: '', ownerEmail: '', members: '', snsFilter: '', language: '', slack: '',
          slackConfigured: false, removeSlack: false });
      } else {
        setProblem(t.t(answer.status === 403 ? 'settings.forbidden' : 'settings.unreadable', { status: answer.status }));
      }
    } catch (failure) {
      if (!(failure instanceof SignInNeeded)) {
        setProblem((failure as Error).message);
      }
    }
  };
  const save = async (event: Event) => {
    event.preventDefault();
    if (!opened) {
      return;
    }
    const slack = opened.removeSlack ? '' : opened.slack.trim() || undefined;
    if (await act('PUT', '/api/teams/' + encodeURIComponent(opened.id), { name: opened.name.trim(),
      ownerEmail: opened.ownerEmail.trim() || null, members: splitList(opened.members),
      snsFilter: opened.snsFilter.trim() || null, language: opened.language, slackWebhookUrl: slack })) {
      setOpened({ ...opened, exists: true, slack: '', removeSlack: false,
        slackConfigured: slack === undefined ? opened.slackConfigured : slack !== '' });
    }
  };
  const field = (key: 'name' | 'ownerEmail' | 'members' | 'snsFilter', label: string) => opened && (
    <label>{label}
      <input id={'team-' + key} dir={key === 'name' ? 'auto' : 'ltr'} value={opened[key]}
        inputMode={key === 'ownerEmail' ? 'email' : undefined}
        onInput={(event) => setOpened({ ...opened, [key]: (event.target as HTMLInputElement).value })} />
    </label>
  );
  return (
    <section aria-labelledby="teams-title">
      <h2 id="teams-title">{t.t('settings.teams')}</h2>
      <form onSubmit={open} class="search">
        <label for="team-id">{t.t('teams.id')}</label>
        <input id="team-id" dir="ltr" required value={teamId} onInput={(event) => setTeamId((event.target as HTMLInputElement).value)} />
        <button type="submit">{t.t('teams.open')}</button>
      </form>
      {problem && <p role="alert">{problem}</p>}
      {opened && (
        <form onSubmit={save} class="add" aria-label={opened.id}>
          {!opened.exists && <p>{t.t('teams.new', { id: opened.id })}</p>}
          {field('name', t.t('teams.name'))}
          {field('ownerEmail', t.t('teams.owner'))}
          {field('members', t.t('teams.members'))}
          {field('snsFilter', t.t('teams.sns'))}
          <label>{t.t('teams.slack')}
            <input id="team-slack" dir="ltr" type="url" autocomplete="off" value={opened.slack}
              placeholder={opened.slackConfigured ? t.t('teams.slackSet') : 'https://hooks.slack.com/services/…'}
              onInput={(event) => setOpened({ ...opened, slack: (event.target as HTMLInputElement).value })} />
          </label>
          {opened.slackConfigured && (
            <label><input id="team-slack-remove" type="checkbox" checked={opened.removeSlack}
              onChange={(event) => setOpened({ ...opened, removeSlack: (event.target as HTMLInputElement).checked })} />
              {t.t('teams.slackRemove')}</label>
          )}
          <label>{t.t('teams.language')}
            <select id="team-language" value={opened.language}
              onChange={(event) => setOpened({ ...opened, language: (event.target as HTMLSelectElement).value })}>
              <option value="">English</option>
              <option value="en">English (en)</option>
              <option value="fa">فارسی (fa)</option>
              <option value="ar">العربية (ar)</option>
            </select>
          </label>
          <button type="submit" id="save-team" disabled={acted.state === 'busy'}>{t.t('teams.save')}</button>
        </form>
      )}
      <div aria-live="polite" id="teams-outcome">
        {acted.state === 'done' && <p>{t.t('settings.saved')}</p>}
        <Refusal t={t} problem={acted.state === 'refused' ? acted.problem : null} />
      </div>
    </section>
  );
}
