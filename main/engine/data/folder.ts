// folder:DIR: one subfolder per class (its name is the class name), PNG/JPEG/WebP images in each,
// decoded and resized to the graph's Input by sharp.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { decodeImageInto, imageSize, isImageFile } from './image';
import { DataError, type Dataset, type LoadOptions } from './types';

const CONCURRENCY = 8;

function listClasses(dir: string): { name: string; files: string[] }[] {
  if (!existsSync(dir)) throw new DataError(`The image folder ${dir} does not exist; check the path after "folder:".`);
  if (!statSync(dir).isDirectory()) throw new DataError(`folder:${dir} must be a folder with one subfolder per class, not a file.`);
  const classes = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort()
    .map((name) => ({
      name,
      files: readdirSync(join(dir, name)).filter(isImageFile).sort().map((f) => join(dir, name, f)),
    }));
  if (classes.length === 0) {
    throw new DataError(`${dir} has no subfolders; put the images of each class in their own subfolder (e.g. ${dir}/cats, ${dir}/dogs).`);
  }
  const empty = classes.find((c) => c.files.length === 0);
  if (empty) {
    throw new DataError(`The class folder ${join(dir, empty.name)} holds no PNG or JPEG images; add some or remove the folder.`);
  }
  if (classes.length === 1) {
    throw new DataError(
      `${dir} has only one class folder (${classes[0].name}); a classifier needs at least two, so add a subfolder per class.`,
    );
  }
  return classes;
}

/** Spreads a limit evenly over the classes, keeping each class's files in name order. */
function pick(classes: { name: string; files: string[] }[], limit?: number): { file: string; label: number }[] {
  const per = limit ? Math.max(1, Math.ceil(limit / classes.length)) : Infinity;
  return classes.flatMap((c, label) => c.files.slice(0, per).map((file) => ({ file, label })));
}

export async function loadFolder(path: string, opts: LoadOptions = {}): Promise<Dataset> {
  const classes = listClasses(path);
  const items = pick(classes, opts.limit);
  // Without a graph to fit, use the first image's own size.
  const shape = opts.targetShape && opts.targetShape.length === 3 ? opts.targetShape.slice() : await imageSize(items[0].file);
  const size = shape[0] * shape[1] * shape[2];
  const x = new Float32Array(items.length * size);
  const y = new Int32Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await decodeImageInto(items[i].file, shape, x, i * size);
      y[i] = items[i].label;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return {
    name: `folder ${basename(path)}`, spec: `folder:${path}`, kind: 'image', x, y, count: items.length, shape,
    classNames: classes.map((c) => c.name),
    defaultAugment: { padCrop: false, flip: true },
  };
}
