import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.ts';
import { run } from '../../src/cli/main.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = join(ROOT, 'public/samples/customers-sample.csv');
const HEADER_ONLY = join(ROOT, 'test/fixtures/bad-input/header-only.csv');
const dir = mkdtempSync(join(tmpdir(), 'churn-cli-score-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(interactive: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  const io: Io = { out: (t) => out.push(t), error: (t) => err.push(t), interactive, progress: (t) => progress.push(t) };
  return { io, out, err, progress };
}

describe('churn-radar score: exit codes', () => {
  it('exits 0 when rows were scored, with the summary on stderr and the export in --out', async () => {
    const c = capture(false);
    const out = join(dir, 'scored.csv');
    expect(await run(['score', SAMPLE, '--model', 'telco-full', '--out', out], c.io)).toBe(0);
    expect(c.err).toEqual([
      'customers-sample.csv: 500 rows, 500 scored, 0 rejected, 195 at risk at threshold 0.2627 (model telco-full)',
    ]);
    expect(readFileSync(out, 'utf8').split('\r\n')).toHaveLength(502);
  });

  it('exits 1 when no row could be scored, and says how many were rejected', async () => {
    const file = join(dir, 'all-rejected.csv');
    const [header] = readFileSync(SAMPLE, 'utf8').split(/\r?\n/);
    const cells = header!.split(',').map((h) => (h === 'tenure' ? 'forty' : ''));
    writeFileSync(file, `${header}\n${cells.join(',')}\n`);
    const c = capture(false);
    expect(await run(['score', file, '--model', 'telco-full', '--out', join(dir, 'rejected.csv')], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/all-rejected\.csv: 1 rows, 0 scored, 1 rejected/);
  });

  it('exits 1 for a file with no customer rows, and creates no --out file', async () => {
    const c = capture(false);
    const out = join(dir, 'never.csv');
    expect(await run(['score', HEADER_ONLY, '--model', 'telco-core', '--out', out], c.io)).toBe(1);
    expect(c.err.join('\n')).toContain('has a header row but no customer rows');
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [['score', SAMPLE, '--model', 'telco-full', '--format', 'xml'], '--format must be csv or json, not "xml".'],
    [['score', SAMPLE, SAMPLE, '--model', 'telco-full'], 'One file at a time'],
    [['score', SAMPLE, '--model', 'telco-full', '--frobnicate'], "Unknown option '--frobnicate'"],
    [
      ['score', SAMPLE, '--model', 'telco-full', '--threshold', 'high'],
      '--threshold must be a number from 0 to 1, not "high".',
    ],
    ...['0', '9', '1.5', 'two'].map((n): [string[], string] => [
      ['score', SAMPLE, '--model', 'telco-full', '--threads', n],
      `--threads must be a whole number from 1 to 8, not "${n}".`,
    ]),
  ])('%j exits 2 with the usage', async (args, message) => {
    const c = capture(false);
    expect(await run(args, c.io)).toBe(2);
    expect(c.err.join('\n')).toContain(message);
    expect(c.err.join('\n')).toContain('usage: churn-radar score');
    expect(c.out).toEqual([]);
  });
});

describe('churn-radar score: progress', () => {
  it('draws progress for each step only when stderr is a terminal, and clears it before the summary', async () => {
    const terminal = capture(true);
    expect(await run(['score', SAMPLE, '--model', 'telco-core', '--out', join(dir, 'a.csv')], terminal.io)).toBe(0);
    expect(terminal.progress.map((p) => p.split(' ')[0])).toEqual(['reading', 'scoring', 'writing', '']);
    expect(terminal.progress[1]).toBe('scoring 500 rows…');
    const piped = capture(false);
    expect(await run(['score', SAMPLE, '--model', 'telco-core', '--out', join(dir, 'b.csv')], piped.io)).toBe(0);
    expect(piped.progress).toEqual([]);
    expect(piped.err).toEqual(terminal.err);
  });

  it('decides from the real stderr: a terminal (through script(1)) sees progress, a pipe only the summary', () => {
    const cli = [
      'npx',
      'tsx',
      'bin/churn-radar.ts',
      'score',
      SAMPLE,
      '--model',
      'telco-core',
      '--out',
      join(dir, 'c.csv'),
    ];
    const piped = spawnSync(cli[0]!, cli.slice(1), { cwd: ROOT, encoding: 'utf8' });
    expect(piped.status).toBe(0);
    expect(piped.stderr).not.toContain('\r');
    expect(piped.stderr.trim()).toMatch(/^customers-sample\.csv: 500 rows, 500 scored/);
    // script(1) runs the command on a pseudo-terminal and copies what it printed to stdout.
    const tty = spawnSync('script', ['-qec', cli.map((a) => `'${a}'`).join(' '), '/dev/null'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(/\rscoring 500 rows…/);
    expect(tty.stdout).toMatch(/customers-sample\.csv: 500 rows, 500 scored/);
  });
});
