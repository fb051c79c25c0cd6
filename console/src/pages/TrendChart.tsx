import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Texts } from '../i18n';
import type { Columns } from '../metrics';

/**
 * The trend: the value per bucket, its 95% interval as a band, low-sample points drawn apart. uPlot draws on a canvas
 * (small and fast with long series); the table beside it says the same for screen readers and keyboards.
 */
export function TrendChart({ t, data, label, bandLabel, lowSampleLabel }:
  { t: Texts; data: Columns; label: string; bandLabel: string; lowSampleLabel: string }) {
  const target = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!target.current) {
      return undefined;
    }
    const lowOnly = data.y.map((y, i) => (data.lowSample[i] ? y : null));
    const container = target.current;
    // dates and figures as the rest of the page writes them: Solar Hijri and Persian digits in fa, say
    const day = (seconds: number) => t.day(new Date(seconds * 1000).toISOString().slice(0, 10));
    const figure = (_: uPlot, value: number | null) => (value === null || value === undefined ? '--' : t.number(value));
    const chart = new uPlot({
      width: container.clientWidth || 320,
      height: 260,
      series: [
        { label: t.t('overview.when'), value: (_: uPlot, seconds: number | null) => (seconds == null ? '--' : day(seconds)) },
        { label, value: figure, stroke: '#3a5fcd', width: 2, spanGaps: false, points: { show: true, size: 5 } },
        { label: bandLabel + ' −', value: figure, stroke: 'transparent', points: { show: false } },
        { label: bandLabel + ' +', value: figure, stroke: 'transparent', points: { show: false } },
        { label: lowSampleLabel, value: figure, stroke: '#b35c00', fill: '#fff', paths: () => null,
          points: { show: true, size: 9, width: 2, stroke: '#b35c00', fill: '#fff' } },
      ],
      bands: [{ series: [3, 2], fill: 'rgba(58, 95, 205, 0.15)' }],
      axes: [{ space: 110, values: (_: uPlot, splits: number[]) => splits.map(day) },
        { size: 50, values: (_: uPlot, splits: number[]) => splits.map((split) => t.number(split)) }],
      legend: { show: true },
    }, [data.x, data.y, data.low, data.high, lowOnly] as uPlot.AlignedData, container);
    // as wide as the page gives it, a phone's too: follows its container
    const resized = new ResizeObserver(() => chart.setSize({ width: container.clientWidth || 320, height: 260 }));
    resized.observe(container);
    return () => {
      resized.disconnect();
      chart.destroy();
    };
  }, [data, label, t.language]);
  return <div ref={target} class="chart" dir="ltr" role="img" aria-label={label} />;
}
