import type { SignInSettings } from '../auth';
import type { Texts } from '../i18n';
import { useRead } from '../load';
import { answersHref, oneDecimal } from '../metrics';

interface Driver {
  key: string;
  responses: number;
  /** In percent of the answers. */
  share: number;
  impact: number | null;
  impactCi95: [number, number] | null;
}

/** The themes that cost the survey most NPS points in the period, each leading to the answers behind it. */
export function Drivers({ settings, t, surveyId, from, to }:
  { settings: SignInSettings; t: Texts; surveyId: string; from: string; to: string }) {
  const loaded = useRead<{ drivers: Driver[] }>(settings, '/api/surveys/' + encodeURIComponent(surveyId)
    + '/drivers?by=theme&from=' + from + '&to=' + to);
  if (loaded.state !== 'answered' || loaded.answer.status !== 200 || !loaded.answer.body) {
    return null;
  }
  const drivers = loaded.answer.body.drivers.filter((driver) => driver.impact !== null).slice(0, 5);
  return (
    <section aria-labelledby="drivers-title">
      <h2 id="drivers-title">{t.t('drivers.title')}</h2>
      {drivers.length === 0 ? <p>{t.t('drivers.none')}</p> : (
        <ol id="drivers">
          {drivers.map((driver) => (
            <li>
              <a href={answersHref(surveyId, 'theme=' + driver.key, from, to)}>{driver.key}</a>{' — '}
              {t.t('drivers.impact', { impact: oneDecimal(driver.impact ?? 0), share: oneDecimal(driver.share),
                n: driver.responses })}
              {driver.impactCi95 ? ' ' + t.t('overview.ci', { low: oneDecimal(driver.impactCi95[0]),
                high: oneDecimal(driver.impactCi95[1]) }) : ''}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
