import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { modelCard } from './model-card.ts';
import { trainAll } from './train-all.ts';

const usage = 'usage: npm run train -- --data <path to telco-customer-churn.csv> [--out public/models]';
const { values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string', default: 'public/models' } } });
if (!values.data) {
  console.error(usage);
  process.exit(2);
}

let bytes: Buffer;
try {
  bytes = readFileSync(values.data);
} catch (error) {
  console.error(`Cannot read the dataset at ${values.data}: ${(error as Error).message}\n${usage}`);
  process.exit(2);
}

const { results, files } = trainAll(bytes);
mkdirSync(values.out, { recursive: true });
for (const [name, content] of Object.entries(files)) writeFileSync(join(values.out, name), content);

console.log(`Trained on ${values.data} (sha256 ${results[0]!.report.dataset.sha256.slice(0, 12)}…, ${results[0]!.report.dataset.rows} rows)\n`);
for (const { spec, report } of results) {
  console.log(modelCard(spec));
  const r = report.repeated_splits!;
  console.log(`  over ${r.splits} other splits: ROC AUC ${r.roc_auc.mean.toFixed(3)} ± ${r.roc_auc.sd.toFixed(3)}, recall at recommended ${r.recall_at_recommended.mean.toFixed(3)} ± ${r.recall_at_recommended.sd.toFixed(3)}`);
  console.log(`  solver: ${report.solver.final.iterations} Newton steps, gradient norm ${report.solver.final.gradientNorm.toExponential(2)}\n`);
}
console.log(`Wrote ${Object.keys(files).length} files to ${values.out}`);
