import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.ts';
import { run } from '../../src/cli/main.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), error: (t) => err.push(t), interactive: false, progress: () => {} };
  return { io, out, err };
}

describe('churn-radar sql', () => {
  it('prints the model as one SELECT for each dialect', async () => {
    for (const dialect of ['duckdb', 'postgres', 'ansi']) {
      const c = capture();
      expect(await run(['sql', '--model', 'telco-core', '--dialect', dialect, '--table', 'crm.customers'], c.io)).toBe(
        0,
      );
      const sql = c.out.join('\n');
      expect(sql).toMatch(/SELECT/);
      expect(sql).toContain('"crm"."customers"');
      expect(sql).toContain('churn_probability');
      expect(c.err).toEqual([]);
    }
  });

  it.each([
    [['sql', '--dialect', 'duckdb'], 'Missing --model'],
    [['sql', '--model', 'telco-core', '--dialect', 'oracle'], '--dialect must be one of duckdb, postgres, ansi.'],
    [
      ['sql', '--model', 'telco-core', '--dialect', 'ansi', '--map', 'tenure'],
      '--map takes SPEC_COLUMN=SOURCE_COLUMN, not "tenure".',
    ],
    [
      ['sql', '--model', 'telco-core', '--dialect', 'ansi', '--threshold=-1'],
      '--threshold must be a number from 0 to 1',
    ],
    [['sql', '--model', 'nope', '--dialect', 'ansi'], 'No model "nope"'],
  ])('%j exits 2 with the usage', async (args, message) => {
    const c = capture();
    expect(await run(args, c.io)).toBe(2);
    expect(c.err.join('\n')).toContain(message);
    expect(c.err.join('\n')).toContain('usage: churn-radar sql');
    expect(c.out).toEqual([]);
  });
});

describe('churn-radar', () => {
  it('prints its usage for help, and refuses an unknown command', async () => {
    const help = capture();
    expect(await run(['--help'], help.io)).toBe(0);
    expect(help.out.join('\n')).toMatch(
      /churn-radar score FILE[\s\S]*churn-radar train[\s\S]*churn-radar models[\s\S]*churn-radar sql/,
    );
    const none = capture();
    expect(await run([], none.io)).toBe(2);
  });
});
