// datasetPreview: a few samples of a data set, spread over its classes, for the UI to draw.
import { StudioApiError } from '../../shared/api/errors';
import type { DatasetPreview } from '../../shared/api/schemas';
import type { StudioParsedRequest } from '../../shared/api/studio';
import { type DataSpec, loadDataset, parseDataSpec, sampleSize } from '../engine/data';
import type { ProjectFolder } from './projectFolder';

/** Parses a dataset spec and confines its path (if any) to the project folder. */
export function resolveDataSpec(spec: string, folder: ProjectFolder): DataSpec {
  let parsed: DataSpec;
  try {
    parsed = parseDataSpec(spec);
  } catch (e) {
    throw new StudioApiError((e as Error).message);
  }
  if (!('path' in parsed)) return parsed;
  return { ...parsed, path: folder.resolve(parsed.path).absolute };
}

/** Indices taking one sample of each class in turn, so every class shows up early. */
function spreadOverClasses(labels: Int32Array, classes: number, count: number): number[] {
  const byClass: number[][] = Array.from({ length: classes }, () => []);
  labels.forEach((label, i) => byClass[label]?.push(i));
  const picked: number[] = [];
  for (let round = 0; picked.length < count; round++) {
    let any = false;
    for (const members of byClass) {
      if (round < members.length && picked.length < count) {
        picked.push(members[round]);
        any = true;
      }
    }
    if (!any) break;
  }
  return picked.sort((a, b) => labels[a] - labels[b] || a - b);
}

export async function previewDataset(
  request: StudioParsedRequest<'datasetPreview'>,
  folder: ProjectFolder,
): Promise<DatasetPreview> {
  const spec = resolveDataSpec(request.spec, folder);
  // A few samples per class is plenty to choose from; loaders balance a limit over classes.
  const ds = await loadDataset(spec, { limit: Math.max(request.count, 10) * 3, targetShape: request.inputShape });
  const size = sampleSize(ds.shape);
  const samples = spreadOverClasses(ds.y, ds.classNames.length, request.count).map((i) => {
    const values = Array.from(ds.x.subarray(i * size, (i + 1) * size));
    return {
      label: ds.y[i],
      className: ds.classNames[ds.y[i]] ?? String(ds.y[i]),
      pixels: ds.kind === 'image' ? values.map((v) => Math.round(Math.min(1, Math.max(0, v)) * 255)) : null,
      features: ds.kind === 'table' ? values : null,
    };
  });
  return { name: ds.name, kind: ds.kind, shape: ds.shape, classNames: ds.classNames, samples };
}
