// The bench's SVG chart (scripts/bench/chart.mjs): one accessible <svg>, every route labelled with
// its figures, the "before" value beside the current one, text escaped, the same bytes for the
// same results.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface ChartRoute {
  route: string;
  roundTrips: number;
  rowsRead: number;
  shareOfHealthz?: number | null;
}
interface ChartResults {
  meta?: { date?: string; commit?: string; machine?: string };
  routes: ChartRoute[];
  before?: Record<string, { shareOfHealthz?: number | null }>;
}
interface ChartModule {
  renderChart(results: ChartResults): string;
  escapeXml(text: string): string;
}

// A specifier in a variable: the .mjs has no type declarations, the interface above says what the test relies on.
const moduleUrl = new URL('../../scripts/bench/chart.mjs', import.meta.url).href;
const chart = (await import(moduleUrl)) as ChartModule;
const example: ChartResults = JSON.parse(readFileSync(new URL('../../docs/bench/results.example.json', import.meta.url), 'utf8'));

/** The text content of every <text> element, unescaped as a browser would show it. */
function shownTexts(svg: string): string[] {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1] ?? ''));
}

describe('bench chart', () => {
  const svg = chart.renderChart(example);

  it('is one accessible <svg> document with a title and a description', () => {
    expect(svg.match(/<svg[\s>]/g)).toHaveLength(1);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="chart-title chart-desc"/);
    expect(svg).toContain('<title id="chart-title">');
    expect(svg).toContain('<desc id="chart-desc">');
    // Every element opened is closed (a rough well-formedness check without an XML parser).
    const opened = svg.match(/<(g|text|title|desc|svg)[\s>]/g)?.length ?? 0;
    const closed = svg.match(/<\/(g|text|title|desc|svg)>/g)?.length ?? 0;
    expect(opened).toBe(closed);
  });

  it('labels every route with its round trips and rows read', () => {
    const texts = shownTexts(svg);
    for (const route of example.routes) {
      expect(texts).toContain(route.route);
      expect(svg).toContain(`${route.route}: throughput`);
      expect(svg).toContain(`; ${route.rowsRead} rows read`);
    }
  });

  it('shows the share of /healthz with the value before beside it, and says where nothing was measured', () => {
    const texts = shownTexts(svg);
    expect(texts).toContain('20% (before 11%)');
    expect(texts).toContain('18% (before 16%)');
    expect(texts).toContain('41%');
    expect(texts).toContain('not measured');
  });

  it('escapes route names and meta', () => {
    const hostile = chart.renderChart({
      meta: { machine: 'A "fast" <box>' },
      routes: [{ route: '<x&y>', roundTrips: 1, rowsRead: 2, shareOfHealthz: 0.5 }],
      before: { '<x&y>': { shareOfHealthz: 0.25 } },
    });
    expect(hostile).toContain('&lt;x&amp;y&gt;');
    expect(hostile).not.toContain('<x&y>');
    expect(hostile).not.toContain('<box>');
    expect(shownTexts(hostile)).toContain('<x&y>');
    expect(shownTexts(hostile)).toContain('50% (before 25%)');
    expect(chart.escapeXml(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;');
  });

  it('gives the same bytes for the same results, and other bytes for other figures', () => {
    const again = chart.renderChart(JSON.parse(JSON.stringify(example)));
    expect(again).toBe(svg);
    const changed = chart.renderChart({ ...example, routes: example.routes.map((r) => ({ ...r, rowsRead: r.rowsRead + 1 })) });
    expect(changed).not.toBe(svg);
  });

  it('keeps a fixed size that grows only with the number of routes', () => {
    const size = (s: string) => s.match(/<svg [^>]*width="(\d+)" height="(\d+)"/)?.slice(1, 3);
    const one = chart.renderChart({ routes: example.routes.slice(0, 1) });
    expect(size(svg)?.[0]).toBe(size(one)?.[0]);
    expect(Number(size(svg)?.[1]) - Number(size(one)?.[1])).toBe((example.routes.length - 1) * 30);
  });
});
