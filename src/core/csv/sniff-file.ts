/**
 * Recognises what a file really is from its first bytes, so a workbook or a
 * picture renamed to .csv gets a message a person can act on instead of garbage rows.
 */
import { utf16WithoutBom } from './utf16-pattern.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type Sniffed =
  { kind: 'text'; encoding: TextEncoding; bom: boolean } | { kind: 'binary'; format: string; advice: string };

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

const BINARY: { signature: number[]; format: string; advice: string }[] = [
  {
    signature: [0x50, 0x4b, 0x03, 0x04],
    format: 'an Excel workbook (or another zip archive)',
    advice: 'Open it in your spreadsheet program and save it as "CSV UTF-8", then load the CSV.',
  },
  {
    signature: [0xd0, 0xcf, 0x11, 0xe0],
    format: 'an old Excel workbook (.xls)',
    advice: 'Open it in your spreadsheet program and save it as "CSV UTF-8", then load the CSV.',
  },
  {
    signature: [0x1f, 0x8b],
    format: 'a gzip-compressed file',
    advice: 'Decompress it first (it is probably a .csv.gz), then load the CSV inside.',
  },
  {
    signature: [0x89, 0x50, 0x4e, 0x47],
    format: 'a PNG image',
    advice: 'Load the customer export itself, as a CSV file.',
  },
  { signature: [0xff, 0xd8, 0xff], format: 'a JPEG image', advice: 'Load the customer export itself, as a CSV file.' },
  {
    signature: [0x25, 0x50, 0x44, 0x46],
    format: 'a PDF document',
    advice: 'Export the customer list from its source system as CSV instead.',
  },
];

export function sniffFile(head: Uint8Array): Sniffed {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { kind: 'text', encoding: 'utf-8', bom: true };
  if (startsWith(head, [0xff, 0xfe])) return { kind: 'text', encoding: 'utf-16le', bom: true };
  if (startsWith(head, [0xfe, 0xff])) return { kind: 'text', encoding: 'utf-16be', bom: true };
  for (const b of BINARY)
    if (startsWith(head, b.signature)) return { kind: 'binary', format: b.format, advice: b.advice };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { kind: 'text', encoding: utf16, bom: false };
  // Other than in UTF-16, NUL bytes never occur in CSV text; treat them as binary.
  if (head.subarray(0, 4096).includes(0))
    return {
      kind: 'binary',
      format: 'binary data (it has NUL bytes, which CSV text never has)',
      advice: 'Export the customer list as "CSV UTF-8" and load that file.',
    };
  return { kind: 'text', encoding: 'utf-8', bom: false };
}

export const ENCODING_NAMES: Record<TextEncoding | 'windows-1252', string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
};
