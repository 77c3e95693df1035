// The cost and capacity model (scripts/bench/capacity.mjs) on the example results: the monthly
// figures follow the stated assumptions, the 10 GB limit binds where storage says it must, costs
// never go below zero, and the generated section names every scale.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty } from '../property.ts';

interface Limit {
  key: string;
  binds: boolean;
  bindsWorst: boolean;
}
interface Scale {
  apartments: number;
  requests: number;
  cpuMs: number;
  rowsRead: number;
  rowsWritten: number;
  storageGb: number;
  worstStorageGb: number;
  databases: number;
  limits: Limit[];
  cost: {
    workers: { base: number; requests: number; cpu: number; total: number };
    d1: { rowsRead: number; rowsWritten: number; storage: number; total: number };
    total: number;
    metered: number;
  };
}
interface Model {
  scales: Scale[];
  warnings: string[];
}
type Assumptions = Record<string, unknown> & { scales: number[]; mix: Record<string, number> };
interface CapacityModule {
  DEFAULT_ASSUMPTIONS: Assumptions;
  parseResults(data: unknown): Results;
  capacityModel(results: Results, assumptions?: Assumptions): Model;
  renderCapacityMarkdown(model: Model, options?: { example?: boolean }): string;
  replaceBetweenMarkers(document: string, section: string): string;
}
interface Route {
  route: string;
  roundTrips: number;
  rowsRead: number;
  rowsWritten: number;
  workerMs: number | null;
  cpuMs: number | null;
}
interface Results {
  routes: Route[];
  storage: { bytesPerContact: number; worstBytesPerAsset?: number };
}

// A specifier in a variable: the .mjs has no type declarations, the interface above says what the test relies on.
const moduleUrl = new URL('../../scripts/bench/capacity.mjs', import.meta.url).href;
const capacity = (await import(moduleUrl)) as CapacityModule;
const example = capacity.parseResults(JSON.parse(readFileSync(new URL('../../docs/bench/results.example.json', import.meta.url), 'utf8')));

/** The default assumptions with a tiny mix whose figures are easy to compute by hand. */
const tiny: Assumptions = {
  ...capacity.DEFAULT_ASSUMPTIONS,
  scales: [10_000],
  buyersPerApartment: 2,
  activeShare: 0.5,
  mix: { list: 2, create: 1 },
  contactsPerApartment: 50,
  measuredAssetContacts: 50,
};

const limitOf = (scale: Scale | undefined, key: string) => scale?.limits.find((l) => l.key === key);

describe('capacity model', () => {
  it('computes the monthly figures of a hand-checked mix', () => {
    // 10,000 apartments × 2 buyers × 50% active = 10,000 active buyers, each 2 lists and 1 create:
    // list reads 53 rows (0.9 ms of the Worker's own time), create reads 9 and writes 7 rows (1.1 ms).
    // The Worker's own time (app − db) is what Cloudflare bills, not workerd's CPU with local D1.
    const [scale] = capacity.capacityModel(example, tiny).scales;
    expect(scale?.requests).toBe(30_000);
    expect(scale?.rowsRead).toBe(10_000 * (2 * 53 + 9));
    expect(scale?.rowsWritten).toBe(70_000);
    expect(scale?.cpuMs).toBeCloseTo(10_000 * (2 * 0.9 + 1.1), 6);
    // 50 contacts × 1,400 bytes per apartment.
    expect(scale?.storageGb).toBeCloseTo(0.7, 9);
    // All of it within the included amounts: only the Workers Paid base fee.
    expect(scale?.cost.total).toBe(5);
  });

  it('scales the rows read of whole-asset routes to the assumed contacts per apartment', () => {
    const [half] = capacity.capacityModel(example, { ...tiny, contactsPerApartment: 25 }).scales;
    // list's 53 rows (measured at 50 contacts) count half; create's 9 do not depend on the asset.
    expect(half?.rowsRead).toBe(10_000 * (2 * 26.5 + 9));
  });

  it("falls back to workerd's whole CPU where the Worker's own time was not measured, and says so", () => {
    const withoutOwn = { ...example, routes: example.routes.map((r) => (r.route === 'list' ? { ...r, workerMs: null } : r)) };
    const model = capacity.capacityModel(withoutOwn, { ...tiny, mix: { list: 1 } });
    expect(model.scales[0]?.cpuMs).toBeCloseTo(10_000 * 2.1, 6);
    expect(capacity.renderCapacityMarkdown(model)).toContain("workerd's whole CPU including local D1 (marked ¹)");
  });

  it('takes the worst case from the measured storage budget when it is larger than the cap', () => {
    const budget = { ...example, storage: { ...example.storage, worstBytesPerAsset: 14_000_000 } };
    const [scale] = capacity.capacityModel(budget, tiny).scales;
    expect(scale?.worstStorageGb).toBeCloseTo((10_000 * 14_000_000) / 1e9, 9);
    expect(capacity.renderCapacityMarkdown(capacity.capacityModel(budget, tiny))).toContain('at its storage budget');
  });

  it('marks the 10 GB database limit as binding at a million apartments of large contacts, not at 10 k', () => {
    const large = { ...example, storage: { ...example.storage, bytesPerContact: 5_000 } };
    const scales = capacity.capacityModel(large).scales;
    const at10k = scales.find((s) => s.apartments === 10_000);
    const at1m = scales.find((s) => s.apartments === 1_000_000);
    expect(limitOf(at10k, 'database-size')?.binds).toBe(false);
    expect(limitOf(at1m, 'database-size')?.binds).toBe(true);
    // 1 M × 25 contacts × 5,000 bytes = 125 GB, at 8 GB planned per database: 16 databases.
    expect(at1m?.databases).toBe(16);
  });

  it('warns about a route in the mix that the results lack instead of counting it as free', () => {
    const model = capacity.capacityModel({ ...example, routes: example.routes.filter((r) => r.route !== 'search') });
    expect(model.warnings.join('\n')).toContain('"search"');
  });

  it('never gives a negative cost, whatever the figures', () => {
    const route = fc.record({
      roundTrips: fc.integer({ min: 0, max: 50 }),
      rowsRead: fc.double({ min: 0, max: 1e5, noNaN: true }),
      rowsWritten: fc.double({ min: 0, max: 1e4, noNaN: true }),
      workerMs: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
      cpuMs: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
    });
    assertProperty(
      fc.property(
        fc.array(route, { minLength: 15, maxLength: 15 }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (figures, bytesPerContact, activeShare) => {
          const results = {
            ...example,
            routes: example.routes.map((r, i) => ({ ...r, ...figures[i] })),
            storage: { ...example.storage, bytesPerContact },
          };
          const model = capacity.capacityModel(results, { ...capacity.DEFAULT_ASSUMPTIONS, activeShare });
          for (const scale of model.scales) {
            const parts = [...Object.values(scale.cost.workers), ...Object.values(scale.cost.d1), scale.cost.total, scale.cost.metered];
            for (const part of parts) expect(part).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });

  it('rejects a results file of the wrong shape with the path of the fault', () => {
    expect(() => capacity.parseResults({ routes: [{ route: 'list', roundTrips: '1' }] })).toThrow('results.routes[0].roundTrips');
    expect(() => capacity.parseResults({ routes: [] })).toThrow('bytesPerContact');
  });
});

describe('capacity section', () => {
  const markdown = capacity.renderCapacityMarkdown(capacity.capacityModel(example), { example: true });

  it('shows the three scales, the costs, the binding limits and the sources', () => {
    for (const scale of ['10\u202fk apartments', '100\u202fk apartments', '1\u202fM apartments']) expect(markdown).toContain(scale);
    expect(markdown).toContain('**total per month**');
    expect(markdown).toContain('**binds**');
    expect(markdown).toContain('https://developers.cloudflare.com/d1/platform/limits/');
    expect(markdown).toContain('example fixture');
  });

  it('replaces only what lies between the markers', () => {
    const document = 'before\n<!-- capacity:start -->\nold table\n<!-- capacity:end -->\nafter\n';
    const replaced = capacity.replaceBetweenMarkers(document, 'new table\n');
    expect(replaced).toBe('before\n<!-- capacity:start -->\nnew table\n<!-- capacity:end -->\nafter\n');
    expect(capacity.replaceBetweenMarkers(replaced, 'new table\n')).toBe(replaced);
    expect(() => capacity.replaceBetweenMarkers('no markers', 'x')).toThrow('capacity:start');
  });

  it('docs/architecture.md has each capacity marker exactly once (npm run capacity rewrites between them)', () => {
    const architecture = readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
    expect(architecture.split('<!-- capacity:start -->')).toHaveLength(2);
    expect(architecture.split('<!-- capacity:end -->')).toHaveLength(2);
  });
});
