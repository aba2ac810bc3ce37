import type { CategoricalColumn, NumericColumn, SpecColumn, SpecFeature } from '../spec/model-spec.ts';
import { normaliseCategory } from '../values/match-category.ts';
import { isMissingCell } from '../values/missing-cell.ts';
import { parseNumber } from '../values/parse-number.ts';
import { chooseLog1p } from './choose-transform.ts';
import type { ColumnRole } from './infer-roles.ts';
import { humanLabel, type RawTable } from './raw-table.ts';
import type { ColumnConfig } from './training-config.ts';

/** Recipe constants (issue 8): rare levels pool into "Other"; missing indicators above 1 % missing. */
export const LEVEL_RULES = { minShare: 0.01, minRows: 10, indicatorShare: 0.01 } as const;
export const OTHER_LEVEL = 'Other';
export const MISSING_LEVEL = '(missing)';

export type FeatureTemplate = Omit<SpecFeature, 'mean' | 'std'>;

export interface BuiltColumn {
  column: SpecColumn;
  features: FeatureTemplate[];
  /** The column's cells for the table builder: unreadable numbers and impossible values blanked (counted below). */
  cells: string[];
  /** Training notes for the report, e.g. "3 cells were not numbers: read as missing". */
  notes: string[];
}

function median(sorted: Float64Array): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Two significant digits: band edges people can read ("1,200", not "1,187.35"). */
function roundEdge(x: number): number {
  if (x === 0) return 0;
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
  return Math.round(x / scale) * scale;
}

/** Quartile edges of the training values, rounded, for segment charts. */
function quartileEnds(sorted: Float64Array): number[] | undefined {
  const ends: number[] = [];
  for (const q of [0.25, 0.5, 0.75]) {
    const edge = roundEdge(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
    if (edge > sorted[0]! && edge < sorted[sorted.length - 1]! && (ends.length === 0 || edge > ends[ends.length - 1]!))
      ends.push(edge);
  }
  return ends.length ? ends : undefined;
}

/** Numeric cells of the training rows; unreadable or impossible cells count as missing there. */
export function buildNumeric(
  table: RawTable,
  role: ColumnRole,
  settings: ColumnConfig,
  train: readonly number[],
  y: Uint8Array,
): BuiltColumn {
  const raw = table.columns[role.index]!;
  const cells = raw.slice();
  const values = new Float64Array(table.rowCount).fill(NaN);
  let unreadable = 0;
  let impossible = 0;
  raw.forEach((cell, r) => {
    if (isMissingCell(cell)) return;
    const parsed = parseNumber(cell, { decimalComma: false });
    if (!parsed.ok || parsed.value === null) {
      unreadable++;
      cells[r] = '';
      return;
    }
    const v = parsed.value;
    if (settings.bounds && (v < settings.bounds.min || v > settings.bounds.max)) {
      impossible++;
      cells[r] = '';
      return;
    }
    values[r] = v;
  });
  const seen = Float64Array.from(
    train.filter((r) => !Number.isNaN(values[r]!)),
    (r) => values[r]!,
  ).sort();
  const missingShare = (train.length - seen.length) / train.length;
  const middle = seen.length ? median(seen) : 0;
  const column: NumericColumn = {
    name: role.name,
    label: settings.label ?? humanLabel(role.name),
    type: 'numeric',
    aliases: settings.aliases ?? [],
    impute: settings.impute ?? { constant: middle },
    ...(settings.bounds ? { bounds: settings.bounds } : {}),
    range: { min: seen.length ? seen[0]! : 0, max: seen.length ? seen[seen.length - 1]! : 0 },
    unit: settings.unit ?? 'none',
    ...(seen.length ? { band_ends: settings.band_ends ?? quartileEnds(seen) } : {}),
    sensitive: role.sensitive,
    ...(Array.isArray(settings.actionable)
      ? { actionable: { values: settings.actionable.map(Number).filter(Number.isFinite) } }
      : {}),
  };
  if (column.band_ends === undefined) delete column.band_ends;
  const features: FeatureTemplate[] = [{ name: role.name, column: role.name }];
  const log = settings.transform === 'log1p' || (settings.transform === undefined && chooseLog1p(values, train, y));
  if (log && column.range.min >= 0)
    features.push({ name: `log1p(${role.name})`, column: role.name, transform: 'log1p' });
  if (missingShare > LEVEL_RULES.indicatorShare)
    features.push({ name: `${role.name} is missing`, column: role.name, indicator: 'missing' });
  const notes: string[] = [];
  if (unreadable) notes.push(`${unreadable} cell(s) were not numbers: read as missing`);
  if (impossible)
    notes.push(
      `${impossible} cell(s) were outside the bounds ${settings.bounds!.min}–${settings.bounds!.max}: read as missing`,
    );
  return { column, features, cells, notes };
}

/** A level name that no real value uses: "Other", else "Other (rare values)", else numbered. */
function freeName(wanted: string, taken: Set<string>, fallback: string): string {
  if (!taken.has(normaliseCategory(wanted))) return wanted;
  let name = fallback;
  for (let k = 2; taken.has(normaliseCategory(name)); k++) name = `${fallback} ${k}`;
  return name;
}

/**
 * Levels from the training rows: the config's categories, or every value seen in at least
 * 1 % of training rows and 10 rows; rarer values pool into "Other", and missing cells get
 * a "(missing)" level when training saw any.
 */
export function buildCategorical(
  table: RawTable,
  role: ColumnRole,
  settings: ColumnConfig,
  train: readonly number[],
): BuiltColumn {
  const cells = table.columns[role.index]!;
  const synonyms = Object.fromEntries(
    Object.entries(settings.synonyms ?? {}).map(([k, v]) => [normaliseCategory(k), v]),
  );
  const counts = new Map<string, Map<string, number>>();
  let missing = 0;
  for (const r of train) {
    const cell = cells[r]!;
    const key = normaliseCategory(cell);
    const canonical = synonyms[key] !== undefined ? normaliseCategory(synonyms[key]) : key;
    if (settings.categories?.some((c) => normaliseCategory(c) === canonical)) {
      const spellings = counts.get(canonical) ?? new Map<string, number>();
      spellings.set(cell.trim(), (spellings.get(cell.trim()) ?? 0) + 1);
      counts.set(canonical, spellings);
      continue;
    }
    if (isMissingCell(cell)) {
      missing++;
      continue;
    }
    const spellings = counts.get(canonical) ?? new Map<string, number>();
    spellings.set(cell.trim(), (spellings.get(cell.trim()) ?? 0) + 1);
    counts.set(canonical, spellings);
  }
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const minRows = Math.max(LEVEL_RULES.minRows, LEVEL_RULES.minShare * train.length);
  let levels: { name: string; count: number }[];
  let pooled = 0;
  if (settings.categories) {
    const wanted = new Set(settings.categories.map(normaliseCategory));
    levels = settings.categories.map((c) => ({ name: c, count: total(counts.get(normaliseCategory(c)) ?? new Map()) }));
    for (const [key, m] of counts) if (!wanted.has(key)) pooled += total(m);
  } else {
    const all = [...counts.entries()]
      .map(([key, m]) => {
        const spelling = [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
        return { key, name: spelling, count: total(m) };
      })
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
    levels = all.filter((l) => l.count >= minRows).map(({ name, count }) => ({ name, count }));
    pooled = all.filter((l) => l.count < minRows).reduce((s, l) => s + l.count, 0);
  }
  const taken = new Set(levels.map((l) => normaliseCategory(l.name)));
  const other = pooled > 0 ? freeName(OTHER_LEVEL, taken, `${OTHER_LEVEL} (rare values)`) : undefined;
  const missingLevel = missing > 0 ? freeName(MISSING_LEVEL, taken, '(no value)') : undefined;
  if (other) levels.push({ name: other, count: pooled });
  if (missingLevel) levels.push({ name: missingLevel, count: missing });
  const categories = levels.map((l) => l.name);
  const actionable =
    settings.actionable === true
      ? categories.filter((c) => c !== other && c !== missingLevel)
      : Array.isArray(settings.actionable)
        ? settings.actionable.map(String)
        : undefined;
  const column: CategoricalColumn = {
    name: role.name,
    label: settings.label ?? humanLabel(role.name),
    type: 'categorical',
    aliases: settings.aliases ?? [],
    categories,
    synonyms,
    frequencies: levels.map((l) => l.count / train.length),
    ...(other ? { other } : {}),
    ...(missingLevel ? { missing: missingLevel } : {}),
    sensitive: role.sensitive,
    ...(actionable ? { actionable: { values: actionable } } : {}),
  };
  const features = categories.map((category) => ({ name: `${role.name}=${category}`, column: role.name, category }));
  const notes = pooled > 0 ? [`${pooled} training row(s) with rare values pooled into "${other}"`] : [];
  return { column, features, cells, notes };
}
