/**
 * Line charts as plain SVG text, for the report: logarithmic or linear axes, one line per
 * series with a legend, and optional dashed target lines. No library, no script, no fonts.
 */

export interface Series {
  name: string;
  points: { x: number; y: number }[];
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  logX?: boolean;
  logY?: boolean;
  /** Horizontal reference lines, such as a target. */
  targets?: { y: number; label: string }[];
  /** Tick labels for x values; defaults to the number. */
  formatX?: (x: number) => string;
  width?: number;
  height?: number;
}

const COLOURS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#d97706', '#0891b2', '#db2777'];

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function niceTicks(min: number, max: number, log: boolean): number[] {
  if (log) {
    const ticks: number[] = [];
    for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e += 1) {
      for (const m of [1, 2, 5]) {
        const v = m * 10 ** e;
        if (v >= min * 0.999 && v <= max * 1.001) ticks.push(v);
      }
    }
    return ticks.length >= 2 ? ticks : [min, max];
  }
  const span = max - min || 1;
  const step = 10 ** Math.floor(Math.log10(span / 5));
  const unit = [1, 2, 5, 10].map((m) => m * step).find((s) => span / s <= 6) ?? step * 10;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / unit) * unit; v <= max + unit / 1000; v += unit)
    ticks.push(+v.toPrecision(12));
  return ticks;
}

const formatNumber = (v: number) =>
  v >= 1_000_000 ? `${v / 1_000_000}M` : v >= 1_000 ? `${v / 1_000}k` : `${+v.toPrecision(3)}`;

/** Renders a line chart; points with non-finite or (on log axes) non-positive values are skipped. */
export function lineChart(options: ChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const margin = { top: 40, right: 170, bottom: 50, left: 64 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const usable = (v: number, log: boolean | undefined) => Number.isFinite(v) && (!log || v > 0);
  const series = options.series.map((s) => ({
    ...s,
    points: s.points.filter((p) => usable(p.x, options.logX) && usable(p.y, options.logY)),
  }));
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const ys = [
    ...series.flatMap((s) => s.points.map((p) => p.y)),
    ...(options.targets ?? []).map((t) => t.y),
  ];
  if (xs.length === 0) xs.push(1, 10);
  if (ys.length === 0) ys.push(1, 10);
  let [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  let [yMin, yMax] = [Math.min(...ys), Math.max(...ys)];
  if (options.logY) {
    yMin = 10 ** Math.floor(Math.log10(yMin));
    yMax = 10 ** Math.ceil(Math.log10(yMax));
  } else {
    yMin = Math.min(0, yMin);
    yMax = yMax * 1.1 || 1;
  }
  if (xMin === xMax) [xMin, xMax] = options.logX ? [xMin / 2, xMax * 2] : [xMin - 1, xMax + 1];
  const scale = (v: number, min: number, max: number, log: boolean | undefined) =>
    log
      ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
      : (v - min) / (max - min);
  const px = (x: number) => margin.left + scale(x, xMin, xMax, options.logX) * plotW;
  const py = (y: number) => margin.top + plotH - scale(y, yMin, yMax, options.logY) * plotH;
  const formatX = options.formatX ?? formatNumber;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin.left}" y="22" font-size="14" font-weight="bold">${escape(options.title)}</text>`,
  ];
  for (const t of niceTicks(yMin, yMax, options.logY ?? false)) {
    const y = py(t).toFixed(1);
    parts.push(
      `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${y}" y2="${y}" stroke="#e5e7eb"/>`,
      `<text x="${margin.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle" fill="#374151">${formatNumber(t)}</text>`,
    );
  }
  const xTicks = options.logX
    ? [...new Set(xs)].sort((a, b) => a - b)
    : niceTicks(xMin, xMax, false);
  for (const t of xTicks) {
    const x = px(t).toFixed(1);
    parts.push(
      `<line x1="${x}" x2="${x}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#f3f4f6"/>`,
      `<text x="${x}" y="${margin.top + plotH + 16}" text-anchor="middle" fill="#374151">${escape(formatX(t))}</text>`,
    );
  }
  parts.push(
    `<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#9ca3af"/>`,
    `<text x="${margin.left + plotW / 2}" y="${height - 10}" text-anchor="middle">${escape(options.xLabel)}</text>`,
    `<text transform="translate(16 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escape(options.yLabel)}</text>`,
  );
  for (const target of options.targets ?? []) {
    const y = py(target.y).toFixed(1);
    parts.push(
      `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${y}" y2="${y}" stroke="#6b7280" stroke-dasharray="6 4"/>`,
      `<text x="${margin.left + plotW - 4}" y="${Number(y) - 5}" text-anchor="end" fill="#6b7280">${escape(target.label)}</text>`,
    );
  }
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const points = [...s.points].sort((a, b) => a.x - b.x);
    if (points.length > 1) {
      const d = points
        .map((p, j) => `${j === 0 ? 'M' : 'L'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`)
        .join(' ');
      parts.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"/>`);
    }
    for (const p of points) {
      parts.push(
        `<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="3.5" fill="${colour}"/>`,
      );
    }
    const ly = margin.top + 10 + i * 20;
    parts.push(
      `<line x1="${width - margin.right + 12}" x2="${width - margin.right + 32}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="2"/>`,
      `<text x="${width - margin.right + 38}" y="${ly}" dominant-baseline="middle">${escape(s.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
