import { memoryUsage } from 'node:process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How much the heap and buffers may grow past what the last full collection left (see fullCollector). */
const GROWTH_BYTES = 32 * 1024 * 1024;

/**
 * Full garbage collections, for the command line between batches of a large file. Without them V8
 * lets garbage pile up to several times what is alive before collecting: at 300,000 rows in
 * pieces the CLI peaked at 346 MB resident, 244 MB with the old space capped at 64 MB (measured
 * with GNU time). A cap would make the whole-file path (JSON, Windows-1252 files) run out of
 * memory on large files, so the CLI collects instead, after a piece is read and after a written
 * batch, once the heap and buffers have grown by 32 MB since the last collection.
 *
 * Not more often: a full collection frees the hidden classes of the pieces already done, and V8
 * then throws away the optimised code that checked for them (`--trace-deopt`: "weak objects"),
 * so the next piece runs unoptimised until it is compiled again. Collecting after every piece
 * read, and after 16 MB of growth, compiled the reader and the export writer 1,660 times on
 * 1,000,000 rows: 22 to 25 s of CPU and 15.5 to 18.6 s of wall time, against 13.3 to 14.4 s of
 * CPU and 12.5 to 14.3 s with this rule (GNU time, load average under 1). Peak resident memory
 * on 10,000,000 rows: 263 MB with that rule, 280 MB with this one (297 MB with 48 MB of growth).
 * `gc` is exposed for a fresh context only; the flag is set before that context is made.
 */
export function fullCollector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const used = () => {
    const { heapUsed, external } = memoryUsage();
    return heapUsed + external;
  };
  let after = 0;
  return () => {
    if (after && used() < after + GROWTH_BYTES) return;
    gc();
    after = used();
  };
}
