import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseModelsIndex, withModel, type ModelsIndex } from '../core/spec/models-index.ts';
import { modelCard } from '../core/train/model-card.ts';
import { parseTrainingConfig, type TrainingConfig } from '../core/train/training-config.ts';
import { packageFiles } from '../core/train/write-package.ts';
import type { Io } from './io.ts';
import { trainFromBytes } from './train-files.ts';

export const TRAIN_USAGE =
  'usage: npm run train -- --data FILE --target COLUMN [--positive VALUE] [--id COLUMN] [--config FILE] [--name "…"] [--out DIR]';

class Usage extends Error {}

function readConfig(path: string): TrainingConfig {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Usage(`Cannot read the config ${path}: ${(error as Error).message}`);
  }
  const parsed = parseTrainingConfig(json, path);
  if (!parsed.ok) throw new Usage(parsed.problem);
  return parsed.value;
}

function readIndex(path: string): ModelsIndex | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = parseModelsIndex(JSON.parse(readFileSync(path, 'utf8')), path);
  if (!parsed.ok) throw new Usage(parsed.problem);
  return parsed.value;
}

/**
 * `churn-radar train` (and `npm run train`): any labelled CSV to a model package, listed in the
 * output folder's index.json. A bad invocation gets one clear line, the usage and exit code 2.
 */
export function trainCommand(args: string[], io: Io): number {
  try {
    return train(args, io);
  } catch (error) {
    if (!(error instanceof Usage)) throw error;
    io.error(`${error.message}\n${TRAIN_USAGE}`);
    return 2;
  }
}

function train(args: string[], io: Io): number {
  let values;
  try {
    values = parseArgs({
      args,
      options: {
        data: { type: 'string' },
        target: { type: 'string' },
        positive: { type: 'string' },
        id: { type: 'string' },
        config: { type: 'string' },
        name: { type: 'string' },
        out: { type: 'string', default: 'public/models' },
      },
    }).values;
  } catch (error) {
    throw new Usage((error as Error).message);
  }
  if (!values.data) throw new Usage('Missing --data: the labelled CSV to learn from.');
  const config = values.config ? readConfig(values.config) : {};
  const target = values.target ?? config.target?.column;
  if (!target) throw new Usage('Missing --target: the column that says who left.');
  let bytes: Buffer;
  try {
    bytes = readFileSync(values.data);
  } catch (error) {
    throw new Usage(`Cannot read the data file ${values.data}: ${(error as Error).message}`);
  }
  const result = trainFromBytes(bytes, values.data, {
    target,
    positive: values.positive,
    id: values.id,
    config,
    name: values.name,
  });
  if (!result.ok) throw new Usage(`${values.data}: ${result.problem}`);
  const packages = result.value.packages;

  mkdirSync(values.out, { recursive: true });
  const indexPath = join(values.out, 'index.json');
  let index = readIndex(indexPath);
  for (const trained of packages) {
    for (const [name, content] of Object.entries(packageFiles(trained))) writeFileSync(join(values.out, name), content);
    const text = withModel(index, trained.spec.id);
    writeFileSync(indexPath, text);
    index = readIndex(indexPath);
  }

  const first = packages[0]!.report as {
    dataset: { rows: number; sha256: string };
    roles: { column: string; role: string; reason: string }[];
  };
  io.out(`Trained on ${values.data} (sha256 ${first.dataset.sha256.slice(0, 12)}…, ${first.dataset.rows} rows)\n`);
  io.out('Columns:');
  for (const r of first.roles) io.out(`  ${r.column.padEnd(24)} ${r.role.padEnd(12)} ${r.reason}`);
  io.out('');
  for (const { spec, report } of packages) {
    io.out(modelCard(spec));
    const penalty = report.penalty as { chosen_C: number };
    const solver = report.solver as { final: { iterations: number; gradientNorm: number } };
    const r = spec.metrics.repeated_splits;
    if (r)
      io.out(
        `  over ${r.splits} other splits: ROC AUC ${r.roc_auc.mean.toFixed(3)} ± ${r.roc_auc.sd.toFixed(3)}, recall at recommended ${r.recall_at_recommended.mean.toFixed(3)} ± ${r.recall_at_recommended.sd.toFixed(3)}`,
      );
    io.out(
      `  penalty C = ${penalty.chosen_C} (cross-validated); solver: ${solver.final.iterations} Newton steps, gradient norm ${solver.final.gradientNorm.toExponential(2)}`,
    );
    for (const w of spec.warnings) io.out(`  ! ${w}`);
    io.out('');
  }
  io.out(
    `Wrote ${packages.length * 3} files to ${values.out} and listed ${packages.map((t) => t.spec.id).join(', ')} in ${indexPath}`,
  );
  return 0;
}
