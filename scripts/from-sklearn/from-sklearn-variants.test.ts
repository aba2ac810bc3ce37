import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrtForNode } from '../../src/core/scoring/ort-node-setup.test-support.ts';
import { readCsv, runPython, runPythonStatus, scoreWithApp, worstDifference } from './app-scoring.test-support.ts';
import { parseModelSpec } from '../../src/core/spec/parse-model-spec.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Fits one of example_pipelines.py's variants and runs the converter on it. */
function convertVariant(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `churn-from-sklearn-${name}-`));
  dirs.push(dir);
  runPython('example_pipelines.py', [name, dir]);
  const columns = readFileSync(join(dir, 'columns.txt'), 'utf8').trim();
  const run = runPythonStatus('from_sklearn.py', [
    '--pipeline',
    join(dir, 'pipeline.pkl'),
    '--train',
    join(dir, 'train.csv'),
    '--test',
    join(dir, 'test.csv'),
    '--target',
    'outcome',
    '--positive',
    'left',
    '--columns',
    columns,
    '--model-id',
    'variant',
    '--label',
    name,
    '--out',
    dir,
  ]);
  return { dir, columns, ...run };
}

describe('a supported variant: OneHotEncoder(drop="first"), multinomial LogisticRegression, text classes with the positive one first', () => {
  let converted: ReturnType<typeof convertVariant>;
  beforeAll(() => {
    setUpOrtForNode();
    converted = convertVariant('drop-first-multinomial');
  });

  it('converts, and the app scores every row as predict_proba of "left" does, to 1e-5', async () => {
    const { dir, columns, status, stderr } = converted;
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const parsed = parseModelSpec(JSON.parse(readFileSync(join(dir, 'variant.json'), 'utf8')), 'variant.json');
    if (!parsed.ok) throw new Error(parsed.problem);
    const spec = parsed.value;
    // The dropped first category has no indicator: it scores as all zeros, as an unknown value does.
    expect(spec.features.map((f) => f.name)).toEqual(['tenure', 'monthly', 'plan=Plus', 'plan=Pro']);
    const onnx = new Uint8Array(readFileSync(join(dir, 'variant.onnx')));
    for (const file of ['train.csv', 'test.csv']) {
      const expected = JSON.parse(
        runPython('predict.py', [
          '--pipeline',
          join(dir, 'pipeline.pkl'),
          '--data',
          join(dir, file),
          '--columns',
          columns,
          '--positive',
          'left',
        ]),
      ) as number[];
      const scores = await scoreWithApp(spec, onnx, readCsv(join(dir, file)));
      expect(scores.rejected.every((r) => r === 0)).toBe(true);
      expect(worstDifference(scores.reference, expected).difference, file).toBeLessThan(1e-5);
      expect(worstDifference(scores.onnx, expected).difference, file).toBeLessThan(1e-5);
    }
  });
});

describe('unsupported pipelines', () => {
  // One Python process fits every variant and asks the converter's pipeline reader about each.
  let refusals: Record<string, string | null>;
  beforeAll(() => {
    refusals = JSON.parse(runPython('example_pipelines.py', ['--refusals'])) as Record<string, string | null>;
  });

  it.each([
    [
      'min-max-scaler',
      "ColumnTransformer branch 'num': MinMaxScaler is not supported; numeric columns need Pipeline([SimpleImputer(), StandardScaler()])",
    ],
    [
      'unknown-raises',
      "ColumnTransformer branch 'cat': OneHotEncoder(handle_unknown='error') is not supported; use handle_unknown='ignore'",
    ],
    ['random-forest', 'step 2 is RandomForestClassifier; supported: LogisticRegression'],
    [
      'passthrough',
      "ColumnTransformer branch 'remainder' passes columns through unchanged; supported: Pipeline([SimpleImputer(), StandardScaler()])",
    ],
    ['missing-indicator', "ColumnTransformer branch 'num': SimpleImputer(add_indicator=True) is not supported"],
    [
      'infrequent',
      "ColumnTransformer branch 'cat': OneHotEncoder with min_frequency or max_categories (infrequent categories) is not supported",
    ],
    ['case-clash', 'OneHotEncoder categories of plan: "plus" and "Plus" read the same in Churn Radar'],
    ['three-classes', 'LogisticRegression has 3 classes; supported: two (churned or not)'],
  ])('%s is refused, naming the step and what is supported', (name, message) => {
    expect(refusals[name]).not.toBeNull();
    expect(refusals[name]!.startsWith(message), refusals[name]!).toBe(true);
    expect(refusals[name]).not.toContain('\n');
  });

  it('the reader accepts only the supported variant and the one whose data, not pipeline, is the problem', () => {
    expect(
      Object.entries(refusals)
        .filter(([, m]) => m === null)
        .map(([n]) => n),
    ).toEqual(['drop-first-multinomial', 'case-in-test']);
  });

  it('a held-out cell that the app would read differently from scikit-learn stops the conversion, naming the row', () => {
    const { dir, status, stderr } = convertVariant('case-in-test');
    const row = readCsv(join(dir, 'test.csv')).rows.findIndex((r) => r[2] === 'plus') + 2;
    expect(status).toBe(2);
    expect(stderr).toMatch(
      new RegExp(
        `^from-sklearn: the converted model does not reproduce predict_proba on row ${row} of test\\.csv \\(difference [0-9.e-]+; .*\\); nothing written\\n$`,
      ),
    );
    expect(existsSync(join(dir, 'variant.json'))).toBe(false);
  });

  it('the command line refuses with that one line and exit code 2, and writes nothing', () => {
    const { dir, status, stderr } = convertVariant('min-max-scaler');
    expect(status).toBe(2);
    expect(stderr).toBe(`from-sklearn: ${refusals['min-max-scaler']}\n`);
    expect(existsSync(join(dir, 'variant.json')) || existsSync(join(dir, 'variant.onnx'))).toBe(false);
  });
});
