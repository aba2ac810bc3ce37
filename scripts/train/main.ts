import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseModelsIndex, withModel } from '../../src/core/spec/models-index.ts';
import { modelCard } from '../../src/core/train/model-card.ts';
import { parseTrainingConfig, type TrainingConfig } from '../../src/core/train/training-config.ts';
import { packageFiles } from '../../src/core/train/write-package.ts';
import { trainFromBytes } from './train-files.ts';

const usage = 'usage: npm run train -- --data FILE --target COLUMN [--positive VALUE] [--id COLUMN] [--config FILE] [--name "…"] [--out DIR]';

/** One clear line and exit code 2: a bad invocation is the caller's to fix. */
function stop(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      data: { type: 'string' }, target: { type: 'string' }, positive: { type: 'string' }, id: { type: 'string' },
      config: { type: 'string' }, name: { type: 'string' }, out: { type: 'string', default: 'public/models' },
    },
  }).values;
} catch (error) {
  stop((error as Error).message);
}
if (!args.data) stop('Missing --data: the labelled CSV to learn from.');

let config: TrainingConfig = {};
if (args.config) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(args.config, 'utf8'));
  } catch (error) {
    stop(`Cannot read the config ${args.config}: ${(error as Error).message}`);
  }
  const parsed = parseTrainingConfig(json, args.config);
  if (!parsed.ok) stop(parsed.problem);
  config = parsed.value;
}
const target = args.target ?? config.target?.column;
if (!target) stop('Missing --target: the column that says who left.');

let bytes: Buffer;
try {
  bytes = readFileSync(args.data);
} catch (error) {
  stop(`Cannot read the data file ${args.data}: ${(error as Error).message}`);
}
const result = trainFromBytes(bytes, args.data, { target, positive: args.positive, id: args.id, config, name: args.name });
if (!result.ok) stop(`${args.data}: ${result.problem}`);
const trained = { value: result.value.packages };

mkdirSync(args.out, { recursive: true });
const indexPath = join(args.out, 'index.json');
let index = existsSync(indexPath) ? parseModelsIndex(JSON.parse(readFileSync(indexPath, 'utf8')), indexPath) : undefined;
if (index && !index.ok) stop(index.problem);
for (const result of trained.value) {
  for (const [name, content] of Object.entries(packageFiles(result))) writeFileSync(join(args.out, name), content);
  const text = withModel(index?.ok ? index.value : undefined, result.spec.id);
  writeFileSync(indexPath, text);
  index = parseModelsIndex(JSON.parse(text), indexPath);
}

const first = trained.value[0]!.report as { dataset: { rows: number; sha256: string }; roles: { column: string; role: string; reason: string }[] };
console.log(`Trained on ${args.data} (sha256 ${first.dataset.sha256.slice(0, 12)}…, ${first.dataset.rows} rows)\n`);
console.log('Columns:');
for (const r of first.roles) console.log(`  ${r.column.padEnd(24)} ${r.role.padEnd(12)} ${r.reason}`);
console.log('');
for (const { spec, report } of trained.value) {
  console.log(modelCard(spec));
  const penalty = report.penalty as { chosen_C: number };
  const solver = report.solver as { final: { iterations: number; gradientNorm: number } };
  const r = spec.metrics.repeated_splits;
  if (r) console.log(`  over ${r.splits} other splits: ROC AUC ${r.roc_auc.mean.toFixed(3)} ± ${r.roc_auc.sd.toFixed(3)}, recall at recommended ${r.recall_at_recommended.mean.toFixed(3)} ± ${r.recall_at_recommended.sd.toFixed(3)}`);
  console.log(`  penalty C = ${penalty.chosen_C} (cross-validated); solver: ${solver.final.iterations} Newton steps, gradient norm ${solver.final.gradientNorm.toExponential(2)}`);
  for (const w of spec.warnings) console.log(`  ! ${w}`);
  console.log('');
}
console.log(`Wrote ${trained.value.length * 3} files to ${args.out} and listed ${trained.value.map((t) => t.spec.id).join(', ')} in ${indexPath}`);
