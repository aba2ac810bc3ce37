import { describe, expect, it } from 'vitest';
import type { CategoricalColumn } from '../spec/model-spec.ts';
import { BLANK, categoryMatcher, normaliseCategory, UNKNOWN } from './match-category.ts';

const contract: CategoricalColumn = {
  name: 'Contract', label: 'Contract', type: 'categorical', aliases: [],
  categories: ['Month-to-month', 'One year', 'Two year'],
  synonyms: { monthly: 'Month-to-month', '2 years': 'Two year' },
  sensitive: false,
};

describe('categoryMatcher', () => {
  const match = categoryMatcher(contract);
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
