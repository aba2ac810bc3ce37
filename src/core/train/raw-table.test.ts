import { describe, expect, it } from 'vitest';
import { humanLabel, rawTableFromText } from './raw-table.ts';

describe('rawTableFromText', () => {
  it('keeps every cell as written, one column per trimmed header', () => {
    const table = rawTableFromText(' id ,Plan,Charges\n1, Basic ,"1,200.50"\n2,,7\n');
    expect(table).toEqual({
      headers: ['id', 'Plan', 'Charges'],
      columns: [
        ['1', '2'],
        [' Basic ', ''],
        ['1,200.50', '7'],
      ],
      rowCount: 2,
      raggedRows: 0,
    });
  });

  it('counts rows with fewer or more cells than headers, pads them with blanks and cuts the extra', () => {
    const table = rawTableFromText('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10\n');
    expect(table.columns).toEqual([
      ['1', '4', '6', '10'],
      ['2', '5', '7', ''],
      ['3', '', '8', ''],
    ]);
    expect(table.rowCount).toBe(4);
    expect(table.raggedRows).toBe(3);
  });

  it('reads a header-only file as no rows, and an empty text as no columns', () => {
    expect(rawTableFromText('a,b\n')).toEqual({ headers: ['a', 'b'], columns: [[], []], rowCount: 0, raggedRows: 0 });
    expect(rawTableFromText('')).toEqual({ headers: [], columns: [], rowCount: 0, raggedRows: 0 });
  });
});

describe('humanLabel', () => {
  it.each([
    ['CreditScore', 'Credit score'],
    ['num_of_products', 'Num of products'],
    ['tenure', 'Tenure'],
    ['HasCrCard', 'Has cr card'],
    ['Area2Code', 'Area2 code'],
    ['NPSScore', 'NPS score'],
    ['PaymentMethodID', 'Payment method ID'],
    ['age_IN_years', 'Age IN years'],
    ['Total  _ Charges ', 'Total charges'],
    ['  padded', 'Padded'],
    ['X1', 'X1'],
    ['Plan Ab2', 'Plan ab2'],
    ['first-name', 'First-name'],
    ['___', '___'],
    ['', ''],
  ])('%j -> %j', (header, label) => {
    expect(humanLabel(header)).toBe(label);
  });
});
