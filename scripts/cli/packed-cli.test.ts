import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = join(ROOT, 'public/samples/customers-sample.csv');
const dir = mkdtempSync(join(tmpdir(), 'churn-cli-pack-'));

/** Runs a command line and returns everything a person would see. */
const run = (cmd: string, args: string[], cwd: string) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(() => {
  // Exactly what a team does: pack the checkout, install the tarball in an empty folder.
  execFileSync('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: ROOT, stdio: 'pipe' });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
  writeFileSync(join(dir, 'package.json'), '{"name":"team-batch","private":true}\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', `./${tarball}`], { cwd: dir, stdio: 'pipe' });
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packed command line, installed from its tarball', () => {
  it('scores the sample to the same bytes as the checkout does, with the summary on stderr', () => {
    const installed = run('npx', ['churn-radar', 'score', SAMPLE, '--model', 'telco-full'], dir);
    const checkout = run('npx', ['tsx', 'bin/churn-radar.ts', 'score', SAMPLE, '--model', 'telco-full'], ROOT);
    expect(installed.status).toBe(0);
    expect(installed.stdout.length).toBeGreaterThan(50_000);
    expect(installed.stdout).toBe(checkout.stdout);
    expect(installed.stderr.trim()).toBe(
      'customers-sample.csv: 500 rows, 500 scored, 0 rejected, 195 at risk at threshold 0.2627 (model telco-full)',
    );
  });

  it('lists its models with their cards', () => {
    const models = run('npx', ['churn-radar', 'models'], dir);
    expect(models.status).toBe(0);
    expect(models.stdout).toContain('telco-full — Telco churn, all columns');
    expect(models.stdout).toContain('telco-core — Telco churn, core CRM columns');
  });

  it.each([
    [['score'], 2, 'Missing FILE: the customer CSV to score.'],
    [['score', SAMPLE], 2, 'Missing --model'],
    [
      ['score', SAMPLE, '--model', 'telco-full', '--threshold', '1.5'],
      2,
      '--threshold must be a number from 0 to 1, not "1.5".',
    ],
    [['score', SAMPLE, '--model', 'no-such-model'], 2, 'No model "no-such-model"'],
    [['score', join(dir, 'missing.csv'), '--model', 'telco-full'], 1, 'Cannot read'],
    [['frobnicate'], 2, 'Unknown command "frobnicate".'],
  ])('%j exits %i, saying %s', (args, status, message) => {
    const r = run('npx', ['churn-radar', ...args], dir);
    expect(r.status).toBe(status);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('exits 1 with the reason when the file cannot be read as customers', () => {
    const bad = join(dir, 'photo.csv');
    writeFileSync(bad, readFileSync(join(ROOT, 'public/icons/icon-192.png')));
    const r = run('npx', ['churn-radar', 'score', bad, '--model', 'telco-full'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/photo\.csv.*(image|PNG)/i);
  });
});
