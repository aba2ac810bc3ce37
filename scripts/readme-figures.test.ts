import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../src/core/spec/model-spec.ts';
import { modelCardMarkdown } from '../src/core/train/model-card.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  const listed = (
    JSON.parse(readFileSync(new URL('../public/models/index.json', import.meta.url), 'utf8')) as { models: string[] }
  ).models;
  it.each(listed)('shows the model card of %s exactly as the spec has it', (id) => {
    const spec = JSON.parse(readFileSync(new URL(`../public/models/${id}.json`, import.meta.url), 'utf8')) as ModelSpec;
    const card = modelCardMarkdown(spec);
    expect(readme, `README's model card for ${id} is stale; replace its rows with:\n${card}`).toContain(card);
  });

  it('gives the two commands', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm test');
  });
});
