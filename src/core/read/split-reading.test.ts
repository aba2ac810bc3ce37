import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from '../../../test/fixtures/bad-input/make-fixtures.ts';
import { Cancelled } from '../cancelled.ts';
import { unpackIds } from '../ids/packed-ids.ts';
import { loadSpecs } from './read-and-score.test-support.ts';
import { readCustomers, type ReadCustomers } from './read-customers.ts';
import { readPart, type ReadPart } from './read-part.ts';
import { chooseCuts, type SplitOptions } from './split-reading.ts';
import { planFeatures } from '../model-input/feature-plan.ts';
import { referenceProbabilities } from '../scoring/reference-scorer.ts';
import type { ModelSpec } from '../spec/model-spec.ts';
import type { ColumnTable } from '../table/column-table.ts';

const specs = loadSpecs();

/** Parts read right here, as another worker would; `seen` collects what each returned. */
function inProcess(file: Blob, helpers: number, seen: ReadPart[] = []): SplitOptions {
  return {
    helpers,
    minBytes: 0,
    read: async (request, progress, signal) => {
      const part = await readPart(file, request, progress, signal);
      seen.push(part);
      return part;
    },
  };
}

const read = (file: Blob, split?: SplitOptions, signal = new AbortController().signal) =>
  readCustomers(file, 'file.csv', specs, undefined, false, () => {}, signal, undefined, split);

/** Everything a read hands on, as plain values (typed arrays by content, not by buffer size). */
function plain(r: ReadCustomers) {
  const arrays = <T extends ArrayLike<number>>(m: Map<string, T>) => [...m].map(([k, v]) => [k, Array.from(v)]);
  return {
    spec: r.spec.id,
    headers: r.headers,
    rows: r.table.rowCount,
    numeric: arrays(r.table.numeric),
    missing: arrays(r.table.missing),
    codes: arrays(r.table.codes),
    rejected: Array.from(r.table.rejected),
    issues: r.table.issues,
    ids: r.ids ? unpackIds(r.ids) : null,
    labels: r.labels ? Array.from(r.labels) : null,
    rowStarts: Array.from(r.rowStarts),
    rowEnds: Array.from(r.rowEnds),
    rowNumbers: Array.from(r.rowNumbers),
    encoding: r.streamed.encoding,
    delimiter: r.streamed.delimiter,
  };
}

async function expectSameAsWhole(file: Blob, helpers: number, partBytes?: number): Promise<void> {
  const split = { ...inProcess(file, helpers), partBytes };
  let whole: unknown;
  try {
    whole = plain(await read(file));
  } catch (error) {
    await expect(read(file, split)).rejects.toThrow((error as Error).message);
    return;
  }
  expect(plain(await read(file, split))).toEqual(whole);
}

/** Scores as a worker with the model would (the reference scorer stands in for onnxruntime here). */
const referenceScore = async (spec: ModelSpec, table: ColumnTable) => ({
  probabilities: Float32Array.from(referenceProbabilities(spec, planFeatures(spec, table), table.rejected)),
  featuresMs: 1,
  inferenceMs: 2,
});

/** Parts read and scored right here, as another worker with the same models would. */
function scoringInProcess(file: Blob, helpers: number, scores = (_part: number) => true): SplitOptions {
  const reading = inProcess(file, helpers);
  let asked = 0;
  return {
    ...reading,
    score: (spec, table) => referenceScore(spec, table),
    read: async (request, progress, signal) => {
      const scoresThis = scores(asked++);
      const part = await reading.read(request, progress, signal);
      if (scoresThis) part.scored = await referenceScore(request.plan.spec, part.table);
      return part;
    },
  };
}

describe('chooseCuts', () => {
  // A long first line puts the middle of the file in it, so the cut is looked for from its end.
  const afterLongLine = (rest: string) => `${'h'.repeat(60)}\n${rest}`;
  it.each([
    ['a line that starts like a record', afterLongLine('ab\ncd\n'), 2, [61]],
    ['after blank and whitespace lines', afterLongLine('\n\r\n \n\tx\nok\n'), 2, [69]],
    ['not before a quote, a comma, a semicolon or a pipe', afterLongLine('"q"\n,c\n;a\n|b\nok\n'), 2, [74]],
    ['none when no line break follows the middle', 'h\n' + 'r'.repeat(60), 2, []],
    ['none when the line break ends the file', afterLongLine(''), 2, []],
    ['one per part, rising', 'h\naa\nbb\ncc\ndd\nee\nff\n', 3, [8, 14]],
  ])('%s', async (_, text, parts, cuts) => {
    expect(await chooseCuts(new Blob([text]), parts)).toEqual(cuts);
  });
});

describe('a file read by several workers', () => {
  const row = (i: number) => `C-${i},${i % 72},${(20 + (i % 90)).toFixed(2)},${i * 3}.5,Month-to-month,Mailed check`;
  const big = (rows: number, extra: (i: number) => string = () => '') =>
    new Blob([
      'customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod\n',
      ...Array.from({ length: rows }, (_, i) => `${row(i)}${extra(i)}\n`),
    ]);

  it('joins the parts read elsewhere, in order, with row numbers and IDs as one reader gives them', async () => {
    const file = big(3000);
    const seen: ReadPart[] = [];
    const split = await read(file, inProcess(file, 2, seen));
    expect(plain(split)).toEqual(plain(await read(file)));
    expect(split.readers).toBe(3);
    // The two other readers each read a third and landed on the next cut, or the end.
    expect(seen.map((p) => p.landed >= 0)).toEqual([true, false]);
    expect(seen.reduce((n, p) => n + p.table.rowCount, 0)).toBeGreaterThan(1500);
  });

  it("takes the other readers' rows: a part's values are the ones joined", async () => {
    const file = big(2000);
    const options = inProcess(file, 1);
    const doctored: SplitOptions = {
      ...options,
      read: async (request, progress, signal) => {
        const part = await options.read(request, progress, signal);
        part.table.numeric.get('tenure')!.fill(-7);
        return part;
      },
    };
    const tenure = Array.from((await read(file, doctored)).table.numeric.get('tenure')!);
    const from = tenure.indexOf(-7);
    expect(from).toBeGreaterThan(500);
    expect(tenure.slice(from).every((t) => t === -7)).toBe(true);
    expect(tenure.slice(0, from).every((t) => t >= 0)).toBe(true);
  });

  it('gives what one reader gives when a quoted value with line breaks spans every cut', async () => {
    const text = await big(40).text();
    const header = text.slice(0, text.indexOf('\n') + 1);
    // One row whose quoted ID holds a thousand lines that each look like a row.
    const long = `"${Array.from({ length: 1000 }, (_, i) => row(i)).join('\n')}",1,20,20,One year,Mailed check\n`;
    const file = new Blob([header, long, text.slice(header.length)]);
    expect((await chooseCuts(file, 3)).length).toBe(2);
    await expectSameAsWhole(file, 2);
  });

  it('lands on a later cut when a quoted value spans only the first', async () => {
    const text = await big(1500).text();
    const lines = text.split('\n');
    const long = `"${Array.from({ length: 400 }, (_, i) => row(i)).join('\n')}",1,20,20,One year,Mailed check`;
    const file = new Blob([[lines[0], ...lines.slice(1, 301), long, ...lines.slice(301)].join('\n')]);
    const [first, second] = await chooseCuts(file, 3);
    const longStart = (await file.text()).indexOf('"C-0');
    expect(first! > longStart && first! < longStart + long.length).toBe(true);
    expect(second! > longStart + long.length).toBe(true);
    const split = await read(file, inProcess(file, 2));
    expect(plain(split)).toEqual(plain(await read(file)));
    expect(split.readers).toBe(2);
  });

  it('reads the whole file again when a part is not UTF-8 or has a quote the byte path leaves to PapaParse', async () => {
    const latin = new Blob([
      await big(1000).text(),
      'Z-1,5,30,150,One year,Mailed check',
      new Uint8Array([0xe9]),
      '\n',
    ]);
    const again = await read(latin, inProcess(latin, 1));
    expect([again.streamed.encoding, again.readers]).toEqual(['windows-1252', 1]);
    await expectSameAsWhole(latin, 1);
    await expectSameAsWhole(new Blob([await big(1000).text(), 'Z-1,5,30,150,"One" year,Mailed check\n']), 1);
  });

  it('keeps rejected rows, blank lines and issues where one reader puts them', async () => {
    const file = big(3000, (i) => (i % 97 === 0 ? ',extra' : i % 89 === 0 ? '\n\n' : ''));
    await expectSameAsWhole(file, 1);
    await expectSameAsWhole(file, 3);
  });

  it('stops the other readers when the read is cancelled', async () => {
    const file = big(3000);
    const controller = new AbortController();
    const signals: AbortSignal[] = [];
    const split: SplitOptions = {
      helpers: 1,
      minBytes: 0,
      read: (request, progress, signal) => {
        signals.push(signal);
        controller.abort();
        return readPart(file, request, progress, signal);
      },
    };
    await expect(read(file, split, controller.signal)).rejects.toBeInstanceOf(Cancelled);
    expect(signals.map((s) => s.aborted)).toEqual([true]);
  });

  it('joins the scores of every part when each reader scored its own rows', async () => {
    const file = big(3000, (i) => (i % 97 === 0 ? ',extra' : ''));
    const read3 = await read(file, scoringInProcess(file, 2));
    expect(read3.readers).toBe(3);
    const whole = await referenceScore(read3.spec, read3.table);
    expect(Array.from(read3.scored!.probabilities)).toEqual(Array.from(whole.probabilities));
    expect(read3.table.rejected.some((r) => r === 1)).toBe(true);
    // Times are the first reader's: the others ran beside it.
    expect([read3.scored!.featuresMs, read3.scored!.inferenceMs]).toEqual([1, 2]);
  });

  it('leaves the scoring to the caller when a part came unscored, or one worker read the file', async () => {
    const file = big(3000);
    expect(
      (
        await read(
          file,
          scoringInProcess(file, 2, () => false),
        )
      ).scored,
    ).toBeUndefined();
    // One of two other workers without the model: the caller scores the whole table.
    const oneUnscored = await read(
      file,
      scoringInProcess(file, 2, (part) => part === 0),
    );
    expect([oneUnscored.readers, oneUnscored.scored]).toEqual([3, undefined]);
    const small = big(100);
    expect((await read(small, { ...scoringInProcess(small, 1), minBytes: undefined })).scored).toBeUndefined();
  });

  it('reads the parts no other worker has taken itself, while a slow worker holds its first', async () => {
    const file = big(3000);
    let release = () => {};
    const ownScoring = new Promise<void>((resolve) => (release = resolve));
    const asked: number[] = [];
    let scored = 0;
    const slow: SplitOptions = {
      helpers: 1,
      minBytes: 0,
      partBytes: Math.ceil(file.size / 6),
      // The other worker answers its first part only once this worker scores its own rows, which
      // it does after reading (and scoring) every part left in the queue.
      read: async (request, progress, signal) => {
        asked.push(request.from);
        await ownScoring;
        const part = await readPart(file, request, progress, signal);
        part.scored = await referenceScore(request.plan.spec, part.table);
        return part;
      },
      // Four parts read here, then this worker's own rows: the fifth table it scores.
      score: async (spec, table) => {
        if (++scored === 5) release();
        return referenceScore(spec, table);
      },
    };
    const split = await read(file, slow);
    expect(plain(split)).toEqual(plain(await read(file)));
    expect(asked).toHaveLength(1);
    expect(split.readers).toBe(2);
    const whole = await referenceScore(split.spec, split.table);
    expect(Array.from(split.scored?.probabilities ?? [])).toEqual(Array.from(whole.probabilities));
  });

  it('reports progress for every reader together, ending at every row and byte', async () => {
    const file = big(3000);
    const reports: [number, number][] = [];
    const split = await readCustomers(
      file,
      'file.csv',
      specs,
      undefined,
      false,
      (rows, bytes) => reports.push([rows, bytes]),
      new AbortController().signal,
      undefined,
      inProcess(file, 2),
    );
    expect(split.readers).toBe(3);
    expect(reports.at(-1)).toEqual([3000, file.size]);
    expect(Math.max(...reports.map(([, bytes]) => bytes))).toBe(file.size);
  });

  it('lands parts on later cuts too, when a quoted value spans a cut in the middle', async () => {
    const text = await big(2000).text();
    const lines = text.split('\n');
    const long = `"${Array.from({ length: 300 }, (_, i) => row(i)).join('\n')}",1,20,20,One year,Mailed check`;
    const file = new Blob([[lines[0], ...lines.slice(1, 1000), long, ...lines.slice(1000)].join('\n')]);
    const cuts = await chooseCuts(file, 4);
    const longStart = (await file.text()).indexOf('"C-0');
    expect(cuts.filter((cut) => cut > longStart && cut < longStart + long.length)).toHaveLength(1);
    const split = await read(file, inProcess(file, 3));
    expect(plain(split)).toEqual(plain(await read(file)));
    // The part before the spanned cut reads on through it and lands on the next: three readers' rows are joined.
    expect(split.readers).toBe(3);
  });

  it('finds bytes that are not UTF-8 in a part even in a column no model reads', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `${row(i)},note`);
    const header = 'customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod,Notes\n';
    const file = new Blob([
      header,
      rows.join('\n'),
      '\n',
      'Z-1,5,30,150,One year,Mailed check,caf',
      new Uint8Array([0xe9]),
      '\n',
    ]);
    expect((await read(file, inProcess(file, 1))).streamed.encoding).toBe('windows-1252');
    await expectSameAsWhole(file, 1);
  });

  it('stops the parts asked for when the first reader must start again', async () => {
    // Bytes that are not UTF-8 in the first half: the first reader starts again as Windows-1252.
    const text = await big(3000).text();
    const at = text.indexOf('\n', 1000) + 1;
    const file = new Blob([
      text.slice(0, at),
      'Z-1,5,30,150,One year,Mailed check',
      new Uint8Array([0xe9]),
      '\n',
      text.slice(at),
    ]);
    const outcomes: string[] = [];
    const options = inProcess(file, 1);
    const split = await read(file, {
      ...options,
      read: (request, progress, signal) =>
        options.read(request, progress, signal).then(
          (part) => (outcomes.push('read'), part),
          (error: unknown) => {
            outcomes.push(error instanceof Cancelled ? 'cancelled' : 'failed');
            throw error;
          },
        ),
    });
    expect(split.streamed.encoding).toBe('windows-1252');
    expect(outcomes).toEqual(['cancelled']);
  });

  it('splits a file of exactly the smallest size it splits', async () => {
    const file = big(2000);
    expect((await read(file, { ...inProcess(file, 1), minBytes: file.size })).readers).toBe(2);
    expect((await read(file, { ...inProcess(file, 1), minBytes: file.size + 1 })).readers).toBe(1);
  });

  it('reads small files alone', async () => {
    const file = big(100);
    let asked = 0;
    await read(file, { helpers: 1, read: () => (asked++, Promise.reject(new Error('not asked'))) });
    expect(asked).toBe(0);
  });

  it('gives what one reader gives for every file of the bad-input corpus', async () => {
    const names = readdirSync(FIXTURE_DIR).filter((n) => !n.endsWith('.ts'));
    for (const name of names) {
      const file = new Blob([readFileSync(join(FIXTURE_DIR, name))]);
      for (const helpers of [1, 2]) await expectSameAsWhole(file, helpers);
      await expectSameAsWhole(file, 1, 64);
    }
  });

  it('gives what one reader gives for any rows, line breaks and quoting', async () => {
    const cell = fc.oneof(
      fc.constantFrom('', ' ', '5', '70.5', 'x', 'One year', 'Mailed check', '""', '"a,b"', '"l1\nl2"', '"q""q"'),
      fc.stringMatching(/^[A-Za-z0-9 .-]{0,6}$/),
    );
    const line = fc.array(cell, { minLength: 0, maxLength: 8 }).map((cells) => cells.join(','));
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 60 }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 100, max: 4000 }),
        async (lines, lineBreak, helpers, partBytes) => {
          const header = 'customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod';
          await expectSameAsWhole(new Blob([[header, ...lines].join(lineBreak) + lineBreak]), helpers, partBytes);
        },
      ),
      { numRuns: 200 },
    );
  });
});
