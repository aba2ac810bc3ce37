import { headerTargetsOf, mapHeaders } from '../columns/map-headers.ts';
import { fail, ok, type Result } from '../result.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import type { ColumnTable } from './column-table.ts';
import { TableBuilder } from './table-builder.ts';

/**
 * Reads a whole in-memory table (header + rows of cell text) for a spec, exactly as the app
 * reads a streamed file: headers matched by name and aliases, then every row through TableBuilder.
 * For the trainer's checks, the command line and tests; the app streams instead.
 */
export function tableForSpec(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  spec: Pick<ModelSpec, 'columns'>,
  decimalComma = false,
): Result<ColumnTable> {
  const mapping = mapHeaders(header, headerTargetsOf(spec.columns));
  if (mapping.missing.length || mapping.ambiguous.length) {
    return fail(
      `The file lacks or repeats the model's columns: missing ${mapping.missing.join(', ') || 'none'}; ambiguous ${mapping.ambiguous.map((a) => a.column).join(', ') || 'none'}.`,
    );
  }
  const builder = new TableBuilder(spec.columns, mapping.found, { decimalComma });
  rows.forEach((cells, i) => builder.addRow(cells, i + 2));
  return ok(builder.finish());
}
