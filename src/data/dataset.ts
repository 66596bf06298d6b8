/**
 * Turning fetched JSON into a checked dataset: the validator's problems become one
 * DataLoadError that names the files, so bad input is shown plainly and never drawn.
 */
import type { ProjectCollection, ZoneCollection } from './schema.js';
import { DataLoadError } from './load.js';

export interface Dataset {
  zones: ZoneCollection;
  projects: ProjectCollection;
}

function isFeatureCollection(json: unknown): json is { type: 'FeatureCollection'; features: unknown[] } {
  return (
    typeof json === 'object' &&
    json !== null &&
    (json as { type?: unknown }).type === 'FeatureCollection' &&
    Array.isArray((json as { features?: unknown }).features)
  );
}

export function checkDataset(zones: unknown, projects: unknown, zonesUrl: string, projectsUrl: string): Dataset {
  if (!isFeatureCollection(zones)) throw new DataLoadError(`${zonesUrl}: not a GeoJSON FeatureCollection`, zonesUrl);
  if (!isFeatureCollection(projects)) {
    throw new DataLoadError(`${projectsUrl}: not a GeoJSON FeatureCollection`, projectsUrl);
  }
  return { zones: zones as ZoneCollection, projects: projects as ProjectCollection };
}
