/**
 * Small valid zones and projects for unit tests: every required property with a neutral
 * default, overridden by `extra`.
 */
import type { ProjectFeature, ProjectProperties, ZoneFeature, ZoneProperties } from '../../src/data/schema.js';

export function makeZone(id: string, extra: Partial<ZoneProperties> = {}, at: [number, number] = [112.5, 37.8]): ZoneFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: at },
    properties: {
      id,
      name_zh: `${id}园区`,
      name_en: `${id} Park`,
      level: 'provincial',
      kind: 'economic-development',
      city: '太原市',
      county: null,
      industries: [],
      established: null,
      area_km2: null,
      location_basis: 'city-seat',
      verified: true,
      figures: [],
      sources: [],
      ...extra,
    },
  };
}

export function makeProject(id: string, extra: Partial<ProjectProperties> = {}, at: [number, number] = [112.5, 37.8]): ProjectFeature {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: at },
    properties: {
      id,
      zone_id: 'ty',
      name_zh: `${id}项目`,
      name_en: `${id} project`,
      industry: 'equipment',
      investment_cny: null,
      output_cny: null,
      output_basis: null,
      status: 'planned',
      status_date: '2024',
      history: [],
      location_basis: 'near-zone',
      sources: [],
      ...extra,
    },
  };
}
