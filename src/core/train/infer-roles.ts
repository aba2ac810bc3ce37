import { normaliseHeader } from '../columns/normalise-header.ts';
import { normaliseCategory } from '../values/match-category.ts';
import { isMissingCell } from '../values/missing-cell.ts';
import { parseNumber } from '../values/parse-number.ts';
import type { RawTable } from './raw-table.ts';
import type { TrainingConfig } from './training-config.ts';

export type Role = 'outcome' | 'id' | 'numeric' | 'categorical' | 'left-out';

export interface ColumnRole {
  name: string;
  index: number;
  role: Role;
  /** One line for the report and the page: why this role. */
  reason: string;
  /** The name suggests a protected characteristic. */
  sensitive: boolean;
  /** Share of cells that are blank or a missing marker. */
  missingShare: number;
  distinct: number;
}

/** Inference thresholds, from the recipe (issue 8); a config can override any column's role. */
export const ROLE_RULES = {
  numericShare: 0.98,
  maxCategories: 50,
  mostlyBlank: 0.6,
  nearlyUnique: 0.95,
} as const;

const SENSITIVE =
  /(^|[^a-z])(gender|sex|age|senior|seniorcitizen|race|ethnic\w*|religio\w*|marital|married|nationality|citizenship|disab\w*)([^a-z]|$)/;
const ID_NAME = /(^|[^a-z])(id|ids|number|no|num|key|code|uuid|guid)$|^(id|key|uuid|guid)([^a-z]|$)|(id|number|key)$/;
const ISO_DATE = /^\d{4}-\d{1,2}-\d{1,2}([ t]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(z|[+-]\d{2}:?\d{2})?)?$/i;
const DAY_MONTH_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4})$/;

/** Words of a header in lower case, split at case changes, digits and punctuation: "SeniorCitizen" -> "senior citizen". */
function headerWords(header: string): string {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function looksSensitive(header: string): boolean {
  const words = headerWords(header);
  return SENSITIVE.test(words) || SENSITIVE.test(words.replace(/ /g, ''));
}

function looksLikeIdName(header: string): boolean {
  return ID_NAME.test(headerWords(header)) || ID_NAME.test(header.toLowerCase());
}

// Only shares of at least 50 % are shown (mostly blank, mixed, numeric), so whole percents suffice.
const percent = (share: number) => `${(share * 100).toFixed(0)} %`;

/**
 * Decides each column's role from its cells, with a one-line reason. `idColumn` and the
 * config win over inference; the outcome column is never an input.
 */
export function inferRoles(
  table: RawTable,
  outcomeIndex: number,
  config: TrainingConfig = {},
  idColumn?: string,
): ColumnRole[] {
  const wantedId = idColumn ?? config.id?.column;
  const idNames = wantedId ? new Set([wantedId, ...(config.id?.aliases ?? [])].map(normaliseHeader)) : undefined;
  let idTaken = false;
  return table.headers.map((name, index) => {
    const cells = table.columns[index]!;
    const settings = config.columns?.[name];
    const base = { name, index, sensitive: settings?.sensitive ?? looksSensitive(name) };
    let missing = 0;
    const distinctKeys = new Set<string>();
    let numbers = 0;
    let dates = 0;
    for (const cell of cells) {
      if (isMissingCell(cell)) {
        missing++;
        continue;
      }
      distinctKeys.add(normaliseCategory(cell));
      const parsed = parseNumber(cell, { decimalComma: false });
      if (parsed.ok && parsed.value !== null) numbers++;
      else {
        const t = cell.trim();
        if (ISO_DATE.test(t) || DAY_MONTH_DATE.test(t)) dates++;
      }
    }
    const present = cells.length - missing;
    const missingShare = cells.length ? missing / cells.length : 1;
    const distinct = distinctKeys.size;
    const at = { ...base, missingShare, distinct };
    if (index === outcomeIndex)
      return { ...at, role: 'outcome' as const, reason: 'the outcome the model learns to predict' };
    if (idNames?.has(normaliseHeader(name)) && !idTaken) {
      idTaken = true;
      return { ...at, role: 'id' as const, reason: 'named as the customer ID' };
    }
    if (settings?.include === false) return { ...at, role: 'left-out' as const, reason: 'left out by the config' };
    const forced = settings?.type;
    if (!forced && present === 0) return { ...at, role: 'left-out' as const, reason: 'every cell is blank' };
    if (!forced && missingShare > ROLE_RULES.mostlyBlank)
      return { ...at, role: 'left-out' as const, reason: `mostly blank (${percent(missingShare)} of rows)` };
    if (!forced && distinct === 1)
      return {
        ...at,
        role: 'left-out' as const,
        reason: 'the same value in every row: it cannot tell customers apart',
      };
    if (!forced) {
      const unique = distinct === present && present === cells.length;
      // Unique text is a label; unique numbers are measurements (a score, a salary) unless named like an
      // ID, which the second test below takes (a unique column is nearly unique).
      const idName = looksLikeIdName(name);
      const textual = numbers < ROLE_RULES.numericShare * present;
      if ((unique && textual) || (idName && distinct >= ROLE_RULES.nearlyUnique * present)) {
        const why = unique ? 'a different value in every row' : 'named like an identifier and nearly unique';
        if (wantedId || idTaken) return { ...at, role: 'left-out' as const, reason: `${why}: another identifier` };
        idTaken = true;
        return { ...at, role: 'id' as const, reason: `${why}: the customer ID` };
      }
    }
    if (!forced && dates >= ROLE_RULES.numericShare * present)
      return { ...at, role: 'left-out' as const, reason: 'dates are not used yet' };
    if (forced === 'numeric' || (!forced && numbers >= ROLE_RULES.numericShare * present)) {
      return {
        ...at,
        role: 'numeric' as const,
        reason: forced
          ? 'numeric, as the config says'
          : `numeric: ${percent(numbers / present)} of filled cells are numbers`,
      };
    }
    if (forced === 'categorical' || distinct <= ROLE_RULES.maxCategories) {
      return {
        ...at,
        role: 'categorical' as const,
        reason: forced ? 'categorical, as the config says' : `categorical: ${distinct} different values`,
      };
    }
    if (numbers >= 0.5 * present) {
      return {
        ...at,
        role: 'left-out' as const,
        reason: `mixed: ${percent(numbers / present)} of filled cells are numbers, ${percent(ROLE_RULES.numericShare)} needed; fix the text cells or set the type in the config`,
      };
    }
    const shareDistinct = distinct / present;
    return {
      ...at,
      role: 'left-out' as const,
      reason:
        shareDistinct > 0.8
          ? `free text or codes: ${distinct.toLocaleString('en-US')} different values`
          : `too many different values (${distinct.toLocaleString('en-US')}) for a category`,
    };
  });
}
