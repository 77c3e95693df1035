// The bench's picture: per route three bar panels (throughput as a share of /healthz, with the
// value before issue 18 beside it where given; D1 round trips; rows read), drawn as plain SVG.
// `node scripts/bench/chart.mjs [results.json] [chart.svg]` writes docs/bench/chart.svg from
// docs/bench/results.json (or the example beside it while the bench has not written one).
//
// renderChart() is pure and deterministic (fixed sizes, fixed decimals, no clock): the same
// results give the same bytes, so the committed SVG only changes when the figures do.

import { writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadResults } from './capacity.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHART_FILE = join(root, 'docs', 'bench', 'chart.svg');

const WIDTH = 880;
const LABEL_WIDTH = 140;
const PANEL_WIDTH = 240;
const BAR_WIDTH = 120;
const ROW_HEIGHT = 30;
const TOP = 92;
const MARGIN = 16;
const COLOURS = { now: '#1d4ed8', before: '#9ca3af', trips: '#0f766e', rows: '#7c3aed', text: '#111827', muted: '#4b5563' };

/** Text for SVG content and attribute values. */
export function escapeXml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const n = (x) => String(+x.toFixed(1));
const percent = (share) => `${Math.round(share * 100)}%`;
const isNumber = (x) => typeof x === 'number' && Number.isFinite(x);

/** The smallest of 1, 2, 5 × 10^k at or above `max` (so axes end on a round figure). */
function niceMax(max) {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= max - 1e-12) ?? 10 * power;
}

function bar(x, y, width, height, fill) {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(width, 0))}" height="${n(height)}" fill="${fill}"/>`;
}

function text(x, y, content, attributes = '') {
  return `<text x="${n(x)}" y="${n(y)}"${attributes ? ` ${attributes}` : ''}>${escapeXml(content)}</text>`;
}

/**
 * The chart as an SVG document.
 * @param {{ meta?: { date?: string, commit?: string, machine?: string }, routes: Array<{ route: string, roundTrips: number, rowsRead: number, shareOfHealthz?: number | null }>, before?: Record<string, { shareOfHealthz?: number | null }> }} results
 */
export function renderChart(results) {
  const routes = results.routes;
  const before = results.before ?? {};
  const beforeShare = (route) => {
    const value = Object.hasOwn(before, route) ? before[route]?.shareOfHealthz : undefined;
    return isNumber(value) ? value : null;
  };
  const shareMax = niceMax(
    Math.max(0, ...routes.flatMap((r) => [isNumber(r.shareOfHealthz) ? r.shareOfHealthz : 0, beforeShare(r.route) ?? 0])),
  );
  const tripsMax = niceMax(Math.max(0, ...routes.map((r) => r.roundTrips)));
  const rowsMax = niceMax(Math.max(0, ...routes.map((r) => r.rowsRead)));
  const height = TOP + routes.length * ROW_HEIGHT + 44;
  const panelX = (i) => MARGIN + LABEL_WIDTH + i * PANEL_WIDTH;
  const meta = results.meta ?? {};
  const measured = [meta.date, meta.commit && `commit ${meta.commit}`, meta.machine].filter(Boolean).join(', ');

  const out = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="chart-title chart-desc" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12" fill="${COLOURS.text}">`,
    '<title id="chart-title">Kontakte per route: throughput as a share of /healthz, D1 round trips, rows read</title>',
    `<desc id="chart-desc">${escapeXml(
      `One row per route (${routes.length}). Throughput at 10 connections relative to /healthz in the same run` +
        ' (grey: before issue 18, where measured), D1 round trips per request, D1 rows read per request' +
        ` (list and exports on an asset of 50 contacts).${measured ? ` Measured ${measured}.` : ''}`,
    )}</desc>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    text(MARGIN, 26, 'Kontakte per route', 'font-size="16" font-weight="600"'),
    text(MARGIN, 46, measured ? `Measured ${measured}` : 'Measured by npm run bench', `fill="${COLOURS.muted}"`),
  );
  const panels = [
    ['Throughput (share of /healthz)', `0 … ${percent(shareMax)}`],
    ['D1 round trips per request', `0 … ${tripsMax}`],
    ['D1 rows read per request', `0 … ${rowsMax}`],
  ];
  panels.forEach(([title, range], i) => {
    out.push(
      text(panelX(i), 72, title, 'font-weight="600"'),
      text(panelX(i), 86, `scale ${range}`, `fill="${COLOURS.muted}" font-size="11"`),
    );
  });

  routes.forEach((r, row) => {
    const y = TOP + row * ROW_HEIGHT;
    const mid = y + ROW_HEIGHT / 2;
    const share = isNumber(r.shareOfHealthz) ? r.shareOfHealthz : null;
    const old = beforeShare(r.route);
    const shareText = share === null ? 'not measured' : old === null ? percent(share) : `${percent(share)} (before ${percent(old)})`;
    const summary = `${r.route}: throughput ${share === null ? 'not measured' : `${percent(share)} of /healthz`}${old === null ? '' : `, before ${percent(old)}`}; ${r.roundTrips} round trip${r.roundTrips === 1 ? '' : 's'}; ${r.rowsRead} rows read`;
    out.push(`<g><title>${escapeXml(summary)}</title>`);
    if (row % 2 === 1) out.push(`<rect x="${MARGIN / 2}" y="${y}" width="${WIDTH - MARGIN}" height="${ROW_HEIGHT}" fill="#f3f4f6"/>`);
    out.push(text(MARGIN, mid + 4, r.route));

    // Panel 1: now (thick) and before (thin, grey, beneath) on one scale.
    const x1 = panelX(0);
    if (share !== null) out.push(bar(x1, mid - 9, (share / shareMax) * BAR_WIDTH, old === null ? 18 : 11, COLOURS.now));
    if (old !== null) out.push(bar(x1, mid + 4, (old / shareMax) * BAR_WIDTH, 5, COLOURS.before));
    const textX1 = x1 + Math.max(share === null ? 0 : (share / shareMax) * BAR_WIDTH, old === null ? 0 : (old / shareMax) * BAR_WIDTH) + 6;
    out.push(text(textX1, mid + 4, shareText, share === null ? `fill="${COLOURS.muted}"` : ''));

    const x2 = panelX(1);
    const tripsWidth = (r.roundTrips / tripsMax) * BAR_WIDTH;
    out.push(bar(x2, mid - 9, tripsWidth, 18, COLOURS.trips), text(x2 + tripsWidth + 6, mid + 4, String(r.roundTrips)));

    const x3 = panelX(2);
    const rowsWidth = (r.rowsRead / rowsMax) * BAR_WIDTH;
    out.push(bar(x3, mid - 9, rowsWidth, 18, COLOURS.rows), text(x3 + rowsWidth + 6, mid + 4, String(r.rowsRead)), '</g>');
  });

  // Each panel's zero line, over the rows.
  for (let i = 0; i < 3; i++) {
    out.push(
      `<line x1="${panelX(i)}" y1="${TOP}" x2="${panelX(i)}" y2="${TOP + routes.length * ROW_HEIGHT}" stroke="${COLOURS.muted}" stroke-width="1"/>`,
    );
  }
  const legendY = TOP + routes.length * ROW_HEIGHT + 26;
  out.push(
    bar(MARGIN, legendY - 10, 12, 12, COLOURS.now),
    text(MARGIN + 18, legendY, 'after issue 18'),
    bar(MARGIN + 120, legendY - 7, 12, 5, COLOURS.before),
    text(MARGIN + 138, legendY, 'before issue 18 (where measured)'),
    text(panelX(1), legendY, 'Rows read: list and exports on an asset of 50 contacts.', `fill="${COLOURS.muted}"`),
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}

function main(argv) {
  const [file, outFile = CHART_FILE] = argv;
  const { path, fellBack, results } = loadResults(file);
  if (fellBack) console.warn(`chart: docs/bench/results.json does not exist yet (npm run bench writes it); using ${relative(root, path)}`);
  writeFileSync(outFile, renderChart(results));
  console.log(`chart: wrote ${relative(root, outFile)} from ${relative(root, path)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
