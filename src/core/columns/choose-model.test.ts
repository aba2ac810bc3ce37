import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../spec/model-spec.ts';
import { chooseModel } from './choose-model.ts';

const column = (name: string) => ({
  name,
  label: name,
  type: 'numeric' as const,
  aliases: [],
  impute: { constant: 0 },
  range: { min: 0, max: 1 },
  unit: 'none' as const,
  sensitive: false,
});
const model = (id: string, columns: string[], auc: number) =>
  ({
    id,
    label: id,
    columns: columns.map(column),
    metrics: { test: { roc_auc: auc } },
    target: {
      column: 'Churn',
      aliases: ['Exited'],
      positive: 'Yes',
      negative: 'No',
      positive_spellings: [],
      negative_spellings: [],
    },
  }) as unknown as ModelSpec;

const small = model('small', ['a'], 0.8);
const big = model('big', ['a', 'b'], 0.7);
const other = model('other', ['z'], 0.99);

describe('chooseModel', () => {
  it('picks the fitting model with the best held-out AUC, and lists the other fitting ones', () => {
    const r = chooseModel(['a', 'b', 'Exited'], [big, small, other]);
    expect(r.ok && [r.value.spec.id, r.value.alternatives, r.value.targetCell]).toEqual(['small', ['big'], 2]);
  });

  it('breaks an AUC tie by more columns', () => {
    const r = chooseModel(['a', 'b'], [model('one', ['a'], 0.8), model('two', ['a', 'b'], 0.8)]);
    expect(r.ok && r.value.spec.id).toBe('two');
  });

  it('uses the preferred model when the file has its columns, and ignores it otherwise', () => {
    const preferred = chooseModel(['a', 'b'], [big, small], 'big');
    expect(preferred.ok && [preferred.value.spec.id, preferred.value.alternatives]).toEqual(['big', ['small']]);
    const unfit = chooseModel(['a'], [big, small], 'big');
    expect(unfit.ok && unfit.value.spec.id).toBe('small');
  });

  it('says what each model misses when none fits', () => {
    const r = chooseModel(['q'], [big, other]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toContain('"other" needs z; "big" needs a, b. Headers found: "q".');
  });
});
