import type { DatasetResult } from './measure-dataset.js';

interface Series {
  label: string;
  colour: string;
  points: [number, number][];
}

/**
 * An SVG chart of time against data size, both on log scales: clones stay flat while restores
 * rise with the data. One line per engine and operation, from the generated datasets.
 */
export function timeAgainstSizeChart(results: DatasetResult[], title: string): string {
  const charted = results.filter((r) => r.sizeMb > 0).sort((a, b) => a.sizeMb - b.sizeMb);
  const series: Series[] = [];
  const colours = ['#1f77b4', '#2ca02c', '#d62728', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
  const add = (label: string, pick: (r: DatasetResult) => number | undefined, engine: string) => {
    const points = charted
      .filter((r) => r.engine === engine)
      .flatMap((r): [number, number][] => {
        const value = pick(r);
        return value === undefined ? [] : [[r.sizeMb, value / 1000]];
      });
    if (points.length)
      series.push({ label, colour: colours[series.length % colours.length] ?? '#000', points });
  };
  for (const engine of new Set(charted.map((r) => r.engine))) {
    add(`${engine}: clone create`, (r) => r.createMs.median, engine);
    add(`${engine}: clone reset`, (r) => r.resetMs.median, engine);
    add(`${engine}: reset with a standby`, (r) => r.standbyResetMs?.median, engine);
    add(
      `${engine}: restore into a fresh container`,
      (r) => r.baselines?.freshContainerRestoreMs.median,
      engine,
    );
    add(`${engine}: restore into a shared server`, (r) => r.baselines?.sharedServerRestoreMs.median, engine);
  }
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return '';
  const width = 760;
  const height = 440;
  const margin = { left: 70, right: 260, top: 40, bottom: 50 };
  const xs = all.map(([x]) => Math.log10(x));
  const ys = all.map(([, y]) => Math.log10(Math.max(y, 0.01)));
  const [x0, x1] = [Math.floor(Math.min(...xs)), Math.ceil(Math.max(...xs))];
  const [y0, y1] = [Math.floor(Math.min(...ys)), Math.ceil(Math.max(...ys))];
  const px = (x: number) =>
    margin.left + ((Math.log10(x) - x0) / Math.max(x1 - x0, 1)) * (width - margin.left - margin.right);
  const py = (y: number) =>
    height -
    margin.bottom -
    ((Math.log10(Math.max(y, 0.01)) - y0) / Math.max(y1 - y0, 1)) * (height - margin.top - margin.bottom);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${margin.left}" y="22" font-size="14" font-weight="bold">${escape(title)}</text>`,
  ];
  for (let e = x0; e <= x1; e++) {
    const x = px(10 ** e);
    parts.push(`<line x1="${x}" y1="${margin.top}" x2="${x}" y2="${height - margin.bottom}" stroke="#ddd"/>`);
    parts.push(
      `<text x="${x}" y="${height - margin.bottom + 18}" text-anchor="middle">${sizeLabel(10 ** e)}</text>`,
    );
  }
  for (let e = y0; e <= y1; e++) {
    const y = py(10 ** e);
    parts.push(`<line x1="${margin.left}" y1="${y}" x2="${width - margin.right}" y2="${y}" stroke="#ddd"/>`);
    parts.push(`<text x="${margin.left - 8}" y="${y + 4}" text-anchor="end">${10 ** e} s</text>`);
  }
  parts.push(
    `<text x="${(margin.left + width - margin.right) / 2}" y="${height - 12}" text-anchor="middle">data size (log scale)</text>`,
    `<text x="16" y="${(margin.top + height - margin.bottom) / 2}" transform="rotate(-90 16 ${(margin.top + height - margin.bottom) / 2})" text-anchor="middle">median time, seconds (log scale)</text>`,
  );
  series.forEach((s, index) => {
    const path = s.points
      .map(([x, y], i) => `${i ? 'L' : 'M'}${px(x).toFixed(1)},${py(y).toFixed(1)}`)
      .join(' ');
    parts.push(`<path d="${path}" fill="none" stroke="${s.colour}" stroke-width="2"/>`);
    for (const [x, y] of s.points)
      parts.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3" fill="${s.colour}"/>`);
    const ly = margin.top + 10 + index * 18;
    const lx = width - margin.right + 16;
    parts.push(
      `<line x1="${lx}" y1="${ly}" x2="${lx + 18}" y2="${ly}" stroke="${s.colour}" stroke-width="2"/>`,
    );
    parts.push(`<text x="${lx + 24}" y="${ly + 4}">${escape(s.label)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function sizeLabel(mb: number): string {
  return mb >= 1024 ? `${mb / 1024} GB` : `${mb} MB`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
