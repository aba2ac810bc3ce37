import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../spec/parse-model-spec.ts';
import { strongestEffects } from './plain-effects.ts';

const telco = () => {
  const parsed = parseModelSpec(
    JSON.parse(readFileSync(new URL('../../../public/models/telco-full.json', import.meta.url), 'utf8')),
    'telco-full.json',
  );
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.value;
};

describe('the strongest effects in plain language', () => {
  it('ranks features by their log-odds effect and says the direction and size in words', () => {
    const spec = telco();
    const effects = strongestEffects(spec, 40);
    expect(effects.length).toBeGreaterThan(3);
    for (let i = 1; i < effects.length; i++)
      expect(Math.abs(effects[i - 1]!.size)).toBeGreaterThanOrEqual(Math.abs(effects[i]!.size));
    const contract = effects.find((e) => e.text.startsWith('Contract = Two year'))!;
    expect(contract.text).toMatch(/lowers the risk (a lot|clearly)$/);
    expect(contract.size).toBeLessThan(0);
  });

  it('turns a category coefficient into the effect of being in it: coefficient ÷ std', () => {
    const spec = { ...telco() };
    spec.features = [
      {
        name: 'x',
        column: spec.columns.find((c) => c.type === 'categorical')!.name,
        category: (spec.columns.find((c) => c.type === 'categorical') as { categories: string[] }).categories[0]!,
        mean: 0.5,
        std: 0.5,
      },
    ];
    spec.coefficients = [0.3];
    expect(strongestEffects(spec)).toEqual([{ size: 0.6, text: expect.stringMatching(/raises the risk clearly$/) }]);
  });
});
