import { useMemo, useState } from 'preact/hooks';
import type { SignInSettings } from '../../auth';
import type { Texts } from '../../i18n';
import { useRead } from '../../load';
import { barWidths, effectivenessPath, percent, periodOf, PERIODS, ranked, windowOf, type Effectiveness,
  type Figures } from '../../reports';
import { Bars } from './Bars';
import { DigestPreview } from './DigestPreview';

/**
 * How well closing the loop works (`GET /api/reports/effectiveness`) over a period: the closed cases, how many were
 * re-surveyed, how many detractors came back as promoters, and the average change, overall, by team and by theme —
 * as bars and as a table. Then, for those who may read teams, a team's weekly digest as it stands.
 */
export function ReportsPage({ settings, t, readsTeams }: { settings: SignInSettings; t: Texts; readsTeams: boolean }) {
  const [days, setDays] = useState<string>('90');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  // the period is fixed when chosen, not at each render, so the report is read once per choice
  const window = useMemo(() => (days === 'custom' ? windowOf(fromDay, toDay) : periodOf(Number(days), new Date())),
    [days, fromDay, toDay]);
  const report = useRead<Effectiveness>(settings, window ? effectivenessPath(window) : null);
  const answered = report.state === 'answered' && report.answer.status === 200 ? report.answer.body : null;
  return (
    <>
      <h1 id="title">{t.t('reports.title')}</h1>
      <section aria-labelledby="effectiveness-title">
        <h2 id="effectiveness-title">{t.t('effectiveness.title')}</h2>
        <p>{t.t('effectiveness.intro')}</p>
        <form class="filters" onSubmit={(event) => event.preventDefault()}>
          <label>{t.t('effectiveness.period')}
            <select id="period" value={days} onChange={(event) => setDays((event.target as HTMLSelectElement).value)}>
              {PERIODS.map((preset) => <option value={String(preset)}>{t.t('overview.last-days', { days: preset })}</option>)}
              <option value="custom">{t.t('effectiveness.custom')}</option>
            </select>
          </label>
          {days === 'custom' ? (
            <>
              <label>{t.t('effectiveness.from')}
                <input id="from" type="date" value={fromDay} onInput={(event) => setFromDay((event.target as HTMLInputElement).value)} />
              </label>
              <label>{t.t('effectiveness.to')}
                <input id="to" type="date" value={toDay} onInput={(event) => setToDay((event.target as HTMLInputElement).value)} />
              </label>
            </>
          ) : null}
        </form>
        <div id="effectiveness" aria-live="polite">
          {!window ? <p>{t.t('effectiveness.choose-days')}</p>
            : report.state === 'answered' && report.answer.status !== 200 ? <p role="alert">{t.t(
              report.answer.status === 403 ? 'reports.forbidden' : 'reports.unreadable', { status: report.answer.status })}</p>
              : report.state === 'failed' ? <p role="alert">{t.t('failed', { reason: report.reason })}</p>
                : answered ? <Report t={t} report={answered} /> : <p>{t.t('signing-in')}</p>}
        </div>
      </section>
      {readsTeams ? <DigestPreview settings={settings} t={t} teams={answered?.byTeam.map((team) => team.key) ?? []} /> : null}
    </>
  );
}

function Report({ t, report }: { t: Texts; report: Effectiveness }) {
  const overall = report.overall;
  if (overall.closedCases === 0) {
    return <p id="effectiveness-empty">{t.t('effectiveness.none')}</p>;
  }
  const teams = ranked(report.byTeam);
  const themes = ranked(report.byTheme);
  const shareBars = (groups: Figures[]) => {
    const widths = groups.map((group) => percent(group.recoveredShare) ?? 0);
    return groups.map((group, i) => ({ key: group.key, label: group.key, width: widths[i],
      figure: group.recoveredShare === null ? '—' : t.t('effectiveness.percent', { value: percent(group.recoveredShare) ?? 0 }) }));
  };
  const changeWidths = barWidths(teams.map((group) => group.averageChange ?? 0));
  return (
    <>
      <ul class="counts" id="effectiveness-overall">
        <Count name="closedCases" label={t.t('effectiveness.closed')} value={t.number(overall.closedCases)} />
        <Count name="remeasured" label={t.t('effectiveness.remeasured')} value={t.number(overall.remeasured)} />
        <Count name="detractorsBefore" label={t.t('effectiveness.detractors')} value={t.number(overall.detractorsBefore)} />
        <Count name="recovered" label={t.t('effectiveness.recovered')} value={t.number(overall.recovered)} />
        <Count name="recoveredShare" label={t.t('effectiveness.share')} value={overall.recoveredShare === null ? '—'
          : t.t('effectiveness.percent', { value: percent(overall.recoveredShare) ?? 0 })} />
        <Count name="averageChange" label={t.t('effectiveness.change')} value={change(t, overall.averageChange)} />
      </ul>
      <div class="charts">
        <Bars id="share-by-team" title={t.t('effectiveness.share-by-team')} bars={shareBars(teams)}
          empty={t.t('effectiveness.no-groups')} />
        <Bars id="share-by-theme" title={t.t('effectiveness.share-by-theme')} bars={shareBars(themes)}
          empty={t.t('effectiveness.no-groups')} />
        <Bars id="change-by-team" title={t.t('effectiveness.change-by-team')} empty={t.t('effectiveness.no-groups')}
          bars={teams.map((group, i) => ({ key: group.key, label: group.key, width: changeWidths[i],
            negative: (group.averageChange ?? 0) < 0, figure: change(t, group.averageChange) }))} />
      </div>
      <FiguresTable t={t} id="by-team" caption={t.t('effectiveness.by-team')} groups={teams} />
      <FiguresTable t={t} id="by-theme" caption={t.t('effectiveness.by-theme')} groups={themes} />
    </>
  );
}

function Count({ name, label, value }: { name: string; label: string; value: string }) {
  return <li data-figure={name}><span class="value">{value}</span> {label}</li>;
}

function change(t: Texts, value: number | null): string {
  return value === null ? '—' : (value >= 0 ? '+' : '−') + t.number(Math.round(Math.abs(value) * 10) / 10);
}

function FiguresTable({ t, id, caption, groups }: { t: Texts; id: string; caption: string; groups: Figures[] }) {
  return (
    <div class="table">
      <table id={id}>
        <caption>{caption}</caption>
        <thead><tr>
          <th scope="col">{t.t('effectiveness.group')}</th><th scope="col">{t.t('effectiveness.closed')}</th>
          <th scope="col">{t.t('effectiveness.remeasured')}</th><th scope="col">{t.t('effectiveness.detractors')}</th>
          <th scope="col">{t.t('effectiveness.recovered')}</th><th scope="col">{t.t('effectiveness.share')}</th>
          <th scope="col">{t.t('effectiveness.change')}</th>
        </tr></thead>
        <tbody>
          {groups.map((group) => (
            <tr data-key={group.key}>
              <th scope="row" dir="auto">{group.key}</th><td>{t.number(group.closedCases)}</td>
              <td>{t.number(group.remeasured)}</td><td>{t.number(group.detractorsBefore)}</td>
              <td>{t.number(group.recovered)}</td>
              <td>{group.recoveredShare === null ? '—' : t.t('effectiveness.percent', { value: percent(group.recoveredShare) ?? 0 })}</td>
              <td>{change(t, group.averageChange)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
