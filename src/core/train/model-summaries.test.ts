import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../spec/model-spec.ts';
import { RECIPE } from './fit-recipe.ts';
import { modelCard, modelCardMarkdown } from './model-card.ts';
import { repeatedSplits } from './repeated-splits.ts';
import { packageFiles } from './write-package.ts';

const telcoCore = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../public/models/telco-core.json'), 'utf8'),
) as ModelSpec;

/** A spec whose held-out AUC and recall at the recommended point are the given values. */
const specWith = (auc: number, recall: number): ModelSpec => ({
  ...telcoCore,
  metrics: { ...telcoCore.metrics, test: { ...telcoCore.metrics.test, roc_auc: auc } },
  thresholds: {
    ...telcoCore.thresholds,
    points: telcoCore.thresholds.points.map((p) =>
      p.name === telcoCore.thresholds.recommended
        ? { ...p, test: { ...p.test, recall } }
        : { ...p, test: { ...p.test, recall: 0 } },
    ),
  },
});

describe('the spread over repeated splits', () => {
  it('trains once per seed from the recipe’s own, and summarises the specs it gets', () => {
    const seeds: number[] = [];
    const aucs = [0.7, 0.8, 0.9];
    const spread = repeatedSplits((seed) => {
      seeds.push(seed);
      const k = seed - RECIPE.seed;
      return k < 3 ? specWith(aucs[k]!, 0.5 + k / 10) : undefined;
    });
    expect(seeds).toEqual(Array.from({ length: RECIPE.repeats }, (_, i) => RECIPE.seed + i));
    expect(spread!.splits).toBe(3);
    expect(spread!.roc_auc.mean).toBeCloseTo(0.8, 12);
    // Sample standard deviation (n − 1): the three values are 0.1 apart.
    expect(spread!.roc_auc.sd).toBeCloseTo(0.1, 12);
    expect(spread!.roc_auc).toMatchObject({ min: 0.7, max: 0.9 });
    expect(spread!.recall_at_recommended.mean).toBeCloseTo(0.6, 12);
    expect(spread!.recall_at_recommended).toMatchObject({ min: 0.5, max: 0.7 });
  });

  it('gives a spread of 0 for one split, and nothing when every split failed', () => {
    let first = true;
    const one = repeatedSplits(() => {
      const spec = first ? specWith(0.75, 0.8) : undefined;
      first = false;
      return spec;
    });
    expect(one).toEqual({
      splits: 1,
      roc_auc: { mean: 0.75, sd: 0, min: 0.75, max: 0.75 },
      recall_at_recommended: { mean: 0.8, sd: 0, min: 0.8, max: 0.8 },
    });
    expect(repeatedSplits(() => undefined)).toBeUndefined();
  });
});

describe('the model card', () => {
  it('prints the held-out figures and every operating point, starring the recommended one', () => {
    const lines = modelCard(telcoCore).split('\n');
    expect(lines[0]).toBe('telco-core — Telco churn, core CRM columns');
    expect(lines[1]).toBe(
      '  held-out rows 1409 (374 churners): ROC AUC 0.831, PR AUC 0.640, Brier 0.141, log loss 0.429',
    );
    expect(lines[2]).toBe('  operating points (held-out precision / recall / F1 / flagged):');
    expect(lines[3]).toBe('    0.2777  Catch 80 % of churners (recommended): 50.3 % / 75.7 % / 0.604 / 40.0 %');
    expect(lines).toHaveLength(3 + telcoCore.thresholds.points.length);
    expect(lines.slice(4).every((l) => !l.includes('(recommended)'))).toBe(true);
  });

  it('writes the README rows: one for the model, one per operating point', () => {
    const rows = modelCardMarkdown(telcoCore).split('\n');
    expect(rows[0]).toBe(
      '| `telco-core` (5 columns, 13 features) | ROC AUC **0.831** · PR AUC 0.640 · Brier 0.141 · log loss 0.429 |',
    );
    expect(rows[1]).toBe(
      '| Catch 80 % of churners (recommended): threshold 0.2777 | precision 50.3 % · recall 75.7 % · F1 0.604 · flags 40.0 % |',
    );
    expect(rows).toHaveLength(1 + telcoCore.thresholds.points.length);
    expect(rows.slice(2).every((r) => !r.includes('(recommended)'))).toBe(true);
  });
});

describe('the package files', () => {
  it('names the spec, the report and the model after the spec, as indented JSON ending in a line break', () => {
    const onnx = Uint8Array.of(1, 2, 3);
    const files = packageFiles({ spec: telcoCore, onnx, report: { id: 'telco-core' } });
    expect(Object.keys(files)).toEqual(['telco-core.json', 'telco-core.report.json', telcoCore.onnx]);
    expect(new TextDecoder().decode(files['telco-core.report.json'])).toBe('{\n  "id": "telco-core"\n}\n');
    expect(JSON.parse(new TextDecoder().decode(files['telco-core.json']))).toEqual(telcoCore);
    expect(files[telcoCore.onnx]).toBe(onnx);
  });
});
