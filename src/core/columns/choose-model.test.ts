import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../spec/model-spec.ts';
import { chooseModel } from './choose-model.ts';
import { mapHeaders } from './map-headers.ts';

const column = (name: string, aliases: string[] = []) => ({ name, label: name, aliases });
const spec = (id: string, names: string[]) =>
  ({ id, label: `Model ${id}`, columns: names.map((n) => column(n)), id_column: column('customerID', ['Customer ID']), target: { column: 'Churn' } }) as unknown as ModelSpec;
const full = spec('full', ['tenure', 'MonthlyCharges', 'Contract', 'gender']);
const core = spec('core', ['tenure', 'MonthlyCharges']);

describe('chooseModel', () => {
  it('takes the model with the most columns the file has, whatever order the specs come in', () => {
    for (const specs of [[core, full], [full, core]]) {
      const chosen = chooseModel(['gender', 'Contract', 'MonthlyCharges', 'tenure'], specs);
      expect(chosen.ok && chosen.value.spec.id).toBe('full');
    }
  });

  it('falls back to a smaller model, and finds the ID and outcome columns', () => {
    const chosen = chooseModel(['Customer ID', 'tenure', 'MonthlyCharges', 'Churn'], [full, core]);
    expect(chosen.ok).toBe(true);
    if (!chosen.ok) return;
    expect(chosen.value.spec.id).toBe('core');
    expect(Object.fromEntries(chosen.value.mapping.found)).toEqual({ tenure: 1, MonthlyCharges: 2 });
    expect([chosen.value.idCell, chosen.value.targetCell]).toEqual([0, 3]);
  });

  it('leaves the ID and outcome undefined when the file has neither', () => {
    const chosen = chooseModel(['tenure', 'MonthlyCharges'], [core]);
    expect(chosen.ok && [chosen.value.idCell, chosen.value.targetCell]).toEqual([undefined, undefined]);
  });

  it('chooses a model whose only problem is an ambiguous column, so the person can pick', () => {
    const withAliases = { ...core, columns: [column('tenure', ['months', 'Tenure (months)']), column('MonthlyCharges')] } as unknown as ModelSpec;
    const chosen = chooseModel(['months', 'Tenure (months)', 'MonthlyCharges'], [withAliases]);
    expect(chosen.ok && chosen.value.mapping.ambiguous).toEqual([{ column: 'tenure', headers: [0, 1] }]);
  });

  it('says what each model misses and which headers it found', () => {
    const chosen = chooseModel(['name', 'tenure'], [core, full]);
    expect(chosen.ok).toBe(false);
    if (chosen.ok) return;
    expect(chosen.problem.missing).toEqual([
      { model: 'Model full', columns: ['MonthlyCharges', 'Contract', 'gender'] },
      { model: 'Model core', columns: ['MonthlyCharges'] },
    ]);
    expect(chosen.problem.kind).toBe('missing-columns');
    expect(chosen.problem.headers).toEqual(['name', 'tenure']);
    expect(chosen.problem.message).toBe(
      'This file does not have the columns any model needs: "Model full" needs MonthlyCharges, Contract, gender; "Model core" needs MonthlyCharges. Headers found: "name", "tenure". Rename the headers to match (e.g. "MonthlyCharges" or "Monthly Charges") and load the file again.',
    );
  });

  it('lists an ambiguous column among what a model that misses others needs', () => {
    const withAliases = { ...full, columns: [column('tenure', ['months', 'Tenure (months)']), column('MonthlyCharges'), column('gender')] } as unknown as ModelSpec;
    const chosen = chooseModel(['months', 'Tenure (months)', 'MonthlyCharges'], [withAliases]);
    expect(!chosen.ok && chosen.problem.missing).toEqual([{ model: 'Model full', columns: ['gender', 'tenure'] }]);
  });

  it('leaves the caller\'s list of specs in its order', () => {
    const specs = [core, full];
    chooseModel(['tenure', 'MonthlyCharges'], specs);
    expect(specs.map((s) => s.id)).toEqual(['core', 'full']);
  });

  it('says "none" for a file without headers', () => {
    const chosen = chooseModel([], [core]);
    expect(!chosen.ok && chosen.problem.message).toContain('Headers found: none.');
  });
});

describe('mapHeaders at the edges', () => {
  const targets = [{ name: 'tenure', aliases: ['Tenure (months)'] }];

  it.each([
    [[' tenure '], { found: { tenure: 0 }, missing: [], ambiguous: [] }],
    [['tenure', 'tenure'], { found: {}, missing: [], ambiguous: [{ column: 'tenure', headers: [0, 1] }] }],
    [['(months)'], { found: {}, missing: ['tenure'], ambiguous: [] }],
    [['TENURE', 'Tenure (months)'], { found: {}, missing: [], ambiguous: [{ column: 'tenure', headers: [0, 1] }] }],
    [[], { found: {}, missing: ['tenure'], ambiguous: [] }],
  ])('%j', (headers, expected) => {
    const m = mapHeaders(headers, targets);
    expect({ found: Object.fromEntries(m.found), missing: m.missing, ambiguous: m.ambiguous }).toEqual(expected);
  });

  it('never maps a header that is blank once normalised, even to a blank name', () => {
    expect(mapHeaders(['', '  ', '()'], [{ name: '', aliases: ['()'] }]).missing).toEqual(['']);
  });

  it('reports duplicates by trimmed name, ignoring blank headers', () => {
    expect(mapHeaders(['a', ' a', '', '', 'b', 'a '], targets).duplicates).toEqual([{ header: 'a', indices: [0, 1, 5] }]);
    expect(mapHeaders(['a', 'b'], targets).duplicates).toEqual([]);
  });
});
