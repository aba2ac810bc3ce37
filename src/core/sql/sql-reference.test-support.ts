/**
 * The seam between the SQL parity tests and the TypeScript scorer. Until the lead's reader
 * (missing markers, `other`/`missing` levels, missing indicators) lands, one row is scored here,
 * straight from the format-2 semantics, with the core's own number parser, category matcher and
 * sigmoid. At merge this file becomes: `parseModelSpec` for `loadSpec`, and the core's
 * TableBuilder + `reference-scorer.ts` for `referenceScores`; the tests do not change.
 */
import { readFileSync } from 'node:fs';
import { sigmoid } from '../scoring/reference-scorer.ts';
import { categoryMatcher } from '../values/match-category.ts';
import { parseNumber } from '../values/parse-number.ts';
import type { CategoricalColumn } from '../spec/model-spec.ts';
import { MISSING_MARKERS } from '../values/missing-cell.ts';
import type { SqlCategoricalColumn, SqlNumericColumn, SqlSpec } from './sql-spec.ts';

/** Format 1 implied these bands; format 2 writes them (see the lead's upgrade-spec-v1.ts). */
const FORMAT_1_BANDS = [
  { name: 'Low', from: 0 },
  { name: 'Medium', from: 0.15 },
  { name: 'High', from: 0.35 },
  { name: 'Very high', from: 0.6 },
];

export function loadSpec(path: string): SqlSpec {
  const json = JSON.parse(readFileSync(path, 'utf8')) as SqlSpec & { format: string };
  return json.format === 'churn-radar-model/1' ? { ...json, risk_bands: FORMAT_1_BANDS } : json;
}

export interface ReferenceScore {
  probability: number | null;
  reason: string | null;
}

const markers = new Set(MISSING_MARKERS.map((m) => m.toLowerCase()));
// What the SQL quotes in its messages: the trimmed cell with inner white space made plain spaces.
const shown = (text: string) => text.trim().replace(/\s/g, ' ');
const isMissing = (text: string) => text.trim() === '' || markers.has(text.trim().toLowerCase());

type Cells = (specColumn: string) => string;

function readNumbers(spec: SqlSpec, cell: Cells): { values: Map<string, number>; problems: Map<string, string> } {
  const values = new Map<string, number>();
  const problems = new Map<string, string>();
  const numeric = spec.columns.filter((c): c is SqlNumericColumn => c.type === 'numeric');
  for (const c of numeric) {
    const text = cell(c.name);
    if (isMissing(text)) {
      if ('constant' in c.impute) values.set(c.name, c.impute.constant);
      continue;
    }
    const parsed = parseNumber(text, { decimalComma: false });
    if (!parsed.ok || parsed.value === null) problems.set(c.name, `${c.label} "${shown(text)}" is not a number.`);
    else if (c.bounds && (parsed.value < c.bounds.min || parsed.value > c.bounds.max)) {
      problems.set(c.name, `${c.label} "${shown(text)}" is impossible (allowed ${c.bounds.min} to ${c.bounds.max}).`);
    } else values.set(c.name, parsed.value);
  }
  for (const c of numeric) {
    if (!('product' in c.impute) || !isMissing(cell(c.name))) continue;
    const [a, b] = c.impute.product;
    const x = values.get(a);
    const y = values.get(b);
    if (x === undefined || y === undefined)
      problems.set(c.name, `${c.label} is missing and cannot be worked out because ${a} or ${b} is unusable.`);
    else values.set(c.name, x * y);
  }
  return { values, problems };
}

function readLevels(spec: SqlSpec, cell: Cells): Map<string, string | undefined> {
  const levels = new Map<string, string | undefined>();
  for (const c of spec.columns.filter((col): col is SqlCategoricalColumn => col.type === 'categorical')) {
    const text = cell(c.name);
    const code = categoryMatcher(c as unknown as CategoricalColumn)(text);
    levels.set(c.name, code >= 0 ? c.categories[code] : isMissing(text) ? c.missing : c.other);
  }
  return levels;
}

/** Scores one row of raw cells (by spec column name): the probability, or why the row is rejected. */
export function referenceScore(spec: SqlSpec, cell: Cells): ReferenceScore {
  const { values, problems } = readNumbers(spec, cell);
  for (const c of spec.columns) {
    if (c.type !== 'numeric') continue;
    const problem = problems.get(c.name);
    if (problem) return { probability: null, reason: problem };
    const logged = spec.features.some((f) => f.column === c.name && f.transform === 'log1p');
    if (logged && values.get(c.name)! <= -1) {
      return {
        probability: null,
        reason: `${c.label} "${shown(cell(c.name))}" is -1 or less, so its logarithm is undefined.`,
      };
    }
  }
  const levels = readLevels(spec, cell);
  let logit = spec.intercept;
  spec.features.forEach((f, j) => {
    let x: number;
    if (f.category !== undefined) x = levels.get(f.column) === f.category ? 1 : 0;
    else if (f.indicator === 'missing') x = isMissing(cell(f.column)) ? 1 : 0;
    else x = f.transform === 'log1p' ? Math.log1p(values.get(f.column)!) : values.get(f.column)!;
    logit += spec.coefficients[j]! * ((x - f.mean) / f.std);
  });
  return { probability: sigmoid(logit), reason: null };
}
