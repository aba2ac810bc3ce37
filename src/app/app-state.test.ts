import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../core/spec/model-spec.ts';
import type { ScoredDataset, WorkerToPage } from '../worker/protocol.ts';
import { appReducer, initialState, type AppAction, type AppState } from './app-state.ts';

const file = new Blob(['x']);
const dataset = (job: number) => ({ job, modelId: 'none', fileName: 'f.csv', rows: 1 }) as ScoredDataset;
const worker = (message: WorkerToPage): AppAction => ({ type: 'worker', message });
const run = (state: AppState, ...actions: AppAction[]) => actions.reduce(appReducer, state);
const spec = {
  id: 'none',
  thresholds: { recommended: 'r', points: [{ name: 'r', value: 0.3 }] },
} as unknown as ModelSpec;

const loaded = run(initialState, worker({ type: 'models-loaded', specs: [spec] }));
/** Results of job 1 on screen. */
const ready = run(
  loaded,
  { type: 'file-chosen', job: 1, file, fileName: 'f.csv', keepShown: false },
  worker({ type: 'scored', dataset: dataset(1) }),
);

describe('loading before ready', () => {
  it('is loading until the models are in memory, then idle', () => {
    expect(initialState.phase).toBe('loading');
    expect(loaded.phase).toBe('idle');
  });

  it('a file chosen while loading waits; a failed load drops it', () => {
    const queued = run(initialState, { type: 'queue-file', file, fileName: 'early.csv' });
    expect(queued.phase).toBe('loading');
    expect(queued.queued?.fileName).toBe('early.csv');
    expect(run(queued, worker({ type: 'models-failed', message: 'no' }))).toMatchObject({
      phase: 'error',
      queued: undefined,
    });
  });

  it('a restarted worker loads again', () => {
    const crashed = run(ready, { type: 'crashed', message: 'gone' });
    expect(run(crashed, { type: 'start-over', restarted: true })).toMatchObject({ phase: 'loading', models: [] });
  });
});

describe('every request the page waits on ends', () => {
  const pending: [string, AppAction, WorkerToPage, (s: AppState) => boolean][] = [
    [
      'sorting…',
      { type: 'sort', sort: { key: 'x', descending: true }, request: 5 },
      { type: 'sort-failed', job: 1, request: 5, message: 'bad key' },
      (s) => s.sort !== null && s.order === null,
    ],
    [
      'loading the row…',
      { type: 'open-row', row: 0 },
      { type: 'row-details-failed', job: 1, row: 0, message: 'unreadable' },
      (s) => s.detailsCells === undefined && s.detailsError === undefined,
    ],
    [
      'exporting',
      { type: 'export-started', kind: 'csv', target: 'download' },
      { type: 'export-ended', job: 1, kind: 'csv', message: 'disk full' },
      (s) => s.exporting !== undefined,
    ],
  ];
  it.each(pending)(
    '%s stops waiting when the worker reports a failure, and says why',
    (_, request, failure, waiting) => {
      const asked = run(ready, request);
      expect(waiting(asked)).toBe(true);
      const answered = run(asked, worker(failure));
      expect(waiting(answered)).toBe(false);
      expect(`${answered.notice ?? ''}${answered.detailsError ?? ''}`).toContain(
        'message' in failure ? failure.message : '',
      );
    },
  );

  it('a failed file leaves the error state with its message', () => {
    const working = run(loaded, { type: 'file-chosen', job: 4, file, fileName: 'f.csv', keepShown: false });
    expect(run(working, worker({ type: 'failed', job: 4, message: 'broken' }))).toMatchObject({
      phase: 'error',
      error: 'broken',
    });
  });

  it('replies for results no longer on screen change nothing', () => {
    const asked = run(ready, { type: 'sort', sort: { key: 'x', descending: true }, request: 5 });
    expect(run(asked, worker({ type: 'sort-failed', job: 99, request: 5, message: 'stale' }))).toBe(asked);
  });
});

describe('changing the column mapping keeps the results on screen', () => {
  const remapping = run(ready, { type: 'file-chosen', job: 2, file, fileName: 'f.csv', keepShown: true });

  it('while the new mapping is asked for and read', () => {
    expect(remapping.dataset?.job).toBe(1);
    const mapping = run(
      remapping,
      worker({
        type: 'needs-mapping',
        request: { job: 2, fileName: 'f.csv', headers: [], preview: [], proposals: [], duplicates: [], reason: '' },
      }),
    );
    expect(mapping).toMatchObject({ phase: 'mapping' });
    expect(mapping.dataset?.job).toBe(1);
    // Sorting the results on screen still works while the mapping step is open.
    const sorted = run(
      mapping,
      { type: 'sort', sort: { key: 'x', descending: false }, request: 8 },
      worker({ type: 'sorted', job: 1, request: 8, order: new Uint32Array([0]) }),
    );
    expect(sorted.order).toEqual(new Uint32Array([0]));
  });

  it.each<[string, AppAction]>([
    ['cancelling the mapping step', { type: 'cancel-mapping' }],
    ['cancelling the reading', worker({ type: 'cancelled', job: 2 })],
    ['a mapping that fails', worker({ type: 'failed', job: 2, message: 'no such column' })],
  ])('%s keeps them', (_, action) => {
    const after = run(remapping, action);
    expect(after.phase).toBe('ready');
    expect(after.dataset?.job).toBe(1);
  });

  it('until the new mapping is scored', () => {
    const after = run(remapping, worker({ type: 'scored', dataset: dataset(2) }));
    expect(after).toMatchObject({ phase: 'ready', sort: null, order: null });
    expect(after.dataset?.job).toBe(2);
  });

  it('a new file does not keep them', () => {
    expect(
      run(ready, { type: 'file-chosen', job: 3, file, fileName: 'g.csv', keepShown: false }).dataset,
    ).toBeUndefined();
  });
});
