import { streamRows } from '../core/read/stream-rows.ts';

/**
 * Where a large file can be cut into pieces that the page's reader reads exactly as it reads
 * the whole file: `prefixEnd` is where the first data row starts (BOM, header, its line break),
 * and piece i holds the data rows from `starts[i]` to `starts[i + 1]` (or the end of the file).
 */
export interface ChunkPlan {
  prefixEnd: number;
  starts: number[];
}

const isLineBreak = (byte: number | undefined) => byte === 0x0a || byte === 0x0d;

/**
 * A first pass of the page's own reader over the file that keeps nothing but every
 * `rowsPerChunk`-th row's byte offset, so the cuts fall where that reader ends a record (a
 * quoted value may hold line breaks; only the reader knows where a row ends).
 *
 * Undefined when the file should be read whole instead: it fits in one piece, or the reader did
 * not take its byte path on the first go (Windows-1252, UTF-16, quoting it leaves to PapaParse,
 * an unreadable file), or its header has a quote. There its offsets may count decoded text rather than bytes, or a piece
 * could be decoded differently from the whole; those files are rare and the whole-file path is
 * the page's, byte for byte.
 */
export async function planChunks(file: Blob, fileName: string, rowsPerChunk: number): Promise<ChunkPlan | undefined> {
  let attempts = 0;
  let starts: number[] = [];
  let rows = 0;
  let streamed;
  try {
    ({ streamed } = await streamRows(
      file,
      fileName,
      () => {
        attempts++;
        starts = [];
        rows = 0;
        return {
          header: () => undefined,
          row: (_cells, start) => {
            if (rows++ % rowsPerChunk === 0) starts.push(start);
          },
          progress: () => {},
        };
      },
      new AbortController().signal,
    ));
  } catch {
    // The whole-file read reports the same problem in the page's words.
    return undefined;
  }
  if (attempts !== 1 || streamed.encoding !== 'utf-8' || starts.length < 2) return undefined;
  // A quoted header may hold a line break, which would make the export's header line hard to find in each piece's export.
  if (new Uint8Array(await file.slice(0, starts[0]).arrayBuffer()).includes(0x22)) return undefined;
  // A cut must follow a line break in the file's bytes; anything else means the offsets are not byte offsets.
  for (const start of starts) {
    const before = new Uint8Array(await file.slice(start - 1, start).arrayBuffer())[0];
    if (!isLineBreak(before)) return undefined;
  }
  return { prefixEnd: starts[0]!, starts };
}

/** Piece `i` as a file of its own: the header (with any BOM) followed by its rows. Both parts stay slices of the file on disk. */
export function chunkBlob(file: Blob, plan: ChunkPlan, i: number): Blob {
  const end = plan.starts[i + 1] ?? file.size;
  if (i === 0) return file.slice(0, end);
  return new Blob([file.slice(0, plan.prefixEnd), file.slice(plan.starts[i], end)]);
}
