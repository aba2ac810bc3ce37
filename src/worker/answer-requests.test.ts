import { describe, expect, it } from 'vitest';
import { bestRows, campaignCurves, orderCampaign } from '../core/decision/campaign.ts';
import { failureReply, NOT_LOADED, ShownResults } from './answer-requests.ts';
import type { PageToWorker, WorkerToPage } from './protocol.ts';
import { readAndScore } from '../core/read/read-and-score.test-support.ts';

const FILE =
  'customerID,tenure,MonthlyCharges,TotalCharges,Contract,PaymentMethod\nA,1,70,70,Month-to-month,Electronic check\nB,60,25,1500,Two year,Mailed check\n';

async function answered(
  message: Extract<PageToWorker, { type: 'sort' | 'row-details' | 'export' }>,
  show = true,
): Promise<WorkerToPage[]> {
  const replies: WorkerToPage[] = [];
  const shown = new ShownResults((reply) => replies.push(reply));
  if (show) shown.show(await readAndScore(FILE));
  await shown.answer(message);
  return replies;
}

describe('every request about the results on screen gets an answer', () => {
  it.each<[string, Extract<PageToWorker, { type: 'sort' | 'row-details' | 'export' }>, WorkerToPage['type']]>([
    ['a sort', { type: 'sort', job: 1, request: 7, key: 'probability', descending: true }, 'sorted'],
    ['a row', { type: 'row-details', job: 1, row: 1 }, 'row-details'],
    ['an export', { type: 'export', job: 1, kind: 'csv', threshold: 0.5 }, 'exported'],
  ])('%s of the results on screen is answered', async (_, message, reply) => {
    const replies = await answered(message);
    expect(replies.at(-1)?.type).toBe(reply);
  });

  it.each<[string, Extract<PageToWorker, { type: 'sort' | 'row-details' | 'export' }>, WorkerToPage]>([
    [
      'a sort',
      { type: 'sort', job: 9, request: 7, key: 'probability', descending: true },
      { type: 'sort-failed', job: 9, request: 7, message: NOT_LOADED },
    ],
    [
      'a row',
      { type: 'row-details', job: 9, row: 0 },
      { type: 'row-details-failed', job: 9, row: 0, message: NOT_LOADED },
    ],
    [
      'an export',
      { type: 'export', job: 9, kind: 'json', threshold: 0.5 },
      { type: 'export-ended', job: 9, kind: 'json', message: NOT_LOADED },
    ],
  ])('%s of results the worker no longer holds ends in a failure naming why', async (_, message, reply) => {
    expect(await answered(message)).toEqual([reply]);
    expect(await answered(message, false)).toEqual([reply]);
  });

  it('a sort that throws ends in sort-failed, not silence', async () => {
    const replies = await answered({ type: 'sort', job: 1, request: 3, key: 'NoSuchColumn', descending: false });
    expect(replies).toEqual([
      { type: 'sort-failed', job: 1, request: 3, message: 'Cannot sort by unknown column NoSuchColumn.' },
    ]);
  });

  it('sorting returns the order of the rows', async () => {
    const replies = await answered({ type: 'sort', job: 1, request: 3, key: 'tenure', descending: true });
    const reply = replies[0]!;
    expect(reply.type === 'sorted' && [...reply.order]).toEqual([1, 0]);
  });
});

describe('the campaign, worked out in the worker', () => {
  const settings = { saveRate: 0.2, months: 12, cost: 10, monthlyValue: 50 };
  const campaign = (request: number, over: Partial<typeof settings> = {}, job = 1) => ({
    type: 'campaign' as const,
    job,
    request,
    settings: { ...settings, ...over },
    samples: 400,
  });

  it("answers with the core's curves and the best N's rows, reusing the page's sorted scores", async () => {
    const replies: WorkerToPage[] = [];
    const shown = new ShownResults((reply) => replies.push(reply));
    const job = await readAndScore(FILE);
    const withSorted = { ...job, descending: Float32Array.from(job.probabilities).sort().reverse() };
    shown.show(withSorted);
    await shown.answer(campaign(4, { cost: 3 }));
    const values = job.read.spec.value ? job.read.table.numeric.get(job.read.spec.value.column)! : null;
    const order = orderCampaign(job.probabilities, values, job.read.labels);
    const expected = campaignCurves(order, { ...settings, cost: 3 }, values !== null, 400);
    expect(replies).toEqual([
      { type: 'campaign', job: 1, request: 4, result: expected, chosen: bestRows(order, expected.best.count) },
    ]);
  });

  it('answers a request that newer ones overtook as superseded, and works out only the newest', async () => {
    const replies: WorkerToPage[] = [];
    const shown = new ShownResults((reply) => replies.push(reply));
    shown.show(await readAndScore(FILE));
    await Promise.all([
      shown.answer(campaign(1, { cost: 1 })),
      shown.answer(campaign(2, { cost: 2 })),
      shown.answer(campaign(3, { cost: 3 })),
    ]);
    expect(replies.map((r) => [r.type, 'request' in r ? r.request : -1])).toEqual([
      ['campaign-superseded', 1],
      ['campaign-superseded', 2],
      ['campaign', 3],
    ]);
  });

  it('names a setting that cannot describe a campaign, and results it no longer holds', async () => {
    const replies: WorkerToPage[] = [];
    const shown = new ShownResults((reply) => replies.push(reply));
    shown.show(await readAndScore(FILE));
    await shown.answer(campaign(5, { saveRate: 2 }));
    await shown.answer(campaign(6, {}, 9));
    expect(replies).toEqual([
      { type: 'campaign-failed', job: 1, request: 5, message: 'The save rate must be between 0 % and 100 %.' },
      { type: 'campaign-failed', job: 9, request: 6, message: NOT_LOADED },
    ]);
  });

  it('a new file during the wait ends the request with a failure, not an answer about the old one', async () => {
    const replies: WorkerToPage[] = [];
    const shown = new ShownResults((reply) => replies.push(reply));
    shown.show(await readAndScore(FILE));
    const pending = shown.answer(campaign(7));
    shown.show(undefined);
    await pending;
    expect(replies).toEqual([{ type: 'campaign-failed', job: 1, request: 7, message: NOT_LOADED }]);
  });
});

describe('failureReply', () => {
  const error = new Error('boom');
  it.each<[PageToWorker, WorkerToPage | undefined]>([
    [
      { type: 'load-models', baseUrl: '/' },
      { type: 'models-failed', message: 'boom' },
    ],
    [
      { type: 'score-file', job: 2, file: new Blob([]), fileName: 'x.csv' },
      { type: 'failed', job: 2, message: 'boom' },
    ],
    [
      { type: 'sort', job: 2, request: 5, key: 'id', descending: false },
      { type: 'sort-failed', job: 2, request: 5, message: 'boom' },
    ],
    [
      { type: 'row-details', job: 2, row: 4 },
      { type: 'row-details-failed', job: 2, row: 4, message: 'boom' },
    ],
    [
      { type: 'export', job: 2, kind: 'issues', threshold: 0.5 },
      { type: 'export-ended', job: 2, kind: 'issues', message: 'boom' },
    ],
    [
      {
        type: 'campaign',
        job: 2,
        request: 6,
        settings: { saveRate: 0.2, months: 12, cost: 1, monthlyValue: 1 },
        samples: 10,
      },
      { type: 'campaign-failed', job: 2, request: 6, message: 'boom' },
    ],
    [{ type: 'cancel', job: 2 }, undefined],
    [{ type: 'cancel-export', job: 2 }, undefined],
  ])('%o ends in %o', (message, reply) => {
    expect(failureReply(message, error)).toEqual(reply);
  });

  it('keeps the text of something thrown that is not an Error', () => {
    expect(failureReply({ type: 'sort', job: 1, request: 1, key: 'id', descending: false }, 'plain')).toMatchObject({
      message: 'plain',
    });
  });
});
