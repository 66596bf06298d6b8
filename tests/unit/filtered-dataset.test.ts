import { describe, expect, it } from 'vitest';
import { emptyFilters, filterProjects, filterZones, NO_INDUSTRIES, zoneIdsOf, type Filters } from '../../src/data/filter.js';
import { FilteredDataset, visibleIndustries } from '../../src/data/filtered-dataset.js';
import { INDUSTRY_IDS, type IndustryId } from '../../src/data/industries.js';
import { PROJECT_STATUSES, YI } from '../../src/data/schema.js';
import { summarize } from '../../src/data/stats.js';
import { makeProject, makeZone } from './factories.js';

const zones = [
  makeZone('ty', { industries: ['information-technology'] }),
  makeZone('cz', { city: '长治市', level: 'national', industries: ['semiconductors'] }),
  makeZone('dt', { city: '大同市', industries: ['computing'] }),
  // No industries listed and no project: an industry filter does not hide it.
  makeZone('wx', { city: '晋中市', industries: [] }),
];
const zonesWithProjects = zones.slice(0, 3);
// 60 projects over every industry, status and zone, some without a disclosed investment.
const projects = Array.from({ length: 60 }, (_, i) =>
  makeProject(`p${i}`, {
    zone_id: zonesWithProjects[i % zonesWithProjects.length]!.properties.id,
    industry: INDUSTRY_IDS[i % INDUSTRY_IDS.length],
    status: PROJECT_STATUSES[i % PROJECT_STATUSES.length],
    investment_cny: i % 4 === 0 ? null : i * YI,
  }),
);
const f = (over: Partial<Filters>): Filters => ({ ...emptyFilters(), ...over });
const ids = (features: readonly { properties: { id: string } }[]) => features.map((x) => x.properties.id);

describe('FilteredDataset', () => {
  const cases: Partial<Filters>[] = [
    {},
    { industries: ['new-energy', 'computing'] },
    { industries: [NO_INDUSTRIES] },
    { statuses: ['operating'], industries: ['semiconductors'] },
    { cities: ['长治市'] },
    { levels: ['national'], investmentMin: 10 * YI },
    { zoneIds: ['dt'], industries: ['computing', 'equipment'] },
  ];

  it.each(cases)('gives what filterProjects, filterZones and summarize give: %j', (over) => {
    const data = new FilteredDataset(zones, projects);
    const filters = f(over);
    const r = data.apply(filters);
    const expected = filterProjects(projects, data.zonesById, filters);
    expect(ids(r.projects)).toEqual(ids(expected));
    expect(r.projects).toBe(r.projects); // worked out once, on first read
    expect(r.summary.count).toBe(r.projects.length); // what filter-change reports
    expect(ids(r.zones)).toEqual(ids(filterZones(zones, filters, expected, zoneIdsOf(projects))));
    expect(r.summary).toEqual(summarize(expected, data.zonesById));
    const legend = filterProjects(projects, data.zonesById, { ...filters, industries: [] });
    expect(r.legendSummary).toEqual(summarize(legend, data.zonesById));
    for (const [industry, group] of r.byIndustry) {
      expect(ids(group.features)).toEqual(ids(legend.filter((p) => p.properties.industry === industry)));
    }
  });

  it('an industry toggle keeps the per-industry collections (nothing to send the map again)', () => {
    const data = new FilteredDataset(zones, projects);
    const a = data.apply(f({ statuses: ['planned', 'signed'] }));
    const b = data.apply(f({ statuses: ['planned', 'signed'], industries: ['new-energy'] }));
    for (const id of INDUSTRY_IDS) expect(b.byIndustry.get(id)).toBe(a.byIndustry.get(id));
    expect(b.legendSummary).toBe(a.legendSummary);
    expect([...b.visibleIndustries]).toEqual(['new-energy']);
    const c = data.apply(f({ statuses: ['planned'], industries: ['new-energy'] }));
    expect(c.byIndustry.get('new-energy')).not.toBe(a.byIndustry.get('new-energy'));
  });
});

describe('visibleIndustries', () => {
  it('is every layer for none named, no layer for `none`, else the valid ids named', () => {
    expect(visibleIndustries({ industries: [] }).size).toBe(INDUSTRY_IDS.length);
    expect(visibleIndustries({ industries: [NO_INDUSTRIES] }).size).toBe(0);
    expect([...visibleIndustries({ industries: ['chemicals', 'bogus' as IndustryId] })]).toEqual(['chemicals']);
  });
});
