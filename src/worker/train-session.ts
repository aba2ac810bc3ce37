import { normaliseHeader } from '../core/columns/normalise-header.ts';
import { fail, ok, type Result } from '../core/result.ts';
import { inferRoles, type ColumnRole } from '../core/train/infer-roles.ts';
import { distinctValues, findHeader, suggestPositive } from '../core/train/outcome.ts';
import type { RawTable } from '../core/train/raw-table.ts';
import { trainModels, type TrainedPackage } from '../core/train/train-model.ts';
import type { TrainingConfig } from '../core/train/training-config.ts';
import { packageFiles } from '../core/train/write-package.ts';
import type { ColumnChoice, HistoryOverview, OutcomeCandidate, TrainedModel, TrainRequest } from './train-protocol.ts';

/** Header words that say "this column records who left" (issue 10). */
const OUTCOME_NAMES = [
  'churn',
  'churned',
  'exited',
  'attrition',
  'attrited',
  'cancelled',
  'canceled',
  'left',
  'status',
];

const namedLikeOutcome = (header: string) => {
  const words = header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/);
  return words.some((w) => OUTCOME_NAMES.includes(w)) || OUTCOME_NAMES.includes(normaliseHeader(header));
};

/** Cells longer than this are notes or blobs, never a category a model can learn from. */
export const LONGEST_CELL = 500;

/** Every column with exactly two values can be the outcome; those named like one come first. */
function outcomeCandidates(table: RawTable): OutcomeCandidate[] {
  const found: (OutcomeCandidate & { named: boolean })[] = [];
  table.headers.forEach((column, index) => {
    const values = distinctValues(table.columns[index]!);
    if (values.size !== 2) return;
    const list = [...values.values()].map((v) => ({ spelling: v.spelling, count: v.count }));
    found.push({ column, values: list, positive: suggestPositive(values), named: namedLikeOutcome(column) });
  });
  // Named ones first, then the rightmost (an export's outcome is usually its last column).
  found.sort(
    (a, b) => Number(b.named) - Number(a.named) || table.headers.indexOf(b.column) - table.headers.indexOf(a.column),
  );
  return found.map(({ named: _, ...c }) => c);
}

/** Why a file has no outcome column, naming the columns that looked like one. */
function noOutcomeProblem(table: RawTable): string {
  const named = table.headers
    .map((h, i) => ({ h, values: distinctValues(table.columns[i]!) }))
    .filter(({ h }) => namedLikeOutcome(h));
  const what =
    'An outcome column has exactly two values, one for customers who left and one for those who stayed, such as Churn = Yes/No or Exited = 1/0.';
  if (named.length === 0)
    return `No column of this file can be the outcome: none has exactly two different values. ${what}`;
  const details = named.map(({ h, values }) => {
    const shown = [...values.values()]
      .slice(0, 4)
      .map((v) => `"${v.spelling}"`)
      .join(', ');
    if (values.size === 0) return `"${h}" is blank in every row`;
    if (values.size === 1) return `"${h}" has only one value (${shown}): every customer has the same outcome`;
    return `"${h}" has ${values.size} different values (${shown}${values.size > 4 ? ', …' : ''})`;
  });
  return `No column of this file can be the outcome: ${details.join('; ')}. ${what}`;
}

/** Roles for a chosen outcome, with the page's defaults: sensitive columns and long-text columns left out. */
export function rolesFor(table: RawTable, target: string): ColumnRole[] {
  const index = findHeader(table.headers, [target]);
  return inferRoles(table, index).map((role) => {
    if (role.role !== 'numeric' && role.role !== 'categorical') return role;
    const cells = table.columns[role.index]!;
    if (cells.some((c) => c.length > LONGEST_CELL))
      return {
        ...role,
        role: 'left-out' as const,
        reason: `free text: some cells are longer than ${LONGEST_CELL} characters`,
      };
    return role;
  });
}

/** What the page shows once a file is read: the outcome candidates and the roles for the suggested one. */
export function inspectHistory(table: RawTable, fileName: string): Result<HistoryOverview> {
  if (table.headers.length === 0 || table.rowCount === 0)
    return fail(`${fileName} has no data rows: a history file has a header line and one row per customer.`);
  const candidates = outcomeCandidates(table);
  if (candidates.length === 0) return fail(noOutcomeProblem(table));
  const target = candidates[0]!.column;
  return ok({
    fileName,
    rows: table.rowCount,
    headers: table.headers,
    candidates,
    target,
    roles: rolesFor(table, target),
  });
}

/**
 * The trainer's config from the person's choices. In the browser, sensitive columns are left
 * out unless the person includes them (issue 8: the command line includes them as configured).
 */
export function configFor(roles: readonly ColumnRole[], choices: Record<string, ColumnChoice>): TrainingConfig {
  const columns: NonNullable<TrainingConfig['columns']> = {};
  for (const role of roles) {
    if (role.role === 'outcome' || role.role === 'id') continue;
    const choice = choices[role.name];
    const usable = role.role === 'numeric' || role.role === 'categorical';
    if (!choice) {
      if (usable && role.sensitive) columns[role.name] = { include: false };
      // The page's own rule (long text) is not the trainer's: say it in the config.
      else if (!usable && role.reason.startsWith('free text: some cells')) columns[role.name] = { include: false };
      continue;
    }
    if (!choice.include) {
      columns[role.name] = { include: false };
      continue;
    }
    // include: true also keeps a probable leak, so it is only written when the person asked for it.
    const keep = choice.keepLeak || !usable || role.sensitive;
    const type = !usable || choice.type !== role.role ? choice.type : undefined;
    if (keep || type) columns[role.name] = { ...(keep ? { include: true } : {}), ...(type ? { type } : {}) };
  }
  return Object.keys(columns).length ? { columns } : {};
}

/** Trains as the command line does, with the file name as the dataset name. */
export function trainHistory(
  table: RawTable,
  request: TrainRequest,
  sha256: string,
  fileName: string,
  progress?: (stage: string, done: number, total: number) => void,
): Result<TrainedModel> {
  const roles = rolesFor(table, request.target);
  const config = configFor(roles, request.choices);
  const trained = trainModels(table, {
    target: request.target,
    positive: request.positive,
    config,
    name: request.name || undefined,
    dataset: { name: fileName, sha256 },
    progress,
  });
  if (!trained.ok) return trained;
  const pkg: TrainedPackage = trained.value[0]!;
  return ok({ spec: pkg.spec, onnx: pkg.onnx, report: pkg.report, files: packageFiles(pkg), config });
}

/** Hex SHA-256 of a file's bytes, the same in the browser and Node. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
