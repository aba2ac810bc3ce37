import { describe, expect, it } from 'vitest';
import { rawTableFromText } from '../core/train/raw-table.ts';
import { configFor, inspectHistory, rolesFor, trainHistory } from './train-session.ts';

const table = (text: string) => rawTableFromText(text);
const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('\n');

describe('reading a history file for training in the browser', () => {
  it('suggests the outcome named like one and its positive value, with roles and reasons', () => {
    const t = table(
      `id,plan,spend,Churned,vip\n${rows(40, (i) => `c${i},${['a', 'b', 'c'][i % 3]},${i * 1.5},${i % 4 === 0 ? 'Yes' : 'No'},${i % 2 ? 'y' : 'n'}`)}`,
    );
    const overview = inspectHistory(t, 'history.csv');
    if (!overview.ok) throw new Error(overview.problem);
    expect(overview.value.target).toBe('Churned');
    expect(overview.value.candidates.map((c) => c.column)).toEqual(['Churned', 'vip']);
    expect(overview.value.candidates[0]!.positive).toBe('Yes');
    const roles = Object.fromEntries(overview.value.roles.map((r) => [r.name, r.role]));
    expect(roles).toEqual({ id: 'id', plan: 'categorical', spend: 'numeric', Churned: 'outcome', vip: 'categorical' });
  });

  it('says what an outcome column looks like when a file has none, naming a near miss', () => {
    const one = inspectHistory(table(`a,churn\n${rows(10, (i) => `${i},No`)}`), 'one.csv');
    expect(one).toEqual({
      ok: false,
      problem: expect.stringMatching(/"churn" has only one value \("No"\).*exactly two values/),
    });
    const three = inspectHistory(
      table(`a,Status\n${rows(12, (i) => `${i},${['open', 'closed', 'paused'][i % 3]}`)}`),
      'three.csv',
    );
    expect(three).toEqual({
      ok: false,
      problem: expect.stringMatching(/"Status" has 3 different values.*Churn = Yes\/No/),
    });
    const none = inspectHistory(table(`a,b\n${rows(10, (i) => `${i},${i * 2}`)}`), 'none.csv');
    expect(none).toEqual({
      ok: false,
      problem: expect.stringMatching(/^No column of this file can be the outcome: none has exactly two/),
    });
  });

  it('leaves out columns of long text before the trainer sees them', () => {
    const long = 'x'.repeat(600);
    const t = table(`note,churn\n${rows(20, (i) => `${i % 2 ? long : 'short'},${i % 3 ? 'no' : 'yes'}`)}`);
    const role = rolesFor(t, 'churn').find((r) => r.name === 'note')!;
    expect(role).toMatchObject({ role: 'left-out', reason: expect.stringMatching(/longer than 500 characters/) });
    expect(configFor(rolesFor(t, 'churn'), {})).toEqual({ columns: { note: { include: false } } });
  });
});

describe("the config the page's choices become", () => {
  const t = table(
    `Gender,Age,plan,spend,churn\n${rows(30, (i) => `${i % 2 ? 'f' : 'm'},${20 + (i % 7)},${['a', 'b'][i % 2]},${(i % 5) * 1.5 + 0.25},${i % 3 ? 'no' : 'yes'}`)}`,
  );
  const roles = rolesFor(t, 'churn');

  it('leaves sensitive columns out by default and keeps what the person includes', () => {
    expect(configFor(roles, {})).toEqual({ columns: { Gender: { include: false }, Age: { include: false } } });
    expect(
      configFor(roles, {
        Age: { include: true, type: 'numeric' },
        plan: { include: false, type: 'categorical' },
        spend: { include: true, type: 'categorical' },
      }),
    ).toEqual({
      columns: {
        Gender: { include: false },
        Age: { include: true },
        plan: { include: false },
        spend: { type: 'categorical' },
      },
    });
  });

  it('keeps a probable leak only when asked', () => {
    expect(configFor(roles, { spend: { include: true, type: 'numeric', keepLeak: true } }).columns?.spend).toEqual({
      include: true,
    });
    expect(configFor(roles, { spend: { include: true, type: 'numeric' } }).columns?.spend).toBeUndefined();
  });
});

describe('training in the worker', () => {
  it('names the problem when every column is left out', () => {
    const t = table(`plan,churn\n${rows(40, (i) => `${['a', 'b'][i % 2]},${i % 3 ? 'no' : 'yes'}`)}`);
    const result = trainHistory(
      t,
      { target: 'churn', positive: 'yes', choices: { plan: { include: false, type: 'categorical' } }, name: '' },
      '0'.repeat(64),
      'x.csv',
    );
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/Every column was left out/) });
  });
});
