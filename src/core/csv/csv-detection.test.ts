import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './detect-delimiter.ts';
import { RowTextStore, trimRowText } from './row-text-store.ts';
import { sniffFile } from './sniff-file.ts';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('sniffFile', () => {
  it.each([
    [text('a,b\n1,2'), { kind: 'text', encoding: 'utf-8', bom: false }],
    [bytes(0xef, 0xbb, 0xbf, 0x61), { kind: 'text', encoding: 'utf-8', bom: true }],
    [bytes(0xff, 0xfe, 0x61, 0), { kind: 'text', encoding: 'utf-16le', bom: true }],
    [bytes(0xfe, 0xff, 0, 0x61), { kind: 'text', encoding: 'utf-16be', bom: true }],
  ])('reads text %#', (head, expected) => {
    expect(sniffFile(head)).toEqual(expected);
  });

  it.each([
    [bytes(0x50, 0x4b, 0x03, 0x04, 1, 2), 'Excel workbook'],
    [bytes(0x1f, 0x8b, 8, 0), 'gzip'],
    [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d), 'PNG'],
    [bytes(0x25, 0x50, 0x44, 0x46, 0x2d), 'PDF'],
    [bytes(0x61, 0x00, 0x62), 'binary'],
  ])('names binary formats %#', (head, name) => {
    const s = sniffFile(head);
    expect(s.kind).toBe('binary');
    expect(s.kind === 'binary' && s.format).toContain(name);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3', ','],
    ['a;b;c\n1,5;2,5;3', ';'],
    ['a\tb\tc\n', '\t'],
    ['a|b|c', '|'],
    ['"x,y";b;c\n', ';'],
    ['single\n1', ','],
    ['', ','],
  ])('%j -> %j', (header, expected) => {
    expect(detectDelimiter(header)).toBe(expected);
  });
});

describe('RowTextStore', () => {
  it('slices across chunk boundaries', () => {
    const store = new RowTextStore();
    ['abc', 'def', 'gh'].forEach((c) => store.append(c));
    expect(store.slice(0, 8)).toBe('abcdefgh');
    expect(store.slice(2, 7)).toBe('cdefg');
    expect(store.slice(3, 6)).toBe('def');
    expect(store.slice(7, 8)).toBe('h');
  });

  it.each([
    ['1,2\n', '1,2'],
    ['\n\n1,2\r\n', '1,2'],
    ['  \n1,"a\nb"\n', '1,"a\nb"'],
    ['1,2', '1,2'],
  ])('trims %j to %j', (raw, expected) => {
    expect(trimRowText(raw)).toBe(expected);
  });
});
