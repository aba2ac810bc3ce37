import { describe, expect, it } from 'vitest';
import { sniffFile } from './sniff-file.ts';
import { utf16WithoutBom } from './utf16-pattern.ts';

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 * i + (endian === 'le' ? 0 : 1)] = unit & 0xff;
    out[2 * i + (endian === 'le' ? 1 : 0)] = unit >> 8;
  }
  return out;
}

const HEADER = 'customerID,tenure,MonthlyCharges\r\n';

describe('utf16WithoutBom', () => {
  it.each([
    [utf16(HEADER, 'le'), 'utf-16le'],
    [utf16(HEADER, 'be'), 'utf-16be'],
    [utf16('id;name\n1;山田\n2;Łukasz\n', 'le'), 'utf-16le'],
    [utf16('id\tname\n', 'be'), 'utf-16be'],
    // Eight units, the fewest that are judged.
    [utf16('ab,cd\nef', 'le'), 'utf-16le'],
  ])('recognises %#', (bytes, expected) => {
    expect(utf16WithoutBom(bytes)).toBe(expected);
  });

  it.each([
    ['seven units are too few to judge', utf16('ab,cd\ne', 'le')],
    ['UTF-8 text has no zeros', new TextEncoder().encode(HEADER)],
    ['zeros at both positions are binary', Uint8Array.from({ length: 64 }, (_, i) => (i % 3 === 0 ? 0 : 65))],
    ['all zeros', new Uint8Array(64)],
    ['no line break or delimiter', utf16('abcdefghijklmnop', 'le')],
    [
      'little-endian with too many zeros in the low bytes',
      utf16('\u0100\u0200\u0300,a\nbcdefghijklmnopqrstuvwxyz', 'le'),
    ],
    [
      'big-endian with too many zeros in the high bytes',
      utf16('\u0100\u0200\u0300,a\nbcdefghijklmnopqrstuvwxyz', 'be'),
    ],
  ])('refuses: %s', (_, bytes) => {
    expect(utf16WithoutBom(bytes)).toBeUndefined();
  });

  it('needs 60 % of the units to be ASCII', () => {
    const mostlyWide = (ascii: number) => utf16(`${'a'.repeat(ascii - 1)},${'山'.repeat(100 - ascii)}`, 'le');
    // 山 (U+5C71) has no zero byte, so it counts against the pattern.
    expect(utf16WithoutBom(mostlyWide(60))).toBe('utf-16le');
    expect(utf16WithoutBom(mostlyWide(59))).toBeUndefined();
  });

  it('looks at the first 4096 bytes only', () => {
    const head = new Uint8Array(8192);
    head.set(utf16('a,b\n'.repeat(512), 'le'));
    head.fill(0x41, 4096);
    expect(utf16WithoutBom(head)).toBe('utf-16le');
  });
});

describe('sniffFile', () => {
  it.each([
    [utf16(HEADER, 'le'), 'utf-16le'],
    [utf16(HEADER, 'be'), 'utf-16be'],
  ])('reads UTF-16 without a BOM as text %#', (head, encoding) => {
    expect(sniffFile(head)).toEqual({ kind: 'text', encoding, bom: false });
  });
});
