/** One bar of a chart: its label, its length (0…100) and the figure written beside it. */
export interface Bar {
  key: string;
  label: string;
  width: number;
  figure: string;
  negative?: boolean;
}

/**
 * A horizontal bar chart in HTML and SVG (no script draws it, no inline style: the console's CSP allows neither):
 * each bar's figure is written beside it, and the page's table says the same again for screen readers.
 */
export function Bars({ id, title, bars, empty }: { id: string; title: string; bars: Bar[]; empty: string }) {
  return (
    <figure class="bars" id={id} aria-labelledby={id + '-title'}>
      <figcaption id={id + '-title'}>{title}</figcaption>
      {bars.length === 0 ? <p>{empty}</p> : (
        <ul>
          {bars.map((bar) => (
            <li data-key={bar.key}>
              <span class="label" dir="auto">{bar.label}</span>
              <svg class={bar.negative ? 'bar negative' : 'bar'} viewBox="0 0 100 10" preserveAspectRatio="none"
                aria-hidden="true" focusable="false">
                <rect x="0" y="0" width={Math.max(bar.width, 0.5)} height="10" />
              </svg>
              <span class="figure">{bar.figure}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
