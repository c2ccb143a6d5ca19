// csv:FILE: a header row, numeric feature columns and one label column (any text or number).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { DataError, type Dataset, type LoadOptions } from './types';

const LABEL_NAMES = ['label', 'class', 'target', 'y'];

/** Splits one CSV line on `sep`, honouring double quotes ("a,b" and "" for a quote). */
export function splitCsvLine(line: string, sep: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      cells.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

/** Comma unless the header clearly uses semicolons or tabs. */
function detectSeparator(header: string): string {
  const counts = [',', ';', '\t'].map((s) => [s, header.split(s).length] as const);
  return counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

export function parseNumber(cell: string): number | null {
  if (cell === '') return null;
  const v = Number(cell);
  return Number.isFinite(v) ? v : null;
}

function readCsvLines(file: string): string[] {
  if (!existsSync(file)) throw new DataError(`The CSV file ${file} does not exist; check the path after "csv:".`);
  if (statSync(file).isDirectory()) throw new DataError(`csv:${file} is a folder; give the path of a .csv file.`);
  return readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
}

export function loadCsv(path: string, labelColumn: string | undefined, opts: LoadOptions = {}): Dataset {
  const lines = readCsvLines(path);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) throw new DataError(`The CSV file ${path} is empty; it needs a header row and one row per sample.`);
  const sep = detectSeparator(lines[headerIndex]);
  const header = splitCsvLine(lines[headerIndex], sep);
  if (header.length < 2) {
    throw new DataError(`${path} has ${header.length} column; it needs at least one feature column and a label column, with a header row.`);
  }
  let labelAt: number;
  if (labelColumn !== undefined) {
    labelAt = header.findIndex((h) => h === labelColumn);
    if (labelAt < 0) throw new DataError(`${path} has no column named "${labelColumn}"; its columns are ${header.join(', ')}.`);
  } else {
    // In order of preference: a column called "label" wins over one called "y".
    const named = LABEL_NAMES.map((n) => header.findIndex((h) => h.toLowerCase() === n)).find((i) => i >= 0);
    labelAt = named ?? header.length - 1;
  }
  const featureNames = header.filter((_, i) => i !== labelAt);
  const nf = featureNames.length;

  const rows: number[][] = [];
  const labels: string[] = [];
  for (let li = headerIndex + 1; li < lines.length; li++) {
    if (lines[li].trim() === '') continue;
    if (opts.limit && rows.length >= opts.limit) break;
    const cells = splitCsvLine(lines[li], sep);
    if (cells.length !== header.length) {
      throw new DataError(`${path} line ${li + 1} has ${cells.length} cells but the header has ${header.length} columns.`);
    }
    const row: number[] = [];
    for (let c = 0; c < cells.length; c++) {
      if (c === labelAt) continue;
      const v = parseNumber(cells[c]);
      if (v === null) {
        const shown = cells[c] === '' ? 'is empty' : `is "${cells[c]}"`;
        throw new DataError(
          `${path} line ${li + 1}, column "${header[c]}" ${shown}, not a number; feature columns must be numeric ` +
            `(the label column is "${header[labelAt]}").`,
        );
      }
      row.push(v);
    }
    if (cells[labelAt] === '') throw new DataError(`${path} line ${li + 1} has no label in column "${header[labelAt]}".`);
    rows.push(row);
    labels.push(cells[labelAt]);
  }
  if (rows.length === 0) throw new DataError(`${path} has a header row but no data rows.`);

  const distinct = [...new Set(labels)];
  const numeric = distinct.every((l) => parseNumber(l) !== null);
  distinct.sort(numeric ? (a, b) => Number(a) - Number(b) : undefined);
  if (distinct.length < 2) {
    throw new DataError(`Every row of ${path} has the label "${distinct[0]}"; a classifier needs at least two classes.`);
  }
  const index = new Map(distinct.map((l, i) => [l, i]));
  const x = new Float32Array(rows.length * nf);
  rows.forEach((r, i) => x.set(r, i * nf));
  const y = Int32Array.from(labels, (l) => index.get(l)!);
  return {
    name: basename(path), spec: `csv:${path}`, kind: 'table', x, y, count: rows.length, shape: [nf],
    classNames: distinct, featureNames, defaultAugment: { padCrop: false, flip: false },
  };
}
