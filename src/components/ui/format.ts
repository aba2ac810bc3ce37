/** Numbers for people, in the page's locale. */
const locale = typeof navigator === 'undefined' ? 'en-US' : navigator.language;

const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const percent1 = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const decimal3 = new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const megabytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });

export const formatCount = (n: number) => integer.format(n);
export const formatPercent = (share: number) => percent1.format(share);
export const formatScore = (x: number) => decimal3.format(x);
export const formatMegabytes = (bytes: number) => megabytes.format(bytes / 1_000_000);
