/**
 * One record's cells, decoded only when asked for. The byte reader hands the same object for
 * every record (valid during the visit only), so reading a million rows builds no per-row array,
 * and cells that no model column, ID or outcome uses are never turned into strings.
 */
export interface RecordCells {
  readonly count: number;
  /** The cell's text; '' beyond the last cell. */
  cell(index: number): string;
  /** Every cell, as a new array (headers, previews, rejected rows). */
  all(): string[];
  /** Same rule as PapaParse's 'greedy': a row of only whitespace and delimiters is no row. */
  blank(): boolean;
  /** Byte readers only: the cells as byte ranges, for the table builder's fast path. */
  readonly byteCells?: ByteCells;
  /** Byte readers only: the cell's raw bytes (a copy), unless it holds doubled quotes. */
  rawBytes?(index: number): Uint8Array | undefined;
}

/** Cell i is bytes[starts[i], ends[i]) of the buffer being read, with doubled quotes where escaped[i] is 1. */
export interface ByteCells {
  readonly count: number;
  readonly bytes: Uint8Array;
  /** The same bytes, for reading four at a time. */
  readonly view: DataView;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly escaped: Uint8Array;
}

/** Cells that are already strings (PapaParse's path, the trainer, tests). */
export function arrayCells(values: readonly string[]): RecordCells {
  return {
    count: values.length,
    cell: (index) => values[index] ?? '',
    all: () => [...values],
    blank: () => isBlank(values),
  };
}

/** Same rule as PapaParse's 'greedy': a row of only whitespace and delimiters is no row. */
export function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}
