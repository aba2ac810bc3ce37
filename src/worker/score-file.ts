import Papa from 'papaparse';
import { chooseModel, type ModelChoice } from '../core/columns/choose-model.ts';
import { planFeatures, writeStandardised } from '../core/model-input/feature-plan.ts';
import { TableBuilder } from '../core/table/table-builder.ts';
import type { LoadedModel } from './load-models.ts';
import type { Progress, ScoredFile } from './protocol.ts';

const CHUNK_BYTES = 4 * 1024 * 1024;
const FEATURE_BATCH_ROWS = 65_536;
const ISSUES_SHOWN = 200;

export class Cancelled extends Error {}

interface Parsed {
  choice: ModelChoice;
  table: ReturnType<TableBuilder['finish']>;
  ids: string[];
}

/** Streams the file through PapaParse in chunks, building typed columns as rows arrive. */
function parseFile(file: File, models: LoadedModel[], onProgress: (p: Omit<Progress, 'job'>) => void, signal: AbortSignal): Promise<Parsed> {
  return new Promise((resolve, reject) => {
    let choice: ModelChoice | undefined;
    let builder: TableBuilder | undefined;
    const ids: string[] = [];
    let row = 1;
    let failure: Error | undefined;

    Papa.parse<string[]>(file, {
      header: false,
      dynamicTyping: false,
      skipEmptyLines: 'greedy',
      chunkSize: CHUNK_BYTES,
      chunk(results, parser) {
        if (signal.aborted) {
          failure = new Cancelled();
          parser.abort();
          return;
        }
        for (const cells of results.data) {
          if (!builder) {
            const chosen = chooseModel(cells, models.map((m) => m.spec));
            if (!chosen.ok) {
              failure = new Error(`${file.name}: ${chosen.problem.message}`);
              parser.abort();
              return;
            }
            choice = chosen.value;
            // A `;` delimiter almost always means European number formatting too.
            builder = new TableBuilder(choice.spec.columns, choice.mapping.found, { decimalComma: results.meta.delimiter === ';' });
            continue;
          }
          row++;
          builder.addRow(cells, row);
          ids.push(choice!.idCell === undefined ? String(row) : (cells[choice!.idCell] ?? ''));
        }
        onProgress({ phase: 'parsing', rows: row - 1, bytes: results.meta.cursor, totalBytes: file.size });
      },
      complete() {
        if (failure) return reject(failure);
        if (!builder || !choice) return reject(new Error(`${file.name} is empty: it has no header row. Export the customer list with its column headers and load it again.`));
        resolve({ choice, table: builder.finish(), ids });
      },
      error(error) {
        reject(new Error(`${file.name} could not be read: ${error.message}`));
      },
    });
  });
}

export async function scoreFile(job: number, file: File, models: LoadedModel[], onProgress: (p: Progress) => void, signal: AbortSignal): Promise<ScoredFile> {
  const { choice, table, ids } = await parseFile(file, models, (p) => onProgress({ job, ...p }), signal);
  const model = models.find((m) => m.spec.id === choice.spec.id)!;
  const plan = planFeatures(choice.spec, table);
  const width = plan.length;
  const probabilities = new Float32Array(table.rowCount);
  const features = new Float32Array(Math.min(table.rowCount, FEATURE_BATCH_ROWS) * width);

  for (let start = 0; start < table.rowCount; start += FEATURE_BATCH_ROWS) {
    if (signal.aborted) throw new Cancelled();
    const end = Math.min(table.rowCount, start + FEATURE_BATCH_ROWS);
    const batch = features.subarray(0, (end - start) * width);
    writeStandardised(plan, start, end, batch);
    probabilities.set(await model.scorer.score(batch, end - start), start);
    onProgress({ job, phase: 'scoring', rows: end, bytes: file.size, totalBytes: file.size });
  }

  let rejectedRows = 0;
  table.rejected.forEach((r, i) => {
    if (r) {
      probabilities[i] = NaN;
      rejectedRows++;
    }
  });

  return {
    job,
    fileName: file.name,
    modelId: choice.spec.id,
    rows: table.rowCount,
    rejectedRows,
    probabilities,
    ids,
    hasIds: choice.idCell !== undefined,
    issues: table.issues.slice(0, ISSUES_SHOWN),
    issueCount: table.issues.length,
  };
}
