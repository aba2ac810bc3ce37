import { pick, seededRandom } from '../../src/core/train/seeded-random.ts';

type Random = () => number;
type YesNo = 'Yes' | 'No';
type AddOn = YesNo | 'No internet service';
type Contract = 'Month-to-month' | 'One year' | 'Two year';
type Internet = 'DSL' | 'Fiber optic' | 'No';
type Payment = 'Electronic check' | 'Mailed check' | 'Bank transfer (automatic)' | 'Credit card (automatic)';

/** The IBM Telco export's header, in its order, so the synthetic files drop into anything built for it. */
export const CUSTOMER_COLUMNS = [
  'customerID',
  'gender',
  'SeniorCitizen',
  'Partner',
  'Dependents',
  'tenure',
  'PhoneService',
  'MultipleLines',
  'InternetService',
  'OnlineSecurity',
  'OnlineBackup',
  'DeviceProtection',
  'TechSupport',
  'StreamingTV',
  'StreamingMovies',
  'Contract',
  'PaperlessBilling',
  'PaymentMethod',
  'MonthlyCharges',
  'TotalCharges',
] as const;
export const LABEL_COLUMN = 'Churn';

export interface Customer {
  customerID: string;
  gender: 'Female' | 'Male';
  SeniorCitizen: 0 | 1;
  Partner: YesNo;
  Dependents: YesNo;
  tenure: number;
  PhoneService: YesNo;
  MultipleLines: YesNo | 'No phone service';
  InternetService: Internet;
  OnlineSecurity: AddOn;
  OnlineBackup: AddOn;
  DeviceProtection: AddOn;
  TechSupport: AddOn;
  StreamingTV: AddOn;
  StreamingMovies: AddOn;
  Contract: Contract;
  PaperlessBilling: YesNo;
  PaymentMethod: Payment;
  MonthlyCharges: number;
  /** null for new customers (tenure 0), written as the export's single-space blank. */
  TotalCharges: number | null;
  Churn: YesNo;
  /** The probability Churn was drawn from; kept so tests can check how learnable the labels are. */
  churnProbability: number;
}

export interface GenerateOptions {
  rows: number;
  labels: boolean;
  seed: number;
  /** Rows per yielded chunk: big enough to write efficiently, small enough to never hold the whole file. */
  chunkRows?: number;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ID_LETTERS = 5;
const LETTER_SPACE = 26 ** ID_LETTERS;
/** IDs are unique because their letters are a bijection of the row index, which caps a file at 26⁵ rows. */
export const MAX_ROWS = LETTER_SPACE;

const MIN_MONTHLY = 18.25;
const MAX_MONTHLY = 118.75;

const chance = (random: Random, p: number) => random() < p;
const yesNo = (yes: boolean): YesNo => (yes ? 'Yes' : 'No');

const CONTRACTS = [
  ['Month-to-month', 0.55],
  ['One year', 0.21],
  ['Two year', 0.24],
] as const;

// Per contract so the marginal mix stays ≈ 34 % DSL / 44 % fiber / 22 % none while
// fiber leans month-to-month and phone-only customers lean two-year, as in Telco.
const INTERNET_BY_CONTRACT: Record<Contract, readonly (readonly [Internet, number])[]> = {
  'Month-to-month': [
    ['DSL', 0.33],
    ['Fiber optic', 0.55],
    ['No', 0.12],
  ],
  'One year': [
    ['DSL', 0.38],
    ['Fiber optic', 0.35],
    ['No', 0.27],
  ],
  'Two year': [
    ['DSL', 0.35],
    ['Fiber optic', 0.27],
    ['No', 0.38],
  ],
};

// Electronic check is the month-to-month habit; automatic payment goes with commitment.
const PAYMENT_MONTHLY = [
  ['Electronic check', 0.48],
  ['Mailed check', 0.23],
  ['Bank transfer (automatic)', 0.15],
  ['Credit card (automatic)', 0.14],
] as const;
const PAYMENT_CONTRACT = [
  ['Electronic check', 0.17],
  ['Mailed check', 0.22],
  ['Bank transfer (automatic)', 0.31],
  ['Credit card (automatic)', 0.3],
] as const;

/**
 * Months as a customer, 0–72. Month-to-month piles up near 1 and two-year near 72
 * (Telco's two peaks); powers of a uniform give those skews without a stats library.
 */
function drawTenure(random: Random, contract: Contract): number {
  // Brand-new customers are rare (11 of 7,043 in Telco) but must occur: they carry the blank-total quirk.
  if (chance(random, 0.002)) return 0;
  const u = random();
  if (contract === 'Month-to-month') return 1 + Math.floor(71 * u ** 2.5);
  if (contract === 'One year') return 1 + Math.floor(71 * (1 - u ** 1.4));
  return 72 - Math.floor(71 * u ** 3);
}

/**
 * Hand-set log-odds of churn. The signs follow what Telco is known for (month-to-month,
 * fiber, electronic check, new customers, no tech support and seniors churn more; long
 * contracts less). The intercept puts the overall rate near 26 %, and the effect sizes
 * leave enough noise that a model ranks churners with ROC AUC near 0.8 rather than 1.
 */
export function churnLogOdds(c: Omit<Customer, 'Churn' | 'churnProbability'>): number {
  return (
    -2.95 +
    (c.Contract === 'Month-to-month' ? 1.0 : c.Contract === 'Two year' ? -1.0 : 0) +
    (c.InternetService === 'Fiber optic' ? 0.8 : c.InternetService === 'No' ? -0.4 : 0) +
    (c.PaymentMethod === 'Electronic check' ? 0.5 : 0) +
    1.3 * Math.exp(-c.tenure / 10) +
    (c.TechSupport === 'No' ? 0.4 : 0) +
    (c.SeniorCitizen === 1 ? 0.3 : 0) +
    (c.PaperlessBilling === 'Yes' ? 0.2 : 0)
  );
}

/** A seeded bijection on [0, 26⁵): neighbouring rows get unrelated-looking letters, yet never the same ones. */
function letterScrambler(random: Random): (index: number) => string {
  const multiplier = () => {
    // Coprime to 26⁵ = 2⁵·13⁵, so multiplying permutes the residues.
    let a = 1 + 2 * Math.floor(random() * (LETTER_SPACE / 2 - 1));
    while (a % 13 === 0) a += 2;
    return a;
  };
  const [a1, b1, a2, b2] = [
    multiplier(),
    Math.floor(random() * LETTER_SPACE),
    multiplier(),
    Math.floor(random() * LETTER_SPACE),
  ];
  const toLetters = (x: number) => {
    let out = '';
    for (let k = 0; k < ID_LETTERS; k++, x = Math.floor(x / 26)) out = LETTERS[x % 26] + out;
    return out;
  };
  // Reversing the base-26 digits between two affine steps mixes the high letters into the low ones.
  const reversed = (x: number) => {
    let out = 0;
    for (let k = 0; k < ID_LETTERS; k++, x = Math.floor(x / 26)) out = out * 26 + (x % 26);
    return out;
  };
  // Products stay below 26¹⁰ ≈ 1.4e14 < 2⁵³, so the arithmetic is exact.
  return (index) => toLetters((reversed((index * a1 + b1) % LETTER_SPACE) * a2 + b2) % LETTER_SPACE);
}

// Top level rather than a closure inside drawCustomer: tsx names every fresh closure, which made a million rows ~4× slower.
function drawAddOn(random: Random, internet: Internet, p: number): AddOn {
  return internet === 'No' ? 'No internet service' : yesNo(chance(random, p));
}

function drawCustomer(random: Random, id: string): Customer {
  const gender = chance(random, 0.5) ? 'Female' : 'Male';
  const senior = chance(random, 0.16);
  const partner = chance(random, 0.48);
  const dependents = chance(random, partner ? 0.5 : 0.1);
  const contract = pick(random, CONTRACTS);
  const tenure = drawTenure(random, contract);
  const tenureShare = tenure / 72;
  const internet = pick(random, INTERNET_BY_CONTRACT[contract]);
  const fiber = internet === 'Fiber optic';
  const dsl = internet === 'DSL';
  // Every customer buys something: only DSL customers go without a phone line.
  const phone = dsl ? chance(random, 0.72) : true;
  const multipleLines = phone
    ? yesNo(chance(random, 0.3 + 0.35 * tenureShare + (fiber ? 0.1 : internet === 'No' ? -0.1 : 0)))
    : 'No phone service';
  // Protective add-ons accumulate with tenure; streaming goes with fiber bandwidth.
  const security = drawAddOn(random, internet, 0.22 + 0.3 * tenureShare + (dsl ? 0.1 : 0));
  const backup = drawAddOn(random, internet, 0.3 + 0.3 * tenureShare);
  const protection = drawAddOn(random, internet, 0.3 + 0.3 * tenureShare);
  const support = drawAddOn(random, internet, 0.22 + 0.3 * tenureShare + (dsl ? 0.1 : 0));
  const tv = drawAddOn(random, internet, 0.32 + 0.2 * tenureShare + (fiber ? 0.12 : 0));
  const movies = drawAddOn(random, internet, 0.32 + 0.2 * tenureShare + (fiber ? 0.12 : 0));
  const paperless = chance(random, 0.57 + (fiber ? 0.18 : 0) - (internet === 'No' ? 0.35 : 0));
  const payment = pick(random, contract === 'Month-to-month' ? PAYMENT_MONTHLY : PAYMENT_CONTRACT);

  // A price list in the spirit of Telco's: the bill is the sum of the services plus a little
  // discount/promotion jitter, rounded to 5 cents as Telco's charges are.
  const extras = [security, backup, protection, support, tv, movies].reduce(
    (sum, s, i) => (s === 'Yes' ? sum + (i < 4 ? 5 : 10) : sum),
    0,
  );
  const list = (phone ? 20 : 0) + (multipleLines === 'Yes' ? 5 : 0) + (dsl ? 25 : fiber ? 48 : 0) + extras;
  const monthly = Math.min(MAX_MONTHLY, Math.max(MIN_MONTHLY, Math.round((list + (random() - 0.5) * 3) * 20) / 20));
  // Past bills drifted ±5 % around today's; no month can have cost more than the top price.
  const total = tenure === 0 ? null : Math.min(tenure * MAX_MONTHLY, tenure * monthly * (1 + (random() - 0.5) * 0.1));

  const customer: Customer = {
    customerID: id,
    gender,
    SeniorCitizen: senior ? 1 : 0,
    Partner: yesNo(partner),
    Dependents: yesNo(dependents),
    tenure,
    PhoneService: yesNo(phone),
    MultipleLines: multipleLines,
    InternetService: internet,
    OnlineSecurity: security,
    OnlineBackup: backup,
    DeviceProtection: protection,
    TechSupport: support,
    StreamingTV: tv,
    StreamingMovies: movies,
    Contract: contract,
    PaperlessBilling: yesNo(paperless),
    PaymentMethod: payment,
    MonthlyCharges: monthly,
    TotalCharges: total,
    Churn: 'No',
    churnProbability: 0,
  };
  // Drawn whether or not labels are written, so --labels only adds a column and changes nothing else.
  customer.churnProbability = 1 / (1 + Math.exp(-churnLogOdds(customer)));
  customer.Churn = yesNo(chance(random, customer.churnProbability));
  return customer;
}

/** Customers in file order; the same seed always yields the same customers. */
export function* generateCustomers(rows: number, seed: number): Generator<Customer> {
  if (!Number.isInteger(rows) || rows < 0 || rows > MAX_ROWS)
    throw new RangeError(`rows must be an integer from 0 to ${MAX_ROWS}`);
  const random = seededRandom(seed);
  const lettersOf = letterScrambler(random);
  for (let i = 0; i < rows; i++) {
    const digits = String(Math.floor(random() * 10_000)).padStart(4, '0');
    yield drawCustomer(random, `${digits}-${lettersOf(i)}`);
  }
}

/** RFC 4180 quoting; no generated value needs it today, but a vocabulary change must not corrupt the file. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function customerCsvLine(c: Customer, labels: boolean): string {
  const cells = [
    c.customerID,
    c.gender,
    String(c.SeniorCitizen),
    c.Partner,
    c.Dependents,
    String(c.tenure),
    c.PhoneService,
    c.MultipleLines,
    c.InternetService,
    c.OnlineSecurity,
    c.OnlineBackup,
    c.DeviceProtection,
    c.TechSupport,
    c.StreamingTV,
    c.StreamingMovies,
    c.Contract,
    c.PaperlessBilling,
    c.PaymentMethod,
    c.MonthlyCharges.toFixed(2),
    // Telco's export writes a single space, not an empty cell, for a new customer's total.
    c.TotalCharges === null ? ' ' : c.TotalCharges.toFixed(2),
  ];
  if (labels) cells.push(c.Churn);
  return cells.map(csvField).join(',');
}

/**
 * The CSV text (LF line endings, header first) in chunks of whole lines, so a
 * million-row file can be streamed to disk without building one giant string.
 */
export function* customerCsvChunks({ rows, labels, seed, chunkRows = 10_000 }: GenerateOptions): Generator<string> {
  yield [...CUSTOMER_COLUMNS, ...(labels ? [LABEL_COLUMN] : [])].map(csvField).join(',') + '\n';
  let lines: string[] = [];
  for (const customer of generateCustomers(rows, seed)) {
    lines.push(customerCsvLine(customer, labels));
    if (lines.length === chunkRows) {
      yield lines.join('\n') + '\n';
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join('\n') + '\n';
}
