import { useState } from 'preact/hooks';
import { call, SignInNeeded } from '../../api';
import type { SignInSettings } from '../../auth';
import type { Texts } from '../../i18n';
import { isTeamId, type DigestPreview as Preview } from '../../reports';

type Shown = { state: 'idle' } | { state: 'asking' } | { state: 'shown'; preview: Preview }
  | { state: 'refused'; message: string };

/**
 * A team's weekly digest for the week so far, as its owner would get it once the week is over
 * (`GET /api/teams/{teamId}/digest/preview`, which sends nothing). The text part is shown: the HTML part's bars are
 * styled inline, which the console's CSP (style-src 'self') would strip in a frame, so it would mislead.
 */
export function DigestPreview({ settings, t, teams }: { settings: SignInSettings; t: Texts; teams: string[] }) {
  const [team, setTeam] = useState('');
  const [shown, setShown] = useState<Shown>({ state: 'idle' });
  const ask = async (event: Event) => {
    event.preventDefault();
    if (!isTeamId(team)) {
      setShown({ state: 'refused', message: t.t('digest.bad-team') });
      return;
    }
    setShown({ state: 'asking' });
    try {
      const answer = await call<Preview & { error?: { message: string } }>(settings, 'GET',
        '/api/teams/' + encodeURIComponent(team.trim()) + '/digest/preview');
      setShown(answer.status === 200 && answer.body ? { state: 'shown', preview: answer.body }
        : { state: 'refused', message: answer.status === 404 ? t.t('digest.no-team', { team: team.trim() })
          : t.t('refused', { reason: answer.body?.error?.message ?? String(answer.status) }) });
    } catch (failure) {
      if (!(failure instanceof SignInNeeded)) {
        setShown({ state: 'refused', message: t.t('failed', { reason: (failure as Error).message }) });
      }
    }
  };
  return (
    <section aria-labelledby="digest-title" class="digest">
      <h2 id="digest-title">{t.t('digest.title')}</h2>
      <p>{t.t('digest.intro')}</p>
      <form class="search" onSubmit={ask}>
        <label for="digest-team">{t.t('digest.team')}</label>
        <input id="digest-team" list="digest-teams" dir="ltr" autocomplete="off" value={team}
          aria-describedby={shown.state === 'refused' ? 'digest-problem' : undefined}
          onInput={(event) => setTeam((event.target as HTMLInputElement).value)} />
        <datalist id="digest-teams">{teams.map((known) => <option value={known} />)}</datalist>
        <button type="submit" id="digest-button" disabled={shown.state === 'asking'}>{t.t('digest.show')}</button>
      </form>
      <div aria-live="polite" id="digest-out">
        {shown.state === 'refused' ? <p role="alert" class="refusal" id="digest-problem">{shown.message}</p> : null}
        {shown.state === 'shown' ? (
          <section class="preview" id="digest-preview" aria-label={t.t('digest.preview')}>
            <p class="meta">{t.t('digest.to', { to: shown.preview.to.join(', '), week: shown.preview.week })}</p>
            <p class="subject" id="digest-subject" dir="auto">{shown.preview.subject}</p>
            <pre id="digest-text" dir="ltr">{shown.preview.text}</pre>
          </section>
        ) : null}
      </div>
    </section>
  );
}
