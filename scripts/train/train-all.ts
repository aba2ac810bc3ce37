import { loadTrainingData } from './load-training-data.ts';
import { repeatedSplits } from './repeated-splits.ts';
import { MODELS, TELCO_COLUMNS } from './telco-catalog.ts';
import { trainModel } from './train-model.ts';
import { packageFiles } from './write-package.ts';

/** Trains every model package from the dataset's bytes; returns file name -> bytes. */
export function trainAll(datasetBytes: Buffer) {
  const data = loadTrainingData(datasetBytes);
  const stability = repeatedSplits(data);
  const results = MODELS.map((definition) => {
    const result = trainModel(definition, TELCO_COLUMNS, data);
    const report = { ...result.report, dataset: { sha256: data.sha256, rows: data.table.rowCount, imputed: data.imputed }, repeated_splits: stability[definition.id] };
    return { ...result, report };
  });
  const files = Object.assign({}, ...results.map(packageFiles)) as Record<string, Uint8Array>;
  return { results, files };
}
