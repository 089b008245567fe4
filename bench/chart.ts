import { coldStartMs, type ColdResult } from './measure-cold.js';
import type { DatasetResult } from './measure-dataset.js';

/** One operation: the same colour in every panel; the dash tells variants of it apart. */
interface Operation {
  label: string;
  colour: string;
  dash?: string;
}

interface Series extends Operation {
  points: [sizeMb: number, seconds: number][];
}

interface Panel {
  title: string;
  series: Series[];
}

const BLUE = '#1f63b4';
const GREEN = '#2a9d3a';
const PURPLE = '#8a4fbf';
const RED = '#d62728';
const ORANGE = '#e6800e';
const GREY = '#7f7f7f';

/**
 * Time against data size, both on log scales, one panel per engine: clones stay flat while
 * restores rise with the data. One colour per operation, the same in every panel; the raw
 * Docker floor (a container of the image started and stopped, no server) drawn in grey where
 * the run measured it.
 */
export function timeAgainstSizeChart(results: DatasetResult[], title: string): string {
  const charted = results.filter((r) => r.sizeMb > 0).sort((a, b) => a.sizeMb - b.sizeMb);
  const operations: [Operation, (r: DatasetResult) => number | undefined][] = [
    [{ label: 'clone create', colour: BLUE }, (r) => r.createMs.median],
    [
      { label: 'clone create, host networking', colour: BLUE, dash: '6 4' },
      (r) => r.hostNetworking?.createMs.median,
    ],
    [{ label: 'clone reset', colour: GREEN }, (r) => r.resetMs.median],
    [{ label: 'reset with a standby', colour: PURPLE }, (r) => r.standbyResetMs?.median],
    [
      { label: 'restore into a fresh container', colour: RED },
      (r) => r.baselines?.freshContainerRestoreMs.median,
    ],
    [
      { label: 'restore into a shared server', colour: ORANGE },
      (r) => r.baselines?.sharedServerRestoreMs.median,
    ],
    [
      { label: 'Docker alone: start a container, no server', colour: GREY, dash: '2 3' },
      (r) => r.dockerFloorMs?.median,
    ],
  ];
  const panels = [...new Set(charted.map((r) => r.engine))].map((engine) => ({
    title: engineName(engine),
    series: operations.map(([operation, pick]) => ({
      ...operation,
      points: seriesPoints(
        charted.filter((r) => r.engine === engine),
        pick,
      ),
    })),
  }));
  return panelChart(title, panels);
}

/**
 * Cold start beside warm start, from one cold run: on the left the image is on the Docker host
 * (the next clone, against restoring a dump already on the runner); on the right the runner has
 * never seen it (pull and the first clone, against downloading the dump and restoring it).
 */
export function coldStartChart(results: ColdResult[], title: string): string {
  const charted = [...results].sort((a, b) => a.sizeMb - b.sizeMb);
  const byEngine = [...new Set(charted.map((r) => r.engine))];
  const panels: Panel[] = byEngine.flatMap((engine) => {
    const rows = charted.filter((r) => r.engine === engine);
    const name = byEngine.length > 1 ? `${engineName(engine)}: ` : '';
    const series = (operation: Operation, pick: (r: ColdResult) => number | undefined): Series => ({
      ...operation,
      points: seriesPoints(rows, pick),
    });
    return [
      {
        title: `${name}warm start: the image is on the host`,
        series: [
          series(
            { label: 'dataclone: clone create', colour: BLUE },
            (r) => r.basePresent.nextCreateMs.median,
          ),
          series(
            { label: 'restore: into a fresh container', colour: RED },
            (r) => r.baseline.freshContainerRestoreMs.median,
          ),
        ],
      },
      {
        title: `${name}cold start: the runner never saw it`,
        series: [
          series(
            { label: 'dataclone: pull + first clone (base image there)', colour: BLUE, dash: '6 4' },
            (r) => coldStartMs(r.basePresent),
          ),
          series(
            { label: 'dataclone: the same without unpigz', colour: BLUE, dash: '2 3' },
            (r) => r.basePresentWithoutUnpigz && coldStartMs(r.basePresentWithoutUnpigz),
          ),
          series({ label: 'dataclone: pull + first clone (no base image)', colour: GREY, dash: '6 4' }, (r) =>
            coldStartMs(r.baseAbsent),
          ),
          series(
            { label: 'restore: download the dump + restore', colour: RED, dash: '6 4' },
            (r) => r.baseline.transferMs.median + r.baseline.freshContainerRestoreMs.median,
          ),
        ],
      },
    ];
  });
  return panelChart(title, panels);
}

function seriesPoints<R extends { sizeMb: number }>(
  rows: R[],
  pick: (r: R) => number | undefined,
): [number, number][] {
  return rows.flatMap((r): [number, number][] => {
    const value = pick(r);
    return value === undefined ? [] : [[r.sizeMb, value / 1000]];
  });
}

const PANEL = { width: 360, height: 300 };
const MARGIN = { left: 80, right: 16, top: 56, bottom: 44, gap: 24 };

/** Panels side by side on shared log scales, one legend under them naming each operation once. */
function panelChart(title: string, allPanels: Panel[]): string {
  const panels = allPanels
    .map((panel) => ({ ...panel, series: panel.series.filter((s) => s.points.length) }))
    .filter((panel) => panel.series.length);
  const points = panels.flatMap((panel) => panel.series.flatMap((s) => s.points));
  if (points.length === 0) return '';
  const seconds = points.map(([, y]) => Math.max(y, 0.01));
  const yRange = [
    Math.floor(Math.log10(Math.min(...seconds))),
    Math.ceil(Math.log10(Math.max(...seconds))),
  ] as const;
  const yDecades = Math.max(yRange[1] - yRange[0], 1);
  const legend = legendEntries(panels);
  const legendColumns = 2;
  const legendRows = Math.ceil(legend.length / legendColumns);
  const width = MARGIN.left + panels.length * (PANEL.width + MARGIN.gap) - MARGIN.gap + MARGIN.right;
  const plotBottom = MARGIN.top + PANEL.height;
  const height = plotBottom + MARGIN.bottom + 16 + legendRows * 20;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${MARGIN.left}" y="22" font-size="15" font-weight="bold">${escape(title)}</text>`,
  ];
  const py = (s: number) =>
    plotBottom - ((Math.log10(Math.max(s, 0.01)) - yRange[0]) / yDecades) * PANEL.height;
  panels.forEach((panel, index) => {
    const left = MARGIN.left + index * (PANEL.width + MARGIN.gap);
    // Each panel spans its own data sizes (no empty column); the time scale is shared.
    const sizes = [...new Set(panel.series.flatMap((s) => s.points.map(([x]) => x)))].sort((a, b) => a - b);
    const xRange = [Math.log10(sizes[0] ?? 1) - 0.25, Math.log10(sizes.at(-1) ?? 1) + 0.25] as const;
    const px = (mb: number) => left + ((Math.log10(mb) - xRange[0]) / (xRange[1] - xRange[0])) * PANEL.width;
    parts.push(
      `<text x="${left + PANEL.width / 2}" y="${MARGIN.top - 10}" text-anchor="middle" font-size="13" font-weight="bold">${escape(panel.title)}</text>`,
      `<rect x="${left}" y="${MARGIN.top}" width="${PANEL.width}" height="${PANEL.height}" fill="none" stroke="#999"/>`,
    );
    for (const size of sizes) {
      const x = px(size).toFixed(1);
      parts.push(
        `<line x1="${x}" y1="${MARGIN.top}" x2="${x}" y2="${plotBottom}" stroke="#e4e4e4"/>`,
        `<text x="${x}" y="${plotBottom + 16}" text-anchor="middle">${sizeLabel(size)}</text>`,
      );
    }
    for (let e = yRange[0]; e <= yRange[1]; e++) {
      const y = py(10 ** e).toFixed(1);
      parts.push(`<line x1="${left}" y1="${y}" x2="${left + PANEL.width}" y2="${y}" stroke="#e4e4e4"/>`);
      if (index === 0)
        parts.push(`<text x="${left - 6}" y="${Number(y) + 4}" text-anchor="end">${secondsLabel(e)}</text>`);
    }
    parts.push(
      `<text x="${left + PANEL.width / 2}" y="${plotBottom + 34}" text-anchor="middle" fill="#444">data size</text>`,
    );
    for (const s of panel.series) {
      const d = s.points
        .map(([x, y], i) => `${i ? 'L' : 'M'}${px(x).toFixed(1)},${py(y).toFixed(1)}`)
        .join(' ');
      parts.push(
        `<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="2.5"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
      );
      for (const [x, y] of s.points)
        parts.push(`<circle cx="${px(x).toFixed(1)}" cy="${py(y).toFixed(1)}" r="3.5" fill="${s.colour}"/>`);
    }
  });
  const middle = (MARGIN.top + plotBottom) / 2;
  parts.push(
    `<text x="16" y="${middle}" transform="rotate(-90 16 ${middle})" text-anchor="middle" fill="#444">median time (log scale)</text>`,
  );
  const columnWidth = (width - MARGIN.left - MARGIN.right) / legendColumns;
  legend.forEach((entry, index) => {
    // Down the first column, then the second: an operation's variants stay together.
    const lx = MARGIN.left + Math.floor(index / legendRows) * columnWidth;
    const ly = plotBottom + MARGIN.bottom + 12 + (index % legendRows) * 20;
    parts.push(
      `<line x1="${lx}" y1="${ly}" x2="${lx + 28}" y2="${ly}" stroke="${entry.colour}" stroke-width="2.5"${entry.dash ? ` stroke-dasharray="${entry.dash}"` : ''}/>`,
      `<text x="${lx + 36}" y="${ly + 4}">${escape(entry.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** Each operation drawn in some panel, once, those of one colour together. */
function legendEntries(panels: Panel[]): Operation[] {
  const seen = new Map<string, Operation>();
  for (const s of panels.flatMap((panel) => panel.series))
    if (!seen.has(s.label)) seen.set(s.label, { label: s.label, colour: s.colour, dash: s.dash });
  const entries = [...seen.values()];
  const colours = [...new Set(entries.map((entry) => entry.colour))];
  return entries.sort((a, b) => colours.indexOf(a.colour) - colours.indexOf(b.colour));
}

function engineName(engine: string): string {
  return engine === 'postgres' ? 'PostgreSQL' : engine === 'mariadb' ? 'MariaDB' : engine;
}

/** The data sizes themselves: 10 MB, 100 MB, 1 GB. */
function sizeLabel(mb: number): string {
  if (mb < 1024) return `${mb} MB`;
  const gb = mb / 1024;
  return `${Number.isInteger(gb) ? gb : gb.toFixed(1)} GB`;
}

function secondsLabel(exponent: number): string {
  return exponent < 0 ? `${10 ** (exponent + 3)} ms` : `${10 ** exponent} s`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
