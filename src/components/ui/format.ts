/** Numbers for people, in the page's locale. */
const locale = typeof navigator === 'undefined' ? 'en-US' : navigator.language;

const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const percent1 = new Intl.NumberFormat(locale, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const decimal3 = new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const megabytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });

export const formatCount = (n: number) => integer.format(n);
export const formatPercent = (share: number) => percent1.format(share);
export const formatScore = (x: number) => decimal3.format(x);
export const formatMegabytes = (bytes: number) => megabytes.format(bytes / 1_000_000);

const money = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
/** The file's currency is unknown, so amounts are shown as plain numbers. */
export const formatMoney = (amount: number) => money.format(amount);

const percent0 = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
const signed2 = new Intl.NumberFormat(locale, {
  signDisplay: 'exceptZero',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
/** Whole percentages, for chart axes where a decimal would only add clutter. */
export const formatWholePercent = (share: number) => percent0.format(share);
/** A push up or down with its sign always shown, e.g. "+0.84", "-0.31". */
export const formatSigned = (x: number) => signed2.format(x);

const decimal0to2 = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
const decimal2 = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A measured value, e.g. tenure in months: up to 2 decimals, none when whole. */
export const formatNumber = (x: number) => decimal0to2.format(x);
/** An amount as read from the file, cents kept (formatMoney rounds, for summaries). */
export const formatAmount = (x: number) => decimal2.format(x);

const currencyFormats = new Map<string, Intl.NumberFormat>();
/** An amount in the spec's currency (XXX, "no currency", shows as a plain number). */
export function formatCurrency(amount: number, code: string, fractionDigits = 2): string {
  if (code === 'XXX') return fractionDigits === 0 ? formatMoney(amount) : formatAmount(amount);
  const key = `${code}:${fractionDigits}`;
  let format = currencyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: code,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    currencyFormats.set(key, format);
  }
  return format.format(amount);
}

type Unit = import('../../core/spec/model-spec.ts').Unit;

/** A column's value for people: amounts with cents and currency, shares as percentages, the rest as plain numbers. */
export function formatWithUnit(x: number, unit: Unit): string {
  if (typeof unit === 'object') return formatCurrency(x, unit.currency);
  if (unit === 'percent') return `${formatNumber(x)} %`;
  return formatNumber(x);
}

/** What a header adds after the label, e.g. "Tenure (months)"; currency amounts show their symbol in each cell instead. */
export function unitSuffix(unit: Unit): string {
  if (unit === 'months' || unit === 'days') return ` (${unit})`;
  if (unit === 'percent') return ' (%)';
  return '';
}
