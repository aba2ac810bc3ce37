import { createHash } from 'node:crypto';
import { mapHeaders } from '../../src/core/columns/map-headers.ts';
import { parseCsvText } from '../../src/core/csv/parse-csv-text.ts';
import type { SpecColumn } from '../../src/core/spec/model-spec.ts';
import { TableBuilder } from '../../src/core/table/table-builder.ts';
import { normaliseCategory } from '../../src/core/values/match-category.ts';
import { SEED, type TrainingData } from './train-model.ts';
import { stratifiedSplit } from './stratified-split.ts';
import { ID_COLUMN, TARGET, TARGET_ALIASES, TELCO_COLUMNS } from './telco-catalog.ts';

export interface Dataset extends TrainingData {
  sha256: string;
  imputed: Record<string, number>;
}

/**
 * Reads the Telco CSV with the app's own parsing code. Nothing is dropped: a row
 * the app would reject stops training, because the model must see what the app sees.
 */
export function loadTrainingData(bytes: Buffer): Dataset {
  const { header, rows } = parseCsvText(bytes.toString('utf8'));
  // Medians are not known before the split; the Telco file has no blanks in these columns, which is checked below.
  const provisional: SpecColumn[] = TELCO_COLUMNS.map((c) => c.type === 'categorical'
    ? { ...c }
    : { ...c, impute: c.impute === 'median' ? { constant: 0 } : c.impute, range: c.bounds });
  const targets = [...provisional, ID_COLUMN, { name: TARGET.column, aliases: TARGET_ALIASES }];
  const mapping = mapHeaders(header, targets);
  if (mapping.missing.length || mapping.ambiguous.length) {
    throw new Error(`The training file lacks or repeats columns: missing ${mapping.missing.join(', ') || 'none'}; ambiguous ${mapping.ambiguous.map((a) => a.column).join(', ') || 'none'}`);
  }
  const builder = new TableBuilder(provisional, mapping.found, { decimalComma: false });
  rows.forEach((cells, i) => builder.addRow(cells, i + 2));
  const table = builder.finish();

  const imputed: Record<string, number> = {};
  for (const issue of table.issues) {
    const where = `row ${issue.row}, ${issue.column} "${issue.value}"`;
    if (issue.kind === 'rejected' || issue.kind === 'unknown-category') throw new Error(`Training data problem at ${where}: ${issue.message}`);
    if (issue.kind === 'imputed' && issue.column !== 'TotalCharges') throw new Error(`Unexpected blank at ${where}: only TotalCharges may be imputed`);
    if (issue.kind === 'imputed') imputed[issue.column] = (imputed[issue.column] ?? 0) + 1;
  }

  const targetCell = mapping.found.get(TARGET.column)!;
  const idCell = mapping.found.get(ID_COLUMN.name)!;
  const y = Uint8Array.from(rows, (cells, i) => {
    const v = normaliseCategory(cells[targetCell] ?? '');
    if (v === normaliseCategory(TARGET.positive)) return 1;
    if (v === normaliseCategory(TARGET.negative)) return 0;
    throw new Error(`Row ${i + 2}: ${TARGET.column} "${cells[targetCell]}" is neither ${TARGET.positive} nor ${TARGET.negative}`);
  });
  const ids = rows.map((cells) => cells[idCell] ?? '');
  const { train, test } = stratifiedSplit(y, 0.2, SEED);
  return { table, y, ids, train, test, imputed, sha256: createHash('sha256').update(bytes).digest('hex') };
}
