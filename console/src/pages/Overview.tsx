import { useEffect, useState } from 'preact/hooks';
import { call, SignInNeeded } from '../api';
import type { SignInSettings } from '../auth';
import type { Key, Texts } from '../i18n';
import { answersHref, columns, FILTERS, measuresOf, oneDecimal, previousQuery, rangeQuery, value, type Interval,
  type Measure, type Metrics, type Period } from '../metrics';
import { useRead } from '../load';
import { Drivers } from './Drivers';
import { Emerging } from './Emerging';
import { Breakdown, type Group } from './Breakdown';
import { TrendChart } from './TrendChart';

interface SurveySummary {
  id: string;
  name?: Record<string, string> | null;
}

const PRESETS = [7, 30, 90, 365];

/** Scores at a glance: each measure with its interval against the period before, and its trend. */
export function Overview({ settings, t }: { settings: SignInSettings; t: Texts }) {
  const surveys = useRead<{ items: SurveySummary[] }>(settings, '/api/surveys?limit=100');
  const [surveyId, setSurveyId] = useState<string | null>(null);
  const [preset, setPreset] = useState<number | 'custom'>(30);
  const [chosenDays, setChosenDays] = useState({ from: '', to: '' });
  const [compare, setCompare] = useState(true);
  const period: Period = preset === 'custom' && chosenDays.from && chosenDays.to && chosenDays.from <= chosenDays.to
    ? chosenDays : { days: preset === 'custom' ? 30 : preset };
  const range = rangeQuery(period);
  const [interval, setInterval] = useState<Interval>('day');
  const [measure, setMeasure] = useState<Measure>('nps');
  const [metrics, setMetrics] = useState<{ current: Metrics; previous: Metrics | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dimension, setDimension] = useState('');
  const [filterValue, setFilterValue] = useState('');
  const [groups, setGroups] = useState<Group[]>([]);
  const values = groups.map((group) => group.key);
  const where = dimension && filterValue ? dimension + '=' + filterValue : '';
  const list = surveys.state === 'answered' && surveys.answer.status === 200 ? surveys.answer.body?.items ?? [] : [];
  const chosen = surveyId ?? list[0]?.id ?? null;

  useEffect(() => {
    if (!chosen) {
      return;
    }
    // the last days by the server's clock and zone (days=); then the same length just before what it answered
    const path = (range: string, series: boolean) => '/api/surveys/' + encodeURIComponent(chosen) + '/metrics?'
      + range + (series ? '&interval=' + interval : '') + (where ? '&where=' + encodeURIComponent(where) : '');
    setProblem(null);
    call<Metrics>(settings, 'GET', path(range, true)).then(async (current) => {
      if (current.status !== 200 || !current.body) {
        setProblem(t.t(current.status === 403 ? 'overview.forbidden' : 'overview.unreadable', { status: current.status }));
        return;
      }
      const previous = compare
        ? await call<Metrics>(settings, 'GET', path(previousQuery(current.body.from, current.body.to), false)) : null;
      setMetrics({ current: current.body, previous: previous?.status === 200 ? previous.body : null });
      const present = measuresOf(current.body);
      if (present.length > 0 && !present.includes(measure)) {
        setMeasure(present[0]);
      }
    }, (failure: Error) => {
      if (!(failure instanceof SignInNeeded)) {
        setProblem(t.t('failed', { reason: failure.message }));
      }
    });
  }, [chosen, range, interval, where, compare]);

  // the values the chosen dimension has in the period, to filter by one of them
  useEffect(() => {
    setGroups([]);
    if (!chosen || !dimension) {
      return;
    }
    call<{ groups: Group[] }>(settings, 'GET', '/api/surveys/' + encodeURIComponent(chosen) + '/metrics?'
      + range + '&groupBy=' + dimension).then((answer) => {
      setGroups(answer.status === 200 && answer.body ? answer.body.groups : []);
    }, () => setGroups([]));
  }, [chosen, range, dimension]);

  if (surveys.state === 'answered' && surveys.answer.status === 403) {
    return <><h1 id="title">{t.t('overview.title')}</h1><p role="alert">{t.t('overview.forbidden')}</p></>;
  }
  const current = metrics?.current;
  return (
    <>
      <h1 id="title">{t.t('overview.title')}</h1>
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        <label>{t.t('overview.survey')}
          <select id="survey" value={chosen ?? ''} onChange={(event) => setSurveyId((event.target as HTMLSelectElement).value)}>
            {list.map((survey) => <option value={survey.id}>{survey.name?.[t.language] ?? survey.name?.en ?? survey.id}</option>)}
          </select>
        </label>
        <label>{t.t('overview.period')}
          <select id="period" value={String(preset)} onChange={(event) => {
            const picked = (event.target as HTMLSelectElement).value;
            setPreset(picked === 'custom' ? 'custom' : Number(picked));
          }}>
            {PRESETS.map((days) => <option value={String(days)}>{t.t('overview.last-days', { days })}</option>)}
            <option value="custom">{t.t('overview.custom')}</option>
          </select>
        </label>
        {preset === 'custom' ? (
          <>
            <label>{t.t('overview.from-day')}<input id="period-from" type="date" value={chosenDays.from}
              onInput={(event) => setChosenDays({ ...chosenDays, from: (event.target as HTMLInputElement).value })} /></label>
            <label>{t.t('overview.to-day')}<input id="period-to" type="date" value={chosenDays.to}
              onInput={(event) => setChosenDays({ ...chosenDays, to: (event.target as HTMLInputElement).value })} /></label>
          </>
        ) : null}
        <label class="inline"><input id="compare" type="checkbox" checked={compare}
          onChange={(event) => setCompare((event.target as HTMLInputElement).checked)} /> {t.t('overview.compare')}</label>
        <label>{t.t('overview.interval')}
          <select id="interval" value={interval} onChange={(event) => setInterval((event.target as HTMLSelectElement).value as Interval)}>
            {(['day', 'week', 'month'] as Interval[]).map((option) => <option value={option}>{t.t(('interval.' + option) as Key)}</option>)}
          </select>
        </label>
        <label>{t.t('overview.filter')}
          <select id="filter-dimension" value={dimension} onChange={(event) => {
            setDimension((event.target as HTMLSelectElement).value);
            setFilterValue('');
          }}>
            <option value="">{t.t('overview.everyone')}</option>
            {FILTERS.map((name) => <option value={name}>{t.t(('dimension.' + name) as Key)}</option>)}
          </select>
        </label>
        {dimension ? (
          <label>{t.t('overview.value')}
            <select id="filter-value" value={filterValue}
              onChange={(event) => setFilterValue((event.target as HTMLSelectElement).value)}>
              <option value="">—</option>
              {values.map((name) => <option value={name}>{name}</option>)}
            </select>
          </label>
        ) : null}
      </form>
      <div id="out" aria-live="polite">
        {problem ? <p role="alert">{problem}</p> : null}
        {current ? <Figures t={t} current={current} previous={metrics?.previous ?? null} measure={measure}
          onMeasure={setMeasure} /> : <p>{t.t('signing-in')}</p>}
        {current?.invitations ? <p id="response-rate">{current.invitations.responseRate === null
          ? t.t('overview.answered-invited', { answered: current.invitations.answered })
          : t.t('overview.response-rate', { rate: t.number(current.invitations.responseRate),
            answered: current.invitations.answered, sent: current.invitations.sent })}</p> : null}
        {current?.series ? (
          <>
            <TrendChart t={t} data={columns(current.series, measure)} label={t.t(('measure.' + measure) as Key)}
              bandLabel={t.t('overview.interval95')} lowSampleLabel={t.t('overview.low-sample')} />
            <SeriesTable t={t} current={current} measure={measure} />
            <p><a id="answers-link" href={answersHref(current.surveyId, where, current.from, current.to)}>
              {t.t('overview.see-answers')}</a></p>
          </>
        ) : null}
        {dimension && !filterValue && groups.length > 0 ? <Breakdown t={t} groups={groups} measure={measure}
          dimension={dimension} onChoose={setFilterValue} /> : null}
        {chosen && current && !where ? <Drivers settings={settings} t={t} surveyId={chosen} from={current.from}
          to={current.to} /> : null}
        {chosen && !where ? <Emerging settings={settings} t={t} surveyId={chosen} /> : null}
      </div>
    </>
  );
}

function Figures({ t, current, previous, measure, onMeasure }: { t: Texts; current: Metrics; previous: Metrics | null;
  measure: Measure; onMeasure: (measure: Measure) => void }) {
  const present = measuresOf(current);
  if (present.length === 0) {
    return <p>{t.t('overview.no-answers')}</p>;
  }
  return (
    <ul class="figures">
      {present.map((shown) => {
        const figure = current[shown];
        const now = value(figure);
        const before = previous ? value(previous[shown]) : null;
        return (
          <li class={shown === measure ? 'chosen' : undefined} data-measure={shown}>
            <button type="button" aria-pressed={shown === measure} onClick={() => onMeasure(shown)}>
              <span class="name">{t.t(('measure.' + shown) as Key)}</span>
              <span class="value">{now === null ? '—' : t.number(oneDecimal(now))}</span>
              {figure?.ci95 ? <span class="ci">{t.t('overview.ci', { low: oneDecimal(figure.ci95[0]),
                high: oneDecimal(figure.ci95[1]) })}</span> : null}
              <span class="n">{t.t('overview.n', { n: figure?.n ?? 0 })}{figure?.lowSample ? ' · ' + t.t('overview.low-sample') : ''}</span>
              {now !== null && before !== null ? (
                <span class="delta">{t.t('overview.versus', { delta: (now - before >= 0 ? '+' : '') + t.number(oneDecimal(now - before)) })}</span>
              ) : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function SeriesTable({ t, current, measure }: { t: Texts; current: Metrics; measure: Measure }) {
  return (
    <details>
      <summary>{t.t('overview.table')}</summary>
      <table id="series">
        <thead><tr><th scope="col">{t.t('overview.from')}</th><th scope="col">{t.t(('measure.' + measure) as Key)}</th>
          <th scope="col">{t.t('overview.interval95')}</th><th scope="col">{t.t('overview.answers')}</th></tr></thead>
        <tbody>
          {(current.series ?? []).map((point) => {
            const figure = point[measure];
            const shown = value(figure);
            return (
              <tr class={figure?.lowSample && (figure?.n ?? 0) > 0 ? 'low-sample' : undefined}>
                <td>{t.day(point.start)}</td><td>{shown === null ? '—' : t.number(oneDecimal(shown))}</td>
                <td>{figure?.ci95 ? t.number(oneDecimal(figure.ci95[0])) + ' … ' + t.number(oneDecimal(figure.ci95[1]))
                  : '—'}</td>
                <td>{t.number(point.responses)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
