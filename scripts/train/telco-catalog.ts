/**
 * What the trainer knows about the Telco columns before seeing the data: how people
 * name them, how they spell the values, and what values are possible. Everything
 * learned from the data (categories' order, ranges, medians, scaling) is added by
 * the trainer, and the app reads all of it from the written spec.
 */
export interface CatalogNumeric {
  name: string;
  label: string;
  type: 'numeric';
  aliases: string[];
  impute: 'median' | { product: [string, string] };
  bounds: { min: number; max: number };
  unit: 'months' | 'currency';
}

export interface CatalogCategorical {
  name: string;
  label: string;
  type: 'categorical';
  aliases: string[];
  categories: string[];
  /** Other spellings people use -> canonical category. */
  synonyms: Record<string, string>;
}

export type CatalogColumn = CatalogNumeric | CatalogCategorical;

const yesNo = { y: 'Yes', n: 'No', true: 'Yes', false: 'No', 1: 'Yes', 0: 'No' };
const internetAddOn = (name: string, label: string, aliases: string[]): CatalogCategorical => ({
  name, label, type: 'categorical', aliases,
  categories: ['No', 'Yes', 'No internet service'],
  synonyms: { ...yesNo, 'no internet': 'No internet service', 'no internet access': 'No internet service' },
});
const yesNoColumn = (name: string, label: string, aliases: string[]): CatalogCategorical => ({
  name, label, type: 'categorical', aliases, categories: ['No', 'Yes'], synonyms: yesNo,
});

export const ID_COLUMN = { name: 'customerID', aliases: ['Customer ID', 'customer_id', 'Customer Number', 'Account ID', 'account_id', 'Client ID', 'ID'] };
export const TARGET = { column: 'Churn', positive: 'Yes', negative: 'No' };
export const TARGET_ALIASES = ['Churned', 'Churn Label', 'churn_flag'];

export const TELCO_COLUMNS: CatalogColumn[] = [
  { name: 'gender', label: 'Gender', type: 'categorical', aliases: ['Sex'], categories: ['Female', 'Male'], synonyms: { f: 'Female', m: 'Male', woman: 'Female', man: 'Male' } },
  { name: 'SeniorCitizen', label: 'Senior citizen', type: 'categorical', aliases: ['Senior Citizen', 'senior', 'is_senior'], categories: ['0', '1'], synonyms: { no: '0', yes: '1', n: '0', y: '1', false: '0', true: '1' } },
  yesNoColumn('Partner', 'Has a partner', ['Has Partner', 'married']),
  yesNoColumn('Dependents', 'Has dependents', ['Has Dependents']),
  { name: 'tenure', label: 'Tenure', type: 'numeric', aliases: ['Tenure (months)', 'tenure_months', 'Months as customer', 'Customer tenure', 'months_active'], impute: 'median', bounds: { min: 0, max: 1200 }, unit: 'months' },
  yesNoColumn('PhoneService', 'Phone service', ['Phone']),
  { name: 'MultipleLines', label: 'Multiple lines', type: 'categorical', aliases: [], categories: ['No', 'Yes', 'No phone service'], synonyms: { ...yesNo, 'no phone': 'No phone service' } },
  { name: 'InternetService', label: 'Internet service', type: 'categorical', aliases: ['Internet', 'Internet type'], categories: ['DSL', 'Fiber optic', 'No'], synonyms: { fiber: 'Fiber optic', fibre: 'Fiber optic', 'fibre optic': 'Fiber optic', none: 'No', n: 'No' } },
  internetAddOn('OnlineSecurity', 'Online security', []),
  internetAddOn('OnlineBackup', 'Online backup', []),
  internetAddOn('DeviceProtection', 'Device protection', ['Device Protection Plan']),
  internetAddOn('TechSupport', 'Tech support', ['Premium Tech Support']),
  internetAddOn('StreamingTV', 'Streaming TV', []),
  internetAddOn('StreamingMovies', 'Streaming movies', []),
  { name: 'Contract', label: 'Contract', type: 'categorical', aliases: ['Contract Type', 'Plan term'], categories: ['Month-to-month', 'One year', 'Two year'], synonyms: { monthly: 'Month-to-month', 'month to month': 'Month-to-month', 'm2m': 'Month-to-month', '1 year': 'One year', 'one years': 'One year', annual: 'One year', '12 months': 'One year', '2 year': 'Two year', '2 years': 'Two year', 'two years': 'Two year', '24 months': 'Two year' } },
  yesNoColumn('PaperlessBilling', 'Paperless billing', []),
  { name: 'PaymentMethod', label: 'Payment method', type: 'categorical', aliases: ['Payment', 'Pay method'], categories: ['Electronic check', 'Mailed check', 'Bank transfer (automatic)', 'Credit card (automatic)'], synonyms: { echeck: 'Electronic check', 'e check': 'Electronic check', check: 'Mailed check', cheque: 'Mailed check', 'mailed cheque': 'Mailed check', 'bank transfer': 'Bank transfer (automatic)', 'direct debit': 'Bank transfer (automatic)', 'credit card': 'Credit card (automatic)', card: 'Credit card (automatic)' } },
  { name: 'MonthlyCharges', label: 'Monthly charges', type: 'numeric', aliases: ['Monthly Charge', 'Monthly Fee', 'monthly_bill', 'MRR'], impute: 'median', bounds: { min: 0, max: 100_000 }, unit: 'currency' },
  { name: 'TotalCharges', label: 'Total charges', type: 'numeric', aliases: ['Total Charge', 'Total Billed', 'Lifetime Value', 'total_revenue'], impute: { product: ['tenure', 'MonthlyCharges'] }, bounds: { min: 0, max: 100_000_000 }, unit: 'currency' },
];

export interface ModelDefinition {
  id: string;
  label: string;
  description: string;
  columns: string[];
}

export const MODELS: ModelDefinition[] = [
  {
    id: 'telco-full',
    label: 'Telco churn, all columns',
    description: 'Every predictive column of the IBM Telco export: demographics, services, contract, billing.',
    columns: TELCO_COLUMNS.map((c) => c.name),
  },
  {
    id: 'telco-core',
    label: 'Telco churn, core CRM columns',
    description: 'Only tenure, charges, contract and payment method: what most CRM exports have.',
    columns: ['tenure', 'MonthlyCharges', 'TotalCharges', 'Contract', 'PaymentMethod'],
  },
];
