import type { FeatureSource } from '../model-input/feature-plan.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import { columnContributions, columnTermsOfRows } from './feature-terms.ts';

export interface Reason {
  column: string;
  label: string;
  /** Change in log-odds against an average customer; positive raises the risk. */
  contribution: number;
  /** What the customer has, in words: "Contract: Month-to-month", "Short tenure (2 months)". */
  text: string;
}

// One formatter for every row: toLocaleString builds a new one per call, which dominates large exports.
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A number JavaScript writes with at most two decimals and no exponent: the minus, the whole part and the decimals. */
const SHORT_DECIMAL = /^(-?)(\d{1,15})(\.\d{1,2})?$/;

/**
 * `numberFormat.format(x)`, told without Intl for the numbers a customer file mostly holds (whole
 * numbers and cents). Intl formats the shortest decimal that reads back as x, as String(x) writes
 * it; when that has at most two decimals there is nothing to round, and en-US only adds a comma
 * every three digits of the whole part. Zero goes to Intl, which writes -0 as "-0". Checked
 * against Intl on 6 million numbers, and in format-number.test.ts.
 */
export function formatNumber(x: number): string {
  const parts = x !== 0 ? SHORT_DECIMAL.exec(String(x)) : null;
  if (!parts) return numberFormat.format(x);
  const whole = parts[2]!;
  let grouped = whole.slice(0, ((whole.length - 1) % 3) + 1);
  for (let at = grouped.length; at < whole.length; at += 3) grouped += `,${whole.slice(at, at + 3)}`;
  return parts[1]! + grouped + (parts[3] ?? '');
}

/**
 * Formats numbers through a small cache: a column's values repeat (tenure in months, charges in
 * cents), and `Intl.NumberFormat.format` cost 3.7 µs a call, a third of the export's reasons.
 * Values that do not repeat (total charges) go through formatNumber, which skips Intl for most:
 * formatting took 0.46 s of 1,000,000 Telco rows' reasons with Intl on every miss (Node 20).
 */
function cachedNumberFormat(): (x: number) => string {
  const cache = new Map<number, string>();
  return (x) => {
    let text = cache.get(x);
    if (text === undefined) {
      if (cache.size >= 65_536) cache.clear();
      text = formatNumber(x);
      cache.set(x, text);
    }
    return text;
  };
}

type DescribeColumn = (row: number) => string;

/** Builds, once per spec and table, the function that puts one column's value of a row in words. */
function columnDescriber(
  spec: Pick<ModelSpec, 'columns' | 'features'>,
  plan: readonly FeatureSource[],
  columnIndex: number,
  number: (x: number) => string,
): DescribeColumn {
  const column = spec.columns[columnIndex]!;
  const source = plan.find((s) => s.column === columnIndex && !s.missingIndicator)!;
  const values = source.values;
  if (column.type === 'categorical') {
    const texts = column.categories.map((c) => `${column.label}: ${c}`);
    const unknown = `${column.label}: unknown`;
    return (row) => {
      const code = values[row]!;
      return code < 0 ? unknown : texts[code]!;
    };
  }
  const missing = plan.find((s) => s.column === columnIndex && s.missingIndicator)?.values;
  // Compare with the training average (the plain, untransformed feature's mean).
  const plain = plan.findIndex(
    (s, j) => s.column === columnIndex && !s.missingIndicator && spec.features[j]!.transform === undefined,
  );
  const mean = plain >= 0 ? spec.features[plain]!.mean : undefined;
  const duration = column.unit === 'months' || column.unit === 'days';
  const [low, high] = duration ? ['Short', 'Long'] : ['Low', 'High'];
  const label = column.label.toLowerCase();
  const singular = column.unit === 'months' ? 'month' : 'day';
  const missingText = `${column.label}: missing (read as `;
  const describe = (value: number, isMissing: boolean) => {
    if (isMissing) return `${missingText}${number(value)})`;
    const word = value < (mean ?? value) ? low : high;
    const unit = duration ? ` ${value === 1 ? singular : column.unit}` : column.unit === 'percent' ? ' %' : '';
    return `${word} ${label} (${number(value)}${unit})`;
  };
  // A value's words are the same on every row: kept per value, they cost the export a lookup, not a
  // template and a number format (the number cache alone was 0.44 s of 1,000,000 Telco rows' export). Zero is left
  // to `number`, whose cache takes 0 and -0 for one key, so that its words stay as they were.
  const texts = new Map<number, string>();
  const missingTexts = new Map<number, string>();
  return (row) => {
    const value = values[row]!;
    const isMissing = missing !== undefined && missing[row] === 1;
    if (value === 0) return describe(value, isMissing);
    const cache = isMissing ? missingTexts : texts;
    let text = cache.get(value);
    if (text === undefined) {
      if (cache.size >= 65_536) cache.clear();
      text = describe(value, isMissing);
      cache.set(value, text);
    }
    return text;
  };
}

function describers(spec: Pick<ModelSpec, 'columns' | 'features'>, plan: readonly FeatureSource[]): DescribeColumn[] {
  const number = cachedNumberFormat();
  return spec.columns.map((_, c) => columnDescriber(spec, plan, c, number));
}

/** Every input column's push on one customer's risk, strongest first. */
export function explainRow(
  spec: Pick<ModelSpec, 'columns' | 'features' | 'coefficients'>,
  plan: readonly FeatureSource[],
  row: number,
): Reason[] {
  const contributions = columnContributions(spec, plan, row);
  const describe = describers(spec, plan);
  return spec.columns
    .map((column, c) => ({
      column: column.name,
      label: column.label,
      contribution: contributions[c]!,
      text: describe[c]!(row),
    }))
    .sort((a, b) => b.contribution - a.contribution);
}

/** Up to `n` columns that raise this customer's risk the most. */
export function topReasons(reasons: readonly Reason[], n = 3): Reason[] {
  return reasons.filter((r) => r.contribution > 0).slice(0, n);
}

/**
 * The export's `top_reasons` cell for many rows: the texts of `topReasons(explainRow(…))`
 * joined with "; ", from terms already computed for a block of rows (see writeTerms). It
 * picks the top three instead of sorting every column, and describes only those.
 */
export function topReasonsText(
  spec: Pick<ModelSpec, 'columns' | 'features' | 'coefficients'>,
  plan: readonly FeatureSource[],
  n = 3,
): (terms: Float64Array, offset: number, row: number) => string {
  const describe = describers(spec, plan);
  const contributions = new Float64Array(spec.columns.length);
  // The strongest columns so far, strongest first: a small array kept in order by hand (splice was a tenth of the export).
  const top = new Int32Array(n);
  const columnTerms = columnTermsOfRows(spec, plan);
  return (terms, offset, row) => {
    columnTerms(terms, offset, row, contributions);
    let kept = 0;
    for (let c = 0; c < contributions.length; c++) {
      const value = contributions[c]!;
      if (!(value > 0)) continue;
      // Goes after every column at least as strong: ties keep column order, as the stable sort does.
      let at = kept;
      while (at > 0 && contributions[top[at - 1]!]! < value) at--;
      if (at >= n) continue;
      for (let k = Math.min(kept, n - 1); k > at; k--) top[k] = top[k - 1]!;
      top[at] = c;
      if (kept < n) kept++;
    }
    let text = '';
    for (let k = 0; k < kept; k++) text += (k ? '; ' : '') + describe[top[k]!]!(row);
    return text;
  };
}

export const sentence = (r: Reason) => `${r.text} ${r.contribution > 0 ? 'raises' : 'lowers'} the risk`;
