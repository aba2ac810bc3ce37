import { describe, expect, it } from 'vitest';
import { rawTableFromText } from '../core/train/raw-table.ts';
import { configFor, inspectHistory, LONGEST_CELL, rolesFor, sha256Hex, trainHistory } from './train-session.ts';

const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join('\n');

/** 120 customers: short tenure on a monthly plan leaves. */
const history = rawTableFromText(
  `plan,tenure,Gender,churn\n${rows(120, (i) => {
    const tenure = (i * 7) % 50;
    const plan = ['monthly', 'yearly'][i % 2]!;
    const left = tenure < 15 + (plan === 'monthly' ? 10 : 0) + (i % 5) - 2;
    return `${plan},${tenure},${i % 3 ? 'f' : 'm'},${left ? 'yes' : 'no'}`;
  })}`,
);

describe('training a small history in the worker', () => {
  it('trains one package with the page’s config, its files named after the model, and reports its stages', () => {
    const stages: string[] = [];
    const trained = trainHistory(
      history,
      { target: 'churn', positive: 'yes', choices: {}, name: 'Small Plan' },
      'f'.repeat(64),
      'small.csv',
      (stage) => stages.push(stage),
    );
    if (!trained.ok) throw new Error(trained.problem);
    const { spec, config, files, onnx } = trained.value;
    expect(config).toEqual({ columns: { Gender: { include: false } } });
    expect(spec.id).toBe('small-plan');
    expect(spec.columns.map((c) => c.name)).toEqual(['plan', 'tenure']);
    expect(spec.provenance).toMatchObject({ dataset: 'small.csv', sha256: 'f'.repeat(64) });
    expect(Object.keys(files)).toEqual(['small-plan.json', 'small-plan.report.json', 'small-plan.onnx']);
    expect(files['small-plan.onnx']).toBe(onnx);
    expect(new Set(stages)).toEqual(new Set(['cross-validation', 'final fit', 'evaluation', 'repeated splits']));
  });

  it('names the model after the outcome when the name is left empty', () => {
    const trained = trainHistory(history, { target: 'churn', positive: 'yes', choices: {}, name: '' }, '0', 'x.csv');
    expect(trained.ok && trained.value.spec.id).toBe('churn');
  });

  it('passes on what the trainer refuses', () => {
    const trained = trainHistory(history, { target: 'gone', positive: 'yes', choices: {}, name: '' }, '0', 'x.csv');
    expect(trained).toEqual({ ok: false, problem: expect.stringMatching(/^The file has no column "gone"/) });
  });
});

describe('reading a history for the page, at the edges', () => {
  it('refuses a file without data rows, or without columns', () => {
    const problem = 'empty.csv has no data rows: a history file has a header line and one row per customer.';
    expect(inspectHistory(rawTableFromText('a,churn\n'), 'empty.csv')).toEqual({ ok: false, problem });
    expect(inspectHistory({ headers: [], columns: [], rowCount: 3, raggedRows: 0 }, 'empty.csv')).toEqual({
      ok: false,
      problem,
    });
  });

  it('puts columns named like an outcome first, then the rightmost', () => {
    const t = rawTableFromText(`a,hasLeft,b,c\n${rows(10, (i) => `${i % 2},${i % 2 ? 'x' : 'y'},${i % 2},${i % 2}`)}`);
    const overview = inspectHistory(t, 'x.csv');
    if (!overview.ok) throw new Error(overview.problem);
    expect(overview.value.candidates.map((c) => c.column)).toEqual(['hasLeft', 'c', 'b', 'a']);
    expect(overview.value.target).toBe('hasLeft');
    expect(overview.value).toMatchObject({ fileName: 'x.csv', rows: 10, headers: ['a', 'hasLeft', 'b', 'c'] });
  });

  it.each([
    ['Exited', true],
    ['customer_status', true],
    ['ChurnFlag', true],
    ['churned', true],
    ['Attrition_Flag', true],
    ['attrited', true],
    ['Cancelled', true],
    ['canceled', true],
    ['Leftover', false],
    ['statusquo', false],
  ])('%s is named like an outcome: %s', (name, named) => {
    const t = rawTableFromText(`${name},other\n${rows(10, (i) => `${i % 2 ? 'p' : 'q'},${i % 2}`)}`);
    const overview = inspectHistory(t, 'x.csv');
    expect(overview.ok && overview.value.target).toBe(named ? name : 'other');
  });

  it('says how a column named like an outcome fails: blank, one value, or more than two (listing four)', () => {
    const t = rawTableFromText(
      `Churn,Exited,Status,x\n${rows(12, (i) => `,${'abcdef'[i % 6]},same,${i}`)}`.replace(/^,/gm, ' ,'),
    );
    const overview = inspectHistory(t, 'x.csv');
    expect(overview.ok).toBe(false);
    if (overview.ok) return;
    expect(overview.problem).toBe(
      'No column of this file can be the outcome: "Churn" is blank in every row; "Exited" has 6 different values ("a", "b", "c", "d", …); "Status" has only one value ("same"): every customer has the same outcome. An outcome column has exactly two values, one for customers who left and one for those who stayed, such as Churn = Yes/No or Exited = 1/0.',
    );
  });
});

describe('naming a near miss', () => {
  it('lists four values without an ellipsis', () => {
    const t = rawTableFromText(`Status,x\n${rows(12, (i) => `${'abcd'[i % 4]},${i}`)}`);
    const overview = inspectHistory(t, 'x.csv');
    expect(overview.ok).toBe(false);
    if (!overview.ok)
      expect(overview.problem).toContain('"Status" has 4 different values ("a", "b", "c", "d"). An outcome');
  });
});

describe('the page’s defaults for columns', () => {
  it('leaves out a column with a cell just over the length limit, and keeps one at it', () => {
    const t = rawTableFromText(
      `at,over,churn\n${rows(20, (i) => `${i % 2 ? 'a'.repeat(LONGEST_CELL) : 'b'},${i % 2 ? 'a'.repeat(LONGEST_CELL + 1) : 'b'},${i % 3 ? 'no' : 'yes'}`)}`,
    );
    const roles = rolesFor(t, 'churn');
    expect(roles.map((r) => r.role)).toEqual(['categorical', 'left-out', 'outcome']);
    expect(configFor(roles, {})).toEqual({ columns: { over: { include: false } } });
  });

  it('writes nothing for the outcome and the id, or for a choice that matches the role', () => {
    const t = rawTableFromText(
      `id,plan,churn\n${rows(30, (i) => `c${i},${['a', 'b'][i % 2]},${i % 3 ? 'no' : 'yes'}`)}`,
    );
    const roles = rolesFor(t, 'churn');
    expect(configFor(roles, { id: { include: false, type: 'categorical' } })).toEqual({});
    expect(configFor(roles, { plan: { include: true, type: 'categorical' } })).toEqual({});
    expect(configFor(roles, { plan: { include: true, type: 'numeric' } })).toEqual({
      columns: { plan: { type: 'numeric' } },
    });
  });
});

describe('sha256Hex', () => {
  it('gives the standard digest, each byte as two digits (this one holds 0x01 and 0x03)', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
