import { riskBandIndex } from '../decision/risk-band.ts';
import { topReasonsText } from '../explain/reasons.ts';
import type { FeatureSource } from '../model-input/feature-plan.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import { csvCells } from './csv-cells.ts';
import type { DecisionColumns } from './decision-columns.ts';
import { plainRowTest } from './plain-row.ts';
import { rewrittenRow } from './rewritten-row.ts';

export interface CsvLines {
  spec: ModelSpec;
  plan: readonly FeatureSource[];
  delimiter: string;
  /** The file's headers: its rows' own cells. */
  columns: number;
  decided: DecisionColumns;
}

/** One row of a batch: its text, and its cells split from the batch when asked. */
export interface CsvRow {
  row: number;
  text: string;
  cells: () => readonly string[];
  rejected: boolean;
  probability: number;
  flagged: boolean;
  issue: string;
  /** Where the row's terms start (see writeTerms). */
  offset: number;
}

/**
 * One export line: the row as the file has it (or rewritten from its cells, see rewrittenRow),
 * then the cells of SCORED_COLUMNS (as `scoredCells` gives them) and the decision columns, each
 * as `csvField(neutraliseCell(cell))` after the delimiter, then CRLF. No array per row, and the
 * band names are made fields once.
 */
export function csvLineWriter({
  spec,
  plan,
  delimiter,
  columns,
  decided,
}: CsvLines): (r: CsvRow, terms: Float64Array) => string {
  const isPlain = plainRowTest(delimiter, columns);
  const fields = csvCells(delimiter);
  const reasonsOf = topReasonsText(spec, plan);
  const flags = [fields.cell('0'), fields.cell('1')];
  const bands = spec.risk_bands.map((band) => fields.cell(band.name));
  const blankScores = delimiter.repeat(4);

  const reasons = (row: number, terms: Float64Array, offset: number) => fields.cell(reasonsOf(terms, offset, row));

  return (r, terms) => {
    let original = r.text;
    let extra = '';
    if (r.rejected || !isPlain(r.text))
      ({ original, extra } = rewrittenRow(r.cells(), r.text, columns, delimiter, r.rejected));
    const p = r.probability;
    const scores = Number.isNaN(p)
      ? blankScores
      : `${delimiter}${fields.fixed(p, 4)}${delimiter}${r.flagged ? flags[1] : flags[0]}${delimiter}${bands[riskBandIndex(p, spec.risk_bands)]}${delimiter}${reasons(r.row, terms, r.offset)}`;
    const issue = r.issue === '' ? '' : fields.cell(r.issue);
    return `${original}${scores}${delimiter}${issue}${decided.csv(fields, r.row, p, terms, r.offset)}${extra}\r\n`;
  };
}
