// `reswire predict RUN --input FILE`: the top classes for an image or CSV rows, with the model
// and the preprocessing (size, channels, normalisation) the run was trained with.
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { RunRecord } from '../../../shared/api/runEvents';
import { BACKENDS, type BackendName } from '../../../shared/api/runEvents';
import { initBackend } from '../../engine/backend';
import { parseNumber, splitCsvLine } from '../../engine/data/csv';
import { decodeImageInto, isImageFile } from '../../engine/data/image';
import { formatShape } from '../../engine/data/types';
import { loadModelFolder } from '../../engine/runs/modelFiles';
import { DEFAULT_RUNS_DIR, readRunRecord, resolveRunDir } from '../../engine/runs/store';
import { type Command, UsageError } from '../command';

const help = `Usage: reswire predict RUN --input FILE [--top K] [--json]

Classifies FILE with the model of a training run (its model/ folder: the best epoch).
RUN is a run folder or a run id under --out (default ./runs).

  --input FILE    an image (PNG/JPEG/WebP) for a run trained on images, resized and
                  converted the way its training data was; or a CSV file for a run trained
                  on a table: one prediction per row (a header row naming the run's feature
                  columns is optional; a label column, if present, is ignored)
  --top K         how many classes to list (default 5)
  --out DIR       where to look for run ids (default ./runs)
  --backend NAME  ${BACKENDS.join(', ')} (default: the fastest that loads)
  --json          print [{"input", "top": [{"class", "probability"}]}] instead of a table
  --help          show this help
`;

export interface Prediction {
  input: string;
  top: { class: string; probability: number }[];
}

async function imageInputs(file: string, run: RunRecord): Promise<{ x: Float32Array; rows: string[] }> {
  const shape = run.dataset.shape;
  if (!isImageFile(file)) {
    throw new UsageError(`Run ${run.id} was trained on ${formatShape(shape)} images; give a PNG or JPEG file, not ${file}.`);
  }
  const x = new Float32Array(shape.reduce((a, b) => a * b, 1));
  try {
    await decodeImageInto(file, shape, x, 0);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return { x, rows: [file] };
}

function csvInputs(file: string, run: RunRecord): { x: Float32Array; rows: string[] } {
  const names = run.dataset.featureNames ?? [];
  const nf = run.dataset.shape[0];
  const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new UsageError(`${file} is empty; give one CSV row of ${nf} numbers per sample.`);
  const sep = [';', '\t'].find((s) => lines[0].includes(s) && !lines[0].includes(',')) ?? ',';
  const first = splitCsvLine(lines[0], sep);
  const hasHeader = first.some((c) => parseNumber(c) === null);
  // With a header, pick the run's feature columns by name (in training order).
  const columns = hasHeader
    ? names.map((n) => {
        const i = first.indexOf(n);
        if (i < 0) throw new UsageError(`${file} has no column "${n}"; run ${run.id} expects the columns ${names.join(', ')}.`);
        return i;
      })
    : null;
  const body = hasHeader ? lines.slice(1) : lines;
  const x = new Float32Array(body.length * nf);
  body.forEach((line, r) => {
    const cells = splitCsvLine(line, sep);
    const lineNo = r + (hasHeader ? 2 : 1);
    if (!columns && cells.length !== nf) {
      throw new UsageError(`${file} line ${lineNo} has ${cells.length} values but run ${run.id} expects ${nf} (${names.join(', ')}).`);
    }
    (columns ?? cells.map((_, i) => i)).forEach((col, k) => {
      const v = parseNumber(cells[col] ?? '');
      if (v === null) throw new UsageError(`${file} line ${lineNo}, column ${columns ? `"${names[k]}"` : k + 1} is "${cells[col] ?? ''}", not a number.`);
      x[r * nf + k] = v;
    });
  });
  return { x, rows: body.map((_, r) => `${file} row ${r + 1}`) };
}

export const predictCommand: Command = {
  name: 'predict',
  summary: 'Classify an image or CSV rows with a trained run: top classes and probabilities',
  help,
  options: { input: { type: 'string' }, top: { type: 'string' }, out: { type: 'string' }, backend: { type: 'string' }, json: { type: 'boolean' } },
  async run({ positionals, values }, io) {
    if (positionals.length !== 1) throw new UsageError('Name one run (a run folder or id), e.g. reswire predict runs/2025-01-01-120000-resnet-8 --input digit.png.');
    if (typeof values.input !== 'string') throw new UsageError('Give the file to classify with --input FILE (an image or a CSV file).');
    const file = values.input;
    if (!existsSync(file)) throw new UsageError(`Cannot read ${file}: no such file.`);
    const top = values.top === undefined ? 5 : Number(values.top);
    if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top must be a whole number of at least 1, got "${String(values.top)}".`);
    const backend = values.backend === undefined ? undefined : String(values.backend);
    if (backend !== undefined && !(BACKENDS as readonly string[]).includes(backend)) {
      throw new UsageError(`--backend must be one of ${BACKENDS.join(', ')}, got "${backend}".`);
    }

    const dir = resolveRunDir(positionals[0], typeof values.out === 'string' ? values.out : DEFAULT_RUNS_DIR);
    const run = readRunRecord(dir);
    const isCsv = extname(file).toLowerCase() === '.csv' || (run.dataset.kind === 'table' && !isImageFile(file));
    if (run.dataset.kind === 'table' && !isCsv) {
      throw new UsageError(`Run ${run.id} was trained on table data (${run.dataset.shape[0]} features); give a CSV file.`);
    }
    const { x, rows } = isCsv && run.dataset.kind === 'table' ? csvInputs(file, run) : await imageInputs(file, run);

    const { tf } = await initBackend(backend as BackendName | undefined);
    const model = await loadModelFolder(join(dir, 'model'));
    const { mean, std } = run.dataset;
    for (let i = 0; i < x.length; i++) x[i] = (x[i] - mean[i % mean.length]) / std[i % std.length];
    const inputShape = (model.inputs[0].shape as number[]).slice(1);
    const probs = tf.tidy(() => {
      const out = model.predict(tf.tensor(x, [rows.length, ...inputShape])) as import('@tensorflow/tfjs').Tensor;
      // A single sigmoid unit is the probability of the second class.
      return run.loss === 'binaryCrossentropy' ? tf.concat([tf.sub(1, out), out], -1) : out;
    });
    const values2d = probs.arraySync() as number[][];
    probs.dispose();
    const names = run.dataset.classNames;
    const predictions: Prediction[] = values2d.map((p, r) => ({
      input: rows[r],
      top: p.map((probability, i) => ({ class: names[i] ?? String(i), probability }))
        .sort((a, b) => b.probability - a.probability)
        .slice(0, top),
    }));
    if (values.json) {
      io.stdout(`${JSON.stringify(predictions, null, 2)}\n`);
      return 0;
    }
    for (const p of predictions) {
      io.stdout(`${p.input}\n`);
      const width = Math.max(...p.top.map((t) => t.class.length));
      p.top.forEach((t, i) => io.stdout(`  ${i + 1}. ${t.class.padEnd(width)}  ${(t.probability * 100).toFixed(1).padStart(5)}%\n`));
    }
    return 0;
  },
};
