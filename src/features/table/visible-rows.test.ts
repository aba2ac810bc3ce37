import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PackedIds } from '../../core/ids/packed-ids.ts';
import { rowsMatchingId } from './id-search.ts';
import { activeFilterCount, NO_FILTERS, visibleRows, type RowFilters, type RowSource } from './visible-rows.ts';

function pack(ids: readonly string[]): PackedIds {
  const offsets = new Uint32Array(ids.length + 1);
  ids.forEach((id, i) => (offsets[i + 1] = offsets[i]! + id.length));
  return { text: ids.join(''), offsets };
}

function source(probs: number[], ids: string[] | null, codes: Record<string, number[]> = {}): RowSource {
  return {
    rows: probs.length,
    rejectedRows: probs.filter((p) => Number.isNaN(p)).length,
    probabilities: Float32Array.from(probs),
    fileOrder: Uint32Array.from(probs, (_, i) => i),
    ids: ids && pack(ids),
    codes: Object.fromEntries(Object.entries(codes).map(([k, v]) => [k, Int16Array.from(v)])),
  };
}

const filters = (f: Partial<RowFilters>): RowFilters => ({ ...NO_FILTERS, ...f });

// Rows: 0 C-001 0.9 Month, 1 C-002 rejected, 2 c-010 0.2 One year, 3 X-7 0.5 unknown, 4 C-100 0.05 Month.
const data = source([0.9, NaN, 0.2, 0.5, 0.05], ['C-001', 'C-002', 'c-010', 'X-7', 'C-100'], {
  Contract: [0, 0, 1, -1, 0],
});

describe('visibleRows', () => {
  it.each<[string, Uint32Array | null, number, Partial<RowFilters>, number[]]>([
    ['file order, rejected rows left out', null, 0.5, {}, [0, 2, 3, 4]],
    ['follows the worker order', Uint32Array.of(0, 3, 2, 4, 1), 0.5, {}, [0, 3, 2, 4]],
    ['a stale order of another length is ignored', Uint32Array.of(2, 0), 0.5, {}, [0, 2, 3, 4]],
    ['at-risk only: probability >= threshold', null, 0.5, { atRiskOnly: true }, [0, 3]],
    ['at-risk only at threshold 0 keeps every scored row', null, 0, { atRiskOnly: true }, [0, 2, 3, 4]],
    ['at-risk only above every score', null, 0.95, { atRiskOnly: true }, []],
    ['threshold is ignored without at-risk only', null, 0.95, {}, [0, 2, 3, 4]],
    ['ID search ignores case', null, 0.5, { idQuery: 'C-0' }, [0, 2]],
    ['ID search trims the query', null, 0.5, { idQuery: '  x-7 ' }, [3]],
    ['ID search does not match across two IDs', null, 0.5, { idQuery: '1C' }, []],
    ['ID search on a rejected row finds nothing', null, 0.5, { idQuery: 'c-002' }, []],
    ['category filter', null, 0.5, { categories: { Contract: 0 } }, [0, 4]],
    ['category filter for unknown', null, 0.5, { categories: { Contract: -1 } }, [3]],
    ['a filter on a column the file lacks is ignored', null, 0.5, { categories: { Nope: 1 } }, [0, 2, 3, 4]],
    [
      'filters combine, in order',
      Uint32Array.of(4, 3, 2, 1, 0),
      0.01,
      { atRiskOnly: true, idQuery: 'c-', categories: { Contract: 0 } },
      [4, 0],
    ],
  ])('%s', (_, order, threshold, f, expected) => {
    expect([...visibleRows(data, order, threshold, filters(f))]).toEqual(expected);
  });

  it('at-risk only follows the at-risk list the page set, not the threshold', () => {
    const list = Uint8Array.of(0, 1, 1, 0, 1);
    expect([...visibleRows(data, null, 0, filters({ atRiskOnly: true }), null, list)]).toEqual([2, 4]);
    expect([...visibleRows(data, null, 0, filters({}), null, list)]).toEqual([0, 2, 3, 4]);
  });

  it('ignores the ID query when the file has no IDs', () => {
    expect([...visibleRows(source([0.1, 0.2], null), null, 0.5, filters({ idQuery: 'zzz' }))]).toEqual([0, 1]);
  });

  it('handles an empty file', () => {
    expect(visibleRows(source([], []), null, 0.5, filters({ atRiskOnly: true }))).toEqual(new Uint32Array(0));
  });
});

describe('rowsMatchingId', () => {
  it.each<[string, string[], string, number[]]>([
    ['blank query matches all', ['a', 'b'], '', [1, 1]],
    ['several hits in one ID count once', ['aaaa', 'b'], 'a', [1, 0]],
    ['empty IDs in between', ['ab', '', '', 'ab', ''], 'b', [1, 0, 0, 1, 0]],
    ['a hit straddling IDs is skipped, the real one after it found', ['xa', 'ab'], 'ab', [0, 1]],
    ['overlapping candidates', ['aab', 'aaab'], 'aab', [1, 1]],
    ['case-insensitive both ways', ['AbC', 'abc', 'xyz'], 'aBc', [1, 1, 0]],
    ['non-ASCII that changes length when lower-cased', ['İx', 'ix', 'y'], 'x', [1, 1, 0]],
    ['Greek final sigma is judged per ID', ['ΟΔΟΣ', 'ΣΑ'], 'σ', [0, 1]],
    ['no IDs', [], 'a', []],
  ])('%s', (_, ids, query, expected) => {
    expect([...rowsMatchingId(pack(ids), query)]).toEqual(expected);
  });
});

describe('rowsMatchingId properties', () => {
  it('marks exactly the IDs that contain the query, for queries cut from the packed text', () => {
    // Cutting the query from the packed text makes matches that straddle two IDs common.
    const units = fc.constantFrom('a', 'B', 'c', '-', '1', 'İ', 'Σ');
    const idsAndQuery = fc
      .array(fc.string({ unit: units, maxLength: 4 }), { maxLength: 30 })
      .chain((ids) =>
        fc.tuple(fc.constant(ids), fc.nat(ids.join('').length), fc.integer({ min: 1, max: 4 }), fc.boolean()),
      );
    fc.assert(
      fc.property(idsAndQuery, ([ids, at, length, upper]) => {
        const cut = ids.join('').slice(at, at + length);
        const query = upper ? cut.toUpperCase() : cut;
        const expected = ids.map((id) => (id.toLowerCase().includes(query.toLowerCase()) ? 1 : 0));
        expect([...rowsMatchingId(pack(ids), query)]).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('activeFilterCount', () => {
  it('counts each filter in use', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(activeFilterCount(filters({ atRiskOnly: true, idQuery: ' ', categories: { a: 1, b: -1 } }))).toBe(3);
    expect(activeFilterCount(filters({ idQuery: 'C-0' }))).toBe(1);
    expect(activeFilterCount(filters({ atRiskOnly: true, idQuery: 'C-0', categories: { a: 1 } }))).toBe(3);
  });
});

describe('visibleRows on a list (a campaign’s contacts, a comparison group)', () => {
  const onList = Uint8Array.of(1, 1, 0, 1, 0);
  it('keeps only the scored rows on the list, in file order or the worker order', () => {
    expect([...visibleRows(data, null, 0.5, NO_FILTERS, onList)]).toEqual([0, 3]);
    expect([...visibleRows(data, Uint32Array.of(3, 2, 0, 4, 1), 0.5, NO_FILTERS, onList)]).toEqual([3, 0]);
  });
});

describe('visibleRows without filters', () => {
  it('is the worker order itself when its rejected rows come last', () => {
    const order = Uint32Array.of(0, 3, 2, 4, 1);
    const rows = visibleRows(data, order, 0.5, NO_FILTERS);
    expect([...rows]).toEqual([0, 3, 2, 4]);
    expect(rows.buffer).toBe(order.buffer);
  });

  it('leaves out rejected rows that are not last', () => {
    expect([...visibleRows(data, Uint32Array.of(1, 0, 3, 2, 4), 0.5, NO_FILTERS)]).toEqual([0, 3, 2, 4]);
  });

  it("is the worker's file order itself, and the order given, when nothing was rejected", () => {
    const clean = source([0.3, 0.1, 0.2], null);
    expect(visibleRows(clean, null, 0.5, NO_FILTERS)).toBe(clean.fileOrder);
    const order = Uint32Array.of(0, 2, 1);
    expect(visibleRows(clean, order, 0.5, NO_FILTERS)).toBe(order);
  });

  it("makes file order itself when the file order sent is not this file's", () => {
    const clean = { ...source([0.3, 0.1, 0.2], null), fileOrder: Uint32Array.of(0, 1) };
    expect([...visibleRows(clean, null, 0.5, NO_FILTERS)]).toEqual([0, 1, 2]);
  });
});

describe('visibleRows properties', () => {
  // Plain IDs take the one-scan path; IDs with "İ" or "Σ" take the per-ID path (see id-search.ts).
  const ascii = ['a', 'B', 'c', '-', '1'];
  const idText = (units: string[]) => fc.string({ unit: fc.constantFrom(...units), maxLength: 4 });
  const anyIdText = idText([...ascii, 'İ', 'Σ', 'ς']);
  const dataset = fc
    .tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom(ascii, [...ascii, 'İ', 'Σ', 'ς']))
    .chain(([n, units]) =>
      fc.record({
        probs: fc.array(fc.oneof(fc.constant(NaN), fc.double({ min: 0, max: 1, noNaN: true })), {
          minLength: n,
          maxLength: n,
        }),
        ids: fc.option(fc.array(idText(units), { minLength: n, maxLength: n })),
        a: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: n, maxLength: n }),
        b: fc.array(fc.integer({ min: -1, max: 1 }), { minLength: n, maxLength: n }),
        order: fc.option(fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n })),
        // As a sort by probability leaves it: rejected rows last.
        rejectedLast: fc.boolean(),
      }),
    );
  const rowFilters = fc.record({
    atRiskOnly: fc.boolean(),
    idQuery: fc.oneof(fc.constant(''), anyIdText),
    categories: fc.record(
      { a: fc.integer({ min: -1, max: 2 }), b: fc.integer({ min: -1, max: 1 }) },
      { requiredKeys: [] },
    ),
  });

  it('shows exactly the scored rows that pass every filter, in the given order', () => {
    fc.assert(
      fc.property(dataset, rowFilters, fc.double({ min: 0, max: 1, noNaN: true }), (d, f, threshold) => {
        const src = source(d.probs, d.ids, { a: d.a, b: d.b });
        const scoredFirst = (rows: number[]) => [
          ...rows.filter((r) => !Number.isNaN(d.probs[r]!)),
          ...rows.filter((r) => Number.isNaN(d.probs[r]!)),
        ];
        const order = d.order ? Uint32Array.from(d.rejectedLast ? scoredFirst(d.order) : d.order) : null;
        const result = [...visibleRows(src, order, threshold, f)];
        const p = src.probabilities;
        const query = f.idQuery.trim().toLowerCase();
        const passes = (row: number) =>
          !Number.isNaN(p[row]!) &&
          (!f.atRiskOnly || p[row]! >= threshold) &&
          (query === '' || d.ids === null || d.ids[row]!.toLowerCase().includes(query)) &&
          (f.categories.a === undefined || d.a[row] === f.categories.a) &&
          (f.categories.b === undefined || d.b[row] === f.categories.b);

        // Only scored rows, each passing every filter.
        for (const row of result) expect(passes(row)).toBe(true);
        // Nothing that passes is dropped.
        const shown = new Set(result);
        expect(shown.size).toBe(result.length);
        for (let row = 0; row < d.probs.length; row++) if (passes(row)) expect(shown.has(row)).toBe(true);
        // Display order is a subsequence of the worker's order (or file order).
        const sequence = order ? [...order] : [...d.probs.keys()];
        const rank = new Map(sequence.map((row, k) => [row, k]));
        for (let k = 1; k < result.length; k++)
          expect(rank.get(result[k]!)!).toBeGreaterThan(rank.get(result[k - 1]!)!);
      }),
      { numRuns: 500 },
    );
  });
});
