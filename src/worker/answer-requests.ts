import { idAt } from '../core/ids/packed-ids.ts';
import {
  campaignWithRows,
  checkCampaignSettings,
  orderCampaign,
  type CampaignOrder,
} from '../core/decision/campaign.ts';
import { sortOrder, sortOrderByText } from '../core/ordering/sort-order.ts';
import type { ExportDecision } from '../core/export/decision-columns.ts';
import { buildExport } from '../core/export/export-file.ts';
import type { SortKey } from '../core/ordering/table-sort.ts';
import type { ExportKind, PageToWorker, WorkerToPage } from './protocol.ts';
import { rowCells, type ScoredJob } from '../core/read/scored-job.ts';
import { Cancelled } from '../core/cancelled.ts';
import { messageOf } from '../core/error-message.ts';
import { yieldToEvents } from '../core/read/yield-to-events.ts';

export type Post = (message: WorkerToPage, transfer?: ArrayBuffer[]) => void;

/**
 * The reply that ends a request the worker could not carry out. Every request the page
 * waits on has one, so a bug or a stale job shows as a message instead of a page that
 * says "sorting…" forever. Cancels are not waited on and have none, nor has the page's wiring
 * of the workers that read parts of a file (a part read answers on its own port).
 */
export function failureReply(message: PageToWorker, error: unknown): WorkerToPage | undefined {
  const text = messageOf(error);
  switch (message.type) {
    case 'load-models':
      return { type: 'models-failed', message: text };
    case 'score-file':
      return { type: 'failed', job: message.job, message: text };
    case 'sort':
      return { type: 'sort-failed', job: message.job, request: message.request, message: text };
    case 'row-details':
      return { type: 'row-details-failed', job: message.job, row: message.row, message: text };
    case 'export':
      return { type: 'export-ended', job: message.job, kind: message.kind, message: text };
    case 'campaign':
      return { type: 'campaign-failed', job: message.job, request: message.request, message: text };
    case 'cancel':
    case 'cancel-export':
    case 'part-readers':
    case 'serve-parts':
      return undefined;
  }
}

export const NOT_LOADED = 'Those results are no longer loaded in the scoring engine. Choose the file again.';

function sortRows(job: ScoredJob, key: SortKey, descending: boolean): Uint32Array {
  const { read } = job;
  if (key === 'probability') return sortOrder(job.probabilities, descending);
  const ids = read.ids;
  if (key === 'id' && ids) return sortOrderByText((i) => idAt(ids, i), ids.offsets.length - 1, descending);
  const values = read.table.numeric.get(key) ?? read.table.codes.get(key);
  if (!values) throw new Error(`Cannot sort by unknown column ${key}.`);
  return sortOrder(values, descending);
}

type ShownRequest = Extract<PageToWorker, { type: 'sort' | 'row-details' | 'export' | 'cancel-export' | 'campaign' }>;
type CampaignRequest = Extract<PageToWorker, { type: 'campaign' }>;

/**
 * The campaign's sorts, once per file: an input change then costs one pass over them
 * (campaignCurves). Without a value column the scores' own order, sorted once for the page's
 * threshold goals, is reused and nothing more is sorted.
 */
function campaignOrderOf(job: ScoredJob): CampaignOrder {
  const { spec, table } = job.read;
  const values = spec.value ? (table.numeric.get(spec.value.column) ?? null) : null;
  return orderCampaign(job.probabilities, values, job.read.labels, job.descending);
}

/** Answers the page's requests about the results on screen: sorting, one row's cells, exports, the campaign. */
export class ShownResults {
  current: ScoredJob | undefined;
  private exporting: AbortController | undefined;
  private campaignOrder: { job: ScoredJob; order: CampaignOrder } | undefined;
  private latestCampaign: number | undefined;

  constructor(private readonly post: Post) {}

  /** Replaces (or forgets) the results on screen; an export of the old ones stops. */
  show(job: ScoredJob | undefined): void {
    this.cancelExport();
    this.current = job;
    this.campaignOrder = undefined;
  }

  cancelExport(): void {
    this.exporting?.abort();
  }

  /** Every request gets a reply: its answer, or the failure that ends it. */
  async answer(message: ShownRequest): Promise<void> {
    if (message.type === 'cancel-export') return this.cancelExport();
    const job = this.current;
    if (job?.job !== message.job) {
      this.post(failureReply(message, NOT_LOADED)!);
      return;
    }
    try {
      if (message.type === 'sort') {
        const order = sortRows(job, message.key, message.descending);
        this.post({ type: 'sorted', job: job.job, request: message.request, order }, [order.buffer as ArrayBuffer]);
      } else if (message.type === 'row-details') {
        this.post({
          type: 'row-details',
          job: job.job,
          row: message.row,
          cells: (await rowCells(job.read, message.row, message.row + 1))[0] ?? [],
        });
      } else if (message.type === 'campaign') {
        await this.campaign(job, message);
      } else {
        await this.export(job, message.kind, message.threshold, message.sink, message.decision, message.atRisk);
      }
    } catch (error) {
      this.post(failureReply(message, error)!);
    }
  }

  /**
   * The curves for the latest settings only: the page sends one request per keystroke, and
   * those queued behind this one have their turn first, so all but the newest are answered
   * as superseded without being worked out.
   */
  private async campaign(job: ScoredJob, message: CampaignRequest): Promise<void> {
    const { request } = message;
    this.latestCampaign = request;
    await yieldToEvents();
    if (this.latestCampaign !== request) {
      this.post({ type: 'campaign-superseded', job: job.job, request });
      return;
    }
    if (this.current !== job) throw new Error(NOT_LOADED);
    const checked = checkCampaignSettings(message.settings);
    if (!checked.ok) throw new Error(checked.problem);
    if (this.campaignOrder?.job !== job) this.campaignOrder = { job, order: campaignOrderOf(job) };
    const { order } = this.campaignOrder;
    const { result, chosen } = campaignWithRows(order, checked.value, order.values !== null, message.samples);
    const transfer = [
      result.curve.buffer,
      result.curveByProbability.buffer,
      result.counts.buffer,
      chosen.buffer,
    ] as ArrayBuffer[];
    this.post({ type: 'campaign', job: job.job, request, result, chosen }, transfer);
  }

  private async export(
    job: ScoredJob,
    kind: ExportKind,
    threshold: number,
    sink: WritableStream<Blob> | undefined,
    decision: ExportDecision | undefined,
    atRisk: Uint8Array | undefined,
  ): Promise<void> {
    this.exporting?.abort();
    const controller = new AbortController();
    this.exporting = controller;
    const totalRows = job.read.table.rowCount;
    try {
      const progress = (rows: number) => this.post({ type: 'export-progress', job: job.job, kind, rows, totalRows });
      const built = await buildExport(job, kind, threshold, progress, controller.signal, sink, decision, atRisk);
      this.post({ type: 'exported', job: job.job, kind, ...built });
    } catch (error) {
      const cancelled = error instanceof Cancelled || controller.signal.aborted;
      this.post({ type: 'export-ended', job: job.job, kind, message: cancelled ? undefined : messageOf(error) });
    } finally {
      if (this.exporting === controller) this.exporting = undefined;
    }
  }
}
