import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CREDIT_PATH } from '../../scripts/train/telco-dataset.test-support.ts';
import { trainFromBytes } from '../cli/train-files.ts';
import { rawTableFromText } from '../core/train/raw-table.ts';
import { sha256Hex, trainHistory } from './train-session.ts';

// A file of its own: it trains on the whole credit file twice (tens of seconds), too slow for
// the mutation run, which uses the worker's quicker tests (see the README).
describe("training in the worker is the command line's training", () => {
  it('makes byte-identical packages from credit-data.csv with the same config and file name', async () => {
    const bytes = new Uint8Array(readFileSync(CREDIT_PATH));
    const t = rawTableFromText(new TextDecoder().decode(bytes));
    const stages = new Set<string>();
    const browser = trainHistory(
      t,
      { target: 'Status', positive: 'bad', choices: {}, name: 'Credit applicants' },
      await sha256Hex(bytes),
      'credit-data.csv',
      (stage) => stages.add(stage),
    );
    if (!browser.ok) throw new Error(browser.problem);
    expect(browser.value.config).toEqual({ columns: { Age: { include: false }, Marital: { include: false } } });
    const cli = trainFromBytes(bytes, '/somewhere/credit-data.csv', {
      target: 'Status',
      positive: 'bad',
      name: 'Credit applicants',
      config: browser.value.config,
    });
    if (!cli.ok) throw new Error(cli.problem);
    expect(Object.keys(browser.value.files).sort()).toEqual(Object.keys(cli.value.files).sort());
    for (const [name, content] of Object.entries(cli.value.files))
      expect(Buffer.from(browser.value.files[name]!).equals(Buffer.from(content)), name).toBe(true);
    expect([...stages]).toEqual(['cross-validation', 'final fit', 'evaluation', 'repeated splits']);
  }, 120_000);
});
