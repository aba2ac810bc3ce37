import type { Comparison } from '../../core/decision/compare.ts';
import { csvRow } from '../../core/export/csv-field.ts';
import { neutraliseCell } from '../../core/export/spreadsheet-safety.ts';
import { riskBandName } from '../../core/decision/risk-band.ts';
import type { RiskBandSpec } from '../../core/spec/model-spec.ts';
import type { ScoredDataset } from '../../worker/protocol.ts';

type Side = Pick<ScoredDataset, 'ids' | 'probabilities'>;

const idOf = (side: Side, row: number) =>
  side.ids!.text.slice(side.ids!.offsets[row], side.ids!.offsets[row + 1]).trim();
// IDs come from the file: quoted as needed, and never run as a spreadsheet formula.
const quote = (cell: string) => csvRow([neutraliseCell(cell)], ',');
const prob = (p: number | undefined) => (p === undefined || Number.isNaN(p) ? '' : p.toFixed(4));

/**
 * One line per customer in either file: whether they stayed, left or are new, both
 * probabilities, the change in points, both bands and the groups they fall in.
 */
export function changesCsv(
  before: Side,
  now: Side,
  comparison: Comparison,
  bands: readonly RiskBandSpec[],
  threshold: number,
): Blob {
  const header =
    'customer_id,status,probability_before,probability_now,change_points,risk_band_before,risk_band_now,newly_at_risk,no_longer_at_risk\r\n';
  const parts: string[] = ['\uFEFF', header];
  const band = (p: number | undefined) => (p === undefined || Number.isNaN(p) ? '' : riskBandName(p, bands));
  const lines: string[] = [];
  const flush = () => {
    parts.push(lines.join(''));
    lines.length = 0;
  };
  for (let i = 0; i < now.probabilities.length; i++) {
    const j = comparison.beforeRowOf[i]!;
    const p1 = now.probabilities[i]!;
    const p0 = j >= 0 ? before.probabilities[j]! : undefined;
    const both = p0 !== undefined && !Number.isNaN(p0) && !Number.isNaN(p1);
    const change = both ? ((p1 - p0) * 100).toFixed(1) : '';
    const newly = both && p1 >= threshold && p0 < threshold ? '1' : '0';
    const noLonger = both && p1 < threshold && p0 >= threshold ? '1' : '0';
    lines.push(
      `${quote(idOf(now, i))},${j >= 0 ? 'stayed' : 'new'},${prob(p0)},${prob(p1)},${change},${band(p0)},${band(p1)},${newly},${noLonger}\r\n`,
    );
    if (lines.length === 10_000) flush();
  }
  for (const j of comparison.leftRows) {
    const p0 = before.probabilities[j]!;
    lines.push(`${quote(idOf(before, j))},left,${prob(p0)},,,${band(p0)},,0,0\r\n`);
    if (lines.length === 10_000) flush();
  }
  flush();
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}
