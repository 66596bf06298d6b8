import { describe, expect, it } from 'vitest';
import { INDUSTRY_IDS } from '../../src/data/industries.js';
import {
  PROJECT_STATUSES,
  YI,
  type ProjectFeature,
  type ProjectProperties,
  type ZoneFeature,
  type ZoneProperties,
} from '../../src/data/schema.js';
import { mergeSummaries, summarize, zoneSummary } from '../../src/data/stats.js';
import { makeProject, makeZone } from './factories.js';

const zone = (id: string, city: string, extra: Partial<ZoneProperties> = {}): ZoneFeature => makeZone(id, { city, ...extra });

const project = (id: string, extra: Partial<ProjectProperties>): ProjectFeature => makeProject(id, extra);

const zones = [zone('ty', '太原市'), zone('cz', '长治市'), zone('dt', '大同市'), zone('tx', '太原市;忻州市')];
const byId = new Map(zones.map((z) => [z.properties.id, z]));
const projects = [
  project('a', { zone_id: 'ty', industry: 'new-energy', investment_cny: 10 * YI, status: 'operating' }),
  project('b', { zone_id: 'ty', industry: 'new-energy', investment_cny: null, status: 'signed' }),
  project('c', { zone_id: 'cz', industry: 'semiconductors', investment_cny: 30 * YI, status: 'under-construction' }),
  project('d', { zone_id: 'cz', industry: 'new-energy', investment_cny: 0.5 * YI, status: 'under-construction' }),
  project('e', { zone_id: 'dt', industry: 'computing', investment_cny: null, status: 'planned' }),
  project('f', { zone_id: 'tx', industry: 'services-logistics', investment_cny: 2 * YI, status: 'planned' }),
  project('g', { zone_id: 'gone', industry: 'chemicals', investment_cny: null, status: 'completed' }),
];

describe('summarize', () => {
  const s = summarize(projects, byId);

  it('totals only disclosed investment and counts the rest', () => {
    expect(s.count).toBe(7);
    expect(s.withInvestment).toBe(4);
    expect(s.withoutInvestment).toBe(3);
    expect(s.investmentTotal).toBe(42.5 * YI);
  });

  it('groups by industry in legend order, with undisclosed counts', () => {
    expect(s.byIndustry.map((r) => r.id)).toEqual(INDUSTRY_IDS);
    const ne = s.byIndustry.find((r) => r.id === 'new-energy')!;
    expect(ne).toEqual({ id: 'new-energy', count: 3, investment: 10.5 * YI, undisclosed: 1 });
    // Only undisclosed figures: no total, not 0.
    expect(s.byIndustry.find((r) => r.id === 'computing')).toEqual({
      id: 'computing',
      count: 1,
      investment: null,
      undisclosed: 1,
    });
    expect(s.byIndustry.find((r) => r.id === 'biomedicine')).toEqual({
      id: 'biomedicine',
      count: 0,
      investment: null,
      undisclosed: 0,
    });
  });

  it("groups by the zone's city, by investment descending", () => {
    expect(s.byCity).toEqual([
      { city: '长治市', count: 2, investment: 30.5 * YI, undisclosed: 0 },
      { city: '太原市', count: 2, investment: 10 * YI, undisclosed: 1 },
      { city: '太原市;忻州市', count: 1, investment: 2 * YI, undisclosed: 0 },
      { city: '大同市', count: 1, investment: null, undisclosed: 1 },
      { city: '', count: 1, investment: null, undisclosed: 1 },
    ]);
    expect(s.byCity.reduce((n, r) => n + r.count, 0)).toBe(s.count);
  });

  it('counts by status in schema order', () => {
    expect(s.byStatus.map((r) => r.status)).toEqual([...PROJECT_STATUSES]);
    expect(Object.fromEntries(s.byStatus.map((r) => [r.status, r.count]))).toEqual({
      planned: 2,
      signed: 1,
      'under-construction': 2,
      completed: 1,
      operating: 1,
    });
  });

  it('gives a null total for no projects or none disclosed', () => {
    const empty = summarize([], byId);
    expect(empty.count).toBe(0);
    expect(empty.investmentTotal).toBeNull();
    expect(empty.byCity).toEqual([]);
    expect(summarize([projects[1]!], byId).investmentTotal).toBeNull();
  });
});

describe('mergeSummaries', () => {
  it('equals summarize over the union of disjoint parts (split by industry, and unevenly)', () => {
    const byIndustry = INDUSTRY_IDS.map((id) => summarize(projects.filter((p) => p.properties.industry === id), byId));
    expect(mergeSummaries(byIndustry)).toEqual(summarize(projects, byId));
    const uneven = [projects.slice(0, 1), projects.slice(1, 5), projects.slice(5)].map((part) => summarize(part, byId));
    expect(mergeSummaries(uneven)).toEqual(summarize(projects, byId));
  });

  it('keeps an undisclosed-only total null and merges nothing into an empty summary', () => {
    const undisclosed = projects.filter((p) => p.properties.investment_cny === null);
    const parts = undisclosed.map((p) => summarize([p], byId));
    expect(mergeSummaries(parts).investmentTotal).toBeNull();
    expect(mergeSummaries([])).toEqual(summarize([], byId));
  });
});

describe('zoneSummary', () => {
  it("totals a zone's own projects", () => {
    expect(zoneSummary(zones[0]!, projects)).toEqual({ projectCount: 2, investmentTotal: 10 * YI, undisclosed: 1 });
    expect(zoneSummary(zones[1]!, projects)).toEqual({ projectCount: 2, investmentTotal: 30.5 * YI, undisclosed: 0 });
    expect(zoneSummary(zones[2]!, projects)).toEqual({ projectCount: 1, investmentTotal: null, undisclosed: 1 });
    expect(zoneSummary(zone('none', '运城市'), projects)).toEqual({ projectCount: 0, investmentTotal: null, undisclosed: 0 });
  });
});
