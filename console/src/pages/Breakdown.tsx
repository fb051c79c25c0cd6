import type { Key, Texts } from '../i18n';
import { value, type Figure, type Measure } from '../metrics';

export interface Group {
  key: string;
  responses: number;
  nps?: Figure | null;
  enps?: Figure | null;
  csat?: Figure | null;
  ces?: Figure | null;
}

/** Where a value sits on the measure's scale, in percent of the bar's width. */
function place(measure: Measure, at: number): number {
  const [low, high] = measure === 'ces' ? [1, 7] : measure === 'csat' ? [0, 100] : [-100, 100];
  return Math.max(0, Math.min(100, ((at - low) / (high - low)) * 100));
}

/**
 * One dimension's groups (plan, region, theme, …), largest first: the measure per group with its 95% interval, as a
 * table whose bars draw the value and the interval's whisker; choosing a group keeps only its answers.
 */
export function Breakdown({ t, groups, measure, dimension, onChoose }: {
  t: Texts; groups: Group[]; measure: Measure; dimension: string; onChoose: (key: string) => void;
}) {
  const shown = [...groups].sort((a, b) => b.responses - a.responses);
  return (
    <section class="breakdown" aria-labelledby="breakdown-title">
      <h2 id="breakdown-title">{t.t('breakdown.title', { measure: t.t(('measure.' + measure) as Key),
        dimension: t.t(('dimension.' + dimension) as Key) })}</h2>
      <div class="scrolls">
        <table id="breakdown">
          <thead><tr><th scope="col">{t.t(('dimension.' + dimension) as Key)}</th>
            <th scope="col">{t.t(('measure.' + measure) as Key)}</th><th scope="col">{t.t('overview.interval95')}</th>
            <th scope="col">{t.t('overview.answers')}</th></tr></thead>
          <tbody>
            {shown.map((group) => {
              const figure = group[measure];
              const at = value(figure);
              return (
                <tr class={figure?.lowSample ? 'low-sample' : undefined} data-group={group.key}>
                  <th scope="row"><button type="button" class="link" onClick={() => onChoose(group.key)}>{group.key}</button></th>
                  <td>
                    <span class="bar" aria-hidden="true">
                      {figure?.ci95 && <span class="whisker" style={{ insetInlineStart: place(measure, figure.ci95[0]) + '%',
                        width: (place(measure, figure.ci95[1]) - place(measure, figure.ci95[0])) + '%' }} />}
                      {at !== null && <span class="dot" style={{ insetInlineStart: place(measure, at) + '%' }} />}
                    </span>
                    {at === null ? '—' : t.number(Math.round(at * 10) / 10)}
                  </td>
                  <td>{figure?.ci95 ? t.number(Math.round(figure.ci95[0] * 10) / 10) + ' … '
                    + t.number(Math.round(figure.ci95[1] * 10) / 10) : '—'}</td>
                  <td>{t.number(group.responses)}{figure?.lowSample ? ' · ' + t.t('overview.low-sample') : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
