/**
 * Messages between the scoring worker and the other scoring workers that read parts of a large
 * file for it (see `src/core/read/split-reading.ts`). The page connects them with a
 * MessageChannel each, so the parts travel worker to worker, their buffers transferred.
 */
import type { PartRequest, ReadPart } from '../core/read/read-part.ts';
import type { ScoreAnswer } from '../core/scoring/scorer-over-messages.ts';

export type ToPartReader =
  | { type: 'read-part'; id: number; file: Blob; request: PartRequest }
  | { type: 'cancel-part'; id: number }
  /** The answer to a batch the part's reader asked the scoring worker's model for. */
  | { type: 'score-answer'; ask: number; answer: ScoreAnswer };

export type FromPartReader =
  | { type: 'part-progress'; id: number; rows: number; bytes: number }
  /** Part `id`'s reader asks for a batch of its rows' features to be scored with the part's model. */
  | { type: 'score-batch'; id: number; ask: number; features: Float32Array; rows: number }
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
