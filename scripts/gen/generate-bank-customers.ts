import { pick, seededRandom } from '../../src/core/train/seeded-random.ts';
import { csvField } from './generate-customers.ts';

type Random = () => number;
export type Geography = 'France' | 'Germany' | 'Spain';
export type Gender = 'Female' | 'Male';

/** A retail bank's customer export: the header a bank team brought to issue 8, in its order. */
export const BANK_COLUMNS = [
  'CustomerId',
  'CreditScore',
  'Geography',
  'Gender',
  'Age',
  'Tenure',
  'Balance',
  'NumOfProducts',
  'HasCrCard',
  'IsActiveMember',
  'EstimatedSalary',
] as const;
export const BANK_LABEL_COLUMN = 'Exited';

export interface BankCustomer {
  CustomerId: number;
  CreditScore: number;
  Geography: Geography;
  Gender: Gender;
  Age: number;
  /** Whole years with the bank, 0–10. */
  Tenure: number;
  /** Account balance in cents-rounded currency units; overdrawn accounts are negative. */
  Balance: number;
  NumOfProducts: 1 | 2 | 3 | 4;
  HasCrCard: 0 | 1;
  IsActiveMember: 0 | 1;
  EstimatedSalary: number;
  Exited: 0 | 1;
  /** The probability Exited was drawn from, so tests can compare a trained model with the truth. */
  exitProbability: number;
}

/**
 * The known truth: Exited ~ Bernoulli(sigmoid(z)), z linear in the raw columns with these
 * coefficients per raw unit (per point of credit score, per year of age, per currency unit of
 * balance, ...). Levels are relative to France and Male, which have 0. EstimatedSalary has no
 * effect at all, so a trainer should find ≈ 0 for it. The intercept puts the exit rate near 21 %.
 */
export const BANK_TRUTH = {
  intercept: -2.5,
  CreditScore: -0.002,
  Age: 0.07,
  Tenure: -0.03,
  Balance: 0.000004,
  NumOfProducts: -0.3,
  HasCrCard: -0.1,
  IsActiveMember: -0.9,
  EstimatedSalary: 0,
  Geography: { France: 0, Germany: 0.7, Spain: 0.05 },
  Gender: { Male: 0, Female: 0.5 },
} as const;

export function bankLogOdds(c: Omit<BankCustomer, 'Exited' | 'exitProbability'>): number {
  const t = BANK_TRUTH;
  return (
    t.intercept +
    t.CreditScore * c.CreditScore +
    t.Age * c.Age +
    t.Tenure * c.Tenure +
    t.Balance * c.Balance +
    t.NumOfProducts * c.NumOfProducts +
    t.HasCrCard * c.HasCrCard +
    t.IsActiveMember * c.IsActiveMember +
    t.EstimatedSalary * c.EstimatedSalary +
    t.Geography[c.Geography] +
    t.Gender[c.Gender]
  );
}

/** Box–Muller: one standard normal draw from two uniforms. */
function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));
const cents = (x: number) => Math.round(x * 100) / 100;

const GEOGRAPHIES = [
  ['France', 0.5],
  ['Germany', 0.25],
  ['Spain', 0.25],
] as const;
const PRODUCTS = [
  [1, 0.5],
  [2, 0.45],
  [3, 0.04],
  [4, 0.01],
] as const;
const ID_SPACE = 10_000_000;
/** Ids are a bijection of the row index (the multiplier is odd and not a multiple of 5), so they never repeat. */
export const MAX_BANK_ROWS = ID_SPACE;

function drawBankCustomer(random: Random, id: number): BankCustomer {
  // Independent draws: with no correlation between columns, each coefficient's standard error is simple to state.
  const customer: BankCustomer = {
    CustomerId: id,
    CreditScore: Math.round(clamp(650 + 96 * normal(random), 350, 850)),
    Geography: pick(random, GEOGRAPHIES),
    Gender: random() < 0.45 ? 'Female' : 'Male',
    Age: Math.round(clamp(39 + 10 * normal(random), 18, 92)),
    Tenure: Math.floor(random() * 11),
    // A fifth of accounts are empty; the rest spread widely enough that about one in seven is overdrawn.
    Balance: random() < 0.2 ? 0 : cents(70_000 + 60_000 * normal(random)),
    NumOfProducts: pick(random, PRODUCTS),
    HasCrCard: random() < 0.7 ? 1 : 0,
    IsActiveMember: random() < 0.5 ? 1 : 0,
    EstimatedSalary: cents(10_000 + 190_000 * random()),
    Exited: 0,
    exitProbability: 0,
  };
  customer.exitProbability = 1 / (1 + Math.exp(-bankLogOdds(customer)));
  customer.Exited = random() < customer.exitProbability ? 1 : 0;
  return customer;
}

/** Bank customers in file order; the same seed always yields the same customers. */
export function* generateBankCustomers(rows: number, seed: number): Generator<BankCustomer> {
  if (!Number.isInteger(rows) || rows < 0 || rows > MAX_BANK_ROWS)
    throw new RangeError(`rows must be an integer from 0 to ${MAX_BANK_ROWS}`);
  const random = seededRandom(seed);
  const offset = Math.floor(random() * ID_SPACE);
  for (let i = 0; i < rows; i++) yield drawBankCustomer(random, 15_000_000 + ((i * 7_654_321 + offset) % ID_SPACE));
}

export function bankCsvLine(c: BankCustomer, labels: boolean): string {
  const cells = [
    String(c.CustomerId),
    String(c.CreditScore),
    c.Geography,
    c.Gender,
    String(c.Age),
    String(c.Tenure),
    c.Balance.toFixed(2),
    String(c.NumOfProducts),
    String(c.HasCrCard),
    String(c.IsActiveMember),
    c.EstimatedSalary.toFixed(2),
  ];
  if (labels) cells.push(String(c.Exited));
  return cells.map(csvField).join(',');
}

/** The CSV text (LF line endings, header first) in chunks of whole lines, as `customerCsvChunks` writes Telco's. */
export function* bankCsvChunks({
  rows,
  labels,
  seed,
  chunkRows = 10_000,
}: {
  rows: number;
  labels: boolean;
  seed: number;
  chunkRows?: number;
}): Generator<string> {
  yield [...BANK_COLUMNS, ...(labels ? [BANK_LABEL_COLUMN] : [])].join(',') + '\n';
  let lines: string[] = [];
  for (const customer of generateBankCustomers(rows, seed)) {
    lines.push(bankCsvLine(customer, labels));
    if (lines.length === chunkRows) {
      yield lines.join('\n') + '\n';
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join('\n') + '\n';
}
