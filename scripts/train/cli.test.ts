import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'churn-train-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('\n');

function train(args: string[]) {
  const run = spawnSync('npx', ['tsx', 'scripts/train/main.ts', ...args], { encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr.trim(), stdout: run.stdout };
}

describe('npm run train, called wrongly', () => {
  const good = file(
    'good.csv',
    `id,plan,spend,left\n${rows(60, (i) => `${i},${i % 3 ? 'basic' : 'plus'},${i * 3},${i % 4 === 0 ? 'yes' : 'no'}`)}\n`,
  );
  it.each([
    ['no --data', ['--target', 'left'], 'Missing --data: the labelled CSV to learn from.'],
    [
      'a missing file',
      ['--data', join(dir, 'nope.csv'), '--target', 'left'],
      `Cannot read the data file ${join(dir, 'nope.csv')}: ENOENT`,
    ],
    ['no --target', ['--data', good], 'Missing --target: the column that says who left.'],
    [
      'an unknown target column',
      ['--data', good, '--target', 'churned'],
      'has no column "churned". Its columns are: "id", "plan", "spend", "left".',
    ],
    [
      'a target with three values',
      ['--data', file('three.csv', `a,y\n${rows(30, (i) => `${i},${['x', 'y', 'z'][i % 3]}`)}\n`), '--target', 'y'],
      'has 3 different values ("x", "y", "z"); it must have exactly two',
    ],
    [
      'a target with one value (no positives)',
      ['--data', file('one.csv', `a,y\n${rows(30, (i) => `${i},no`)}\n`), '--target', 'y'],
      'has only one value ("no"): a model needs customers who left and customers who stayed.',
    ],
    [
      'a positive value the target lacks',
      ['--data', good, '--target', 'left', '--positive', 'churned'],
      'has no value "churned"; its values are "yes", "no".',
    ],
    ['an unknown option', ['--data', good, '--target', 'left', '--colour', 'red'], "Unknown option '--colour'"],
    [
      'a config that is not valid',
      ['--data', good, '--target', 'left', '--config', file('bad.json', '{"columns":{"plan":{"type":"text"}}}')],
      'is not valid: columns.plan.type:',
    ],
  ])('%s: one clear line, the usage, exit code 2, nothing written', (_, args, message) => {
    const out = join(dir, `out-${Math.random()}`);
    const run = train([...args, '--out', out]);
    expect(run.status).toBe(2);
    const [line, usage, ...rest] = run.stderr.split('\n');
    expect(line).toContain(message);
    expect(usage).toMatch(/^usage: npm run train -- --data FILE --target COLUMN/);
    expect(rest).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it('and called rightly, writes the package, lists it, and prints roles and the card', () => {
    const out = join(dir, 'models');
    const run = train(['--data', good, '--target', 'left', '--name', 'Tiny shop', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'))).toEqual({ models: ['tiny-shop'] });
    for (const ext of ['json', 'onnx', 'report.json']) expect(existsSync(join(out, `tiny-shop.${ext}`))).toBe(true);
    expect(run.stdout).toMatch(/id +id +a different value in every row: the customer ID/);
    expect(run.stdout).toMatch(/plan +categorical +categorical: 2 different values/);
    expect(run.stdout).toContain('Only 15 customers left (fewer than 50)');
  });
});
