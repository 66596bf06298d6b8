/**
 * Turning fetched JSON into a checked dataset: the validator's problems become one
 * DataLoadError that names the files, so bad input is shown plainly and never drawn.
 */
import type { ProjectCollection, ZoneCollection } from './schema.js';
import { DataLoadError, fetchJson } from './load.js';
import { formatProblem, problemCount, validateDataset } from './validate.js';

export interface Dataset {
  zones: ZoneCollection;
  projects: ProjectCollection;
}

/** The dataset, or a DataLoadError listing every problem (file: id: field: message). */
export function checkDataset(zones: unknown, projects: unknown, zonesUrl: string, projectsUrl: string): Dataset {
  const problems = validateDataset(zones, projects, { zones: zonesUrl, projects: projectsUrl });
  if (problems.length > 0) {
    const url = problems[0]!.file;
    const total = problemCount(problems);
    const count = total === 1 ? '1 problem' : `${total} problems`;
    const zh = `${url}：数据无效（${total} 处问题）`;
    throw new DataLoadError(`${url}: invalid data (${count})`, url, problems.map(formatProblem), zh);
  }
  return { zones: zones as ZoneCollection, projects: projects as ProjectCollection };
}

/** Both files as parsed, not yet checked (`checkDataset`). */
export interface ParsedFiles {
  zones: unknown;
  projects: unknown;
}

/** Fetches and parses both files side by side: their JSON, or the first failure. */
export async function fetchFiles(zonesUrl: string, projectsUrl: string, signal: AbortSignal, cache?: RequestCache): Promise<ParsedFiles> {
  const [zones, projects] = await Promise.all([fetchJson(zonesUrl, { signal, cache }), fetchJson(projectsUrl, { signal, cache })]);
  return { zones, projects };
}
