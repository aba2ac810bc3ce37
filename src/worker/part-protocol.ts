/**
 * Messages between the scoring worker and the other scoring workers that read parts of a large
 * file for it (see `src/core/read/split-reading.ts`). The page connects them with a
 * MessageChannel each, so the parts travel worker to worker, their buffers transferred.
 */
import type { PartRequest, ReadPart } from '../core/read/read-part.ts';

export type ToPartReader =
  { type: 'read-part'; id: number; file: Blob; request: PartRequest } | { type: 'cancel-part'; id: number };

export type FromPartReader =
  | { type: 'part-progress'; id: number; rows: number; bytes: number }
  | { type: 'part-read'; id: number; part: ReadPart }
  | { type: 'part-failed'; id: number; message: string; cancelled: boolean };

/** The buffers of a part, transferred rather than copied. */
export function partBuffers(part: ReadPart): ArrayBuffer[] {
  const { table } = part;
  const arrays = [
    ...table.numeric.values(),
    ...table.missing.values(),
    ...table.codes.values(),
    table.rejected,
    part.rowStarts,
    part.rowEnds,
    part.rowNumbers,
    ...(part.labels ? [part.labels] : []),
    ...(part.ids ? [part.ids.offsets] : []),
    ...(part.scored ? [part.scored.probabilities] : []),
  ];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
