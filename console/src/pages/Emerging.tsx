import type { SignInSettings } from '../auth';
import type { Texts } from '../i18n';
import { useRead } from '../load';
import { answersHref, oneDecimal, topicWhere, type Topic } from '../metrics';

/** What is new this week: the phrases whose share of answers rose, each leading to the answers behind it. */
export function Emerging({ settings, t, surveyId }: { settings: SignInSettings; t: Texts; surveyId: string }) {
  const loaded = useRead<{ from: string; to: string; topics: Topic[] }>(settings,
    '/api/surveys/' + encodeURIComponent(surveyId) + '/emerging?limit=5');
  if (loaded.state !== 'answered' || loaded.answer.status !== 200 || !loaded.answer.body) {
    return null;
  }
  const { from, to, topics } = loaded.answer.body;
  return (
    <section aria-labelledby="emerging-title">
      <h2 id="emerging-title">{t.t('emerging.title')}</h2>
      {topics.length === 0 ? <p>{t.t('emerging.none')}</p> : (
        <ol id="emerging">
          {topics.map((topic) => (
            <li>
              <a href={answersHref(surveyId, topicWhere(topic), from, to)} lang={topic.language} dir="auto">{topic.phrase}</a>
              {' — '}{t.t('emerging.item', { n: topic.responses, share: oneDecimal(topic.share),
                before: oneDecimal(topic.shareBefore) })}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
