import { beforeEach, describe, expect, it } from 'vitest';
import type { CategoricalColumn } from '../spec/model-spec.ts';
import { BLANK, categoryMatcher, normaliseCategory, UNKNOWN } from './match-category.ts';

const contract: CategoricalColumn = {
  name: 'Contract',
  label: 'Contract',
  type: 'categorical',
  aliases: [],
  categories: ['Month-to-month', 'One year', 'Two year'],
  synonyms: { monthly: 'Month-to-month', '2 years': 'Two year' },
  sensitive: false,
};

describe('categoryMatcher', () => {
  let match: (text: string) => number;
  beforeEach(() => {
    match = categoryMatcher(contract);
  });
  it.each([
    ['Month-to-month', 0],
    ['month to month', 0],
    ['  MONTH_TO_MONTH ', 0],
    ['Monthly', 0],
    ['one year', 1],
    ['Two  Year', 2],
    ['2 Years', 2],
    ['', BLANK],
    ['  ', BLANK],
    ['Three year', UNKNOWN],
    ['<b>Two year</b>', UNKNOWN],
  ])('%j -> %i', (text, code) => {
    expect(match(text)).toBe(code);
  });

  it('answers the same from its cache', () => {
    expect([match('monthly'), match('monthly')]).toEqual([0, 0]);
  });
});

describe('normaliseCategory', () => {
  it.each([
    ['Fiber optic', 'fiber optic'],
    ['Bank transfer (automatic)', 'bank transfer (automatic)'],
    ['No\tinternet   service', 'no internet service'],
  ])('%j -> %j', (text, expected) => {
    expect(normaliseCategory(text)).toBe(expected);
  });
});

describe('categoryMatcher memory', () => {
  it('answers right after switching between spellings, cached or not', () => {
    const match = categoryMatcher(contract);
    expect(['one year', 'Two year', 'one year', 'one year', 'Gold', 'Two year', '', 'Gold'].map(match)).toEqual([
      1,
      2,
      1,
      1,
      UNKNOWN,
      2,
      BLANK,
      UNKNOWN,
    ]);
  });

  it('keeps answering right past 10,000 distinct spellings', () => {
    const match = categoryMatcher(contract);
    for (let i = 0; i < 10_050; i++)
      expect(match(`two${' '.repeat(1 + (i % 3))}year${'_'.repeat(Math.floor(i / 3))}`)).toBe(i < 3 ? 2 : UNKNOWN);
    expect(match('Month-to-month')).toBe(0);
    expect(match('  month to month')).toBe(0);
  });

  it('maps a synonym of the first category to index 0', () => {
    expect(categoryMatcher({ ...contract, synonyms: { m2m: 'Month-to-month' } })('M2M')).toBe(0);
  });

  it('normalises en dashes and compatibility characters', () => {
    expect(normaliseCategory('Month–to–month')).toBe('month to month');
    expect(normaliseCategory('Ｔｗｏ year')).toBe('two year');
  });
});
