/**
 * Recognises UTF-16 text that has no byte-order mark, as some exports write it, by the pattern
 * of its zero bytes: a CSV's first lines are mostly ASCII (headers, digits, delimiters), and an
 * ASCII character in UTF-16 is its byte and a zero, the zero second in little-endian and first
 * in big-endian. Binary files (already told apart by signature, or by zeros at both positions)
 * do not keep one position free of zeros while the other is mostly zeros.
 */
const MIN_UNITS = 8;
const SCANNED_BYTES = 4096;

export function utf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const units = Math.floor(Math.min(head.length, SCANNED_BYTES) / 2);
  if (units < MIN_UNITS) return undefined;
  let zerosFirst = 0;
  let zerosSecond = 0;
  for (let i = 0; i < units; i++) {
    if (head[2 * i] === 0) zerosFirst++;
    if (head[2 * i + 1] === 0) zerosSecond++;
  }
  // At least 60 % ASCII, and at most 2 % of the other bytes zero (CJK characters such as U+4E00).
  const encoding =
    zerosSecond * 5 >= units * 3 && zerosFirst * 50 <= units
      ? 'utf-16le'
      : zerosFirst * 5 >= units * 3 && zerosSecond * 50 <= units
        ? 'utf-16be'
        : undefined;
  if (!encoding) return undefined;
  // And it reads as lines of a table: a line break or a delimiter appears.
  const sample = new TextDecoder(encoding).decode(head.subarray(0, units * 2));
  return /[\n\r,;\t|]/.test(sample) ? encoding : undefined;
}
