import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { warmChartsWhenIdle } from '../components/ui/chart-setup.ts';
import { formatCount, formatCurrency, formatScore } from '../components/ui/format.ts';
import type { ComparisonSummary } from '../core/decision/compare.ts';
import { summariseList, summariseThreshold } from '../core/decision/decision-summary.ts';
import type { ModelSpec } from '../core/spec/model-spec.ts';
import { CampaignPanel } from '../features/campaign/campaign-panel.tsx';
import { useCampaign, useCampaignSettings } from '../features/campaign/use-campaign.ts';
import { RiskCharts } from '../features/charts/risk-charts.tsx';
import { CompareSection } from '../features/compare/compare-section.tsx';
import { DecisionPanel } from '../features/decision/decision-panel.tsx';
import { SummaryCards } from '../features/decision/summary-cards.tsx';
import { RowDetails } from '../features/details/row-details.tsx';
import { EvaluationPanel } from '../features/evaluation/evaluation-panel.tsx';
import type { HostCampaign } from '../features/embed/host-protocol.ts';
import { useHostBridge } from '../features/embed/use-host-bridge.ts';
import { ExportButtons } from '../features/export/export-buttons.tsx';
import { RowIssues } from '../features/issues/row-issues.tsx';
import { MappingStep } from '../features/mapping/mapping-step.tsx';
import { ModelCards } from '../features/models/model-cards.tsx';
import { ModelSwitch } from '../features/models/model-switch.tsx';
import { OfflineStatus } from '../features/offline/offline-status.tsx';
import { TrainView } from '../features/train/train-view.tsx';
import { useKeptModels } from '../features/train/use-kept-models.ts';
import { ResultsTable } from '../features/table/results-table.tsx';
import type { ExtraColumn } from '../features/table/table-columns.tsx';
import { DropZone } from '../features/upload/drop-zone.tsx';
import { OversizedConfirm } from '../features/upload/oversized-confirm.tsx';
import { useWindowDrop } from '../features/upload/use-window-drop.ts';
import { WorkProgress } from '../features/upload/work-progress.tsx';
import { recommendedOf } from './app-state.ts';
import { sampleBlob } from './embedded-assets.ts';
import { startTrainingWorker } from './training-worker.ts';
import { useDeployConfig } from './use-deploy-config.ts';
import type { ExportKind, ScoredDataset } from '../worker/protocol.ts';
import { startScoringWorker } from './scoring-worker.ts';
import { useDownload } from './use-download.ts';
import { useHashRoute } from './use-hash-route.ts';
import { COMFORTABLE_BYTES, SAMPLE_URL, useScoring } from './use-scoring.ts';
import './app.css';

const NO_ORIGINS: readonly string[] = [];

/** The recurring-value column's label and currency for the revenue card; none when the spec has no value column. */
function valueOf(spec: ModelSpec): { label: string; currency: string } | undefined {
  const column = spec.value && spec.columns.find((c) => c.name === spec.value!.column);
  if (!column || !spec.value) return undefined;
  return { label: column.label, currency: typeof spec.value.unit === 'object' ? spec.value.unit.currency : 'XXX' };
}

export function App() {
  const deploy = useDeployConfig();
  const route = useHashRoute();
  const comfortableBytes = (deploy.config.comfortable_file_mb ?? COMFORTABLE_BYTES / 1e6) * 1e6;
  const s = useScoring({ comfortableBytes, defaultModel: deploy.config.default_model });
  const { state, scoreFile } = s;
  const { dataset } = state;
  const spec = state.models.find((m) => m.id === dataset?.modelId);
  const ready = state.models.length > 0;
  const kept = useKeptModels(s.addModel, s.workerStarts);
  const keptRefused = kept.items?.filter((k) => k.status === 'refused').length ?? 0;

  const onFile = useCallback((file: File) => scoreFile(file, file.name), [scoreFile]);
  // Files are accepted while the models load; they wait for them (see useScoring).
  const dragging = useWindowDrop(onFile, state.phase !== 'error');
  useDownload(state.download, s.downloaded);
  const embedded = useMemo(() => new URLSearchParams(window.location.search).get('embed') === '1', []);

  const { fail } = s;
  const loadSample = useCallback(async () => {
    try {
      scoreFile(await sampleBlob(SAMPLE_URL), 'customers-sample.csv');
    } catch (error) {
      fail(`The sample data could not be loaded (${(error as Error).message}). Choose a file of your own instead.`);
    }
  }, [scoreFile, fail]);

  const ranked = dataset?.ranked;
  // Charts and the evaluation follow in a later, interruptible render, so the first
  // frame with results (summary and table) is not one long task on a million rows.
  const chartDataset = useDeferredValue(dataset);
  const { atRiskList } = state;
  const charges = dataset && spec?.value ? dataset.numeric[spec.value.column] : undefined;
  // Summed per score bin in the worker, so a slider step reads a table instead of every row.
  const revenueTable = dataset?.tables.revenue;
  const revenue = useMemo(
    () => (charges && revenueTable ? { charges, totals: revenueTable } : null),
    [charges, revenueTable],
  );
  const summary = useMemo(() => {
    if (!dataset) return undefined;
    if (atRiskList) return summariseList(dataset.probabilities, atRiskList.rows, charges);
    return summariseThreshold(dataset.ranked, dataset.probabilities, state.threshold, revenue);
  }, [dataset, charges, revenue, state.threshold, atRiskList]);

  // Campaign settings outlive a file (this visit only, never stored); the table's list belongs to one file.
  const [campaignSettings, setCampaignSettings] = useCampaignSettings();
  const { requestCampaign, setAtRiskList } = s;
  const campaign = useCampaign(dataset, spec, campaignSettings, {
    reply: state.campaign,
    problem: state.campaignProblem,
    request: requestCampaign,
    waiting: state.campaignAnswered !== state.campaignRequest,
    requested: state.campaignRequested,
  });
  const [tableList, setTableList] = useState<{ dataset: ScoredDataset; label: string; rows: Uint8Array } | null>(null);
  const list = tableList && tableList.dataset === dataset ? tableList : null;
  const { chosen: campaignChosen, benefits } = campaign;
  // The best N become the at-risk list itself (counts, table, exports), and the table shows them.
  const contactBest = useCallback(
    (count: number) => {
      if (!dataset || !campaignChosen) return;
      const label = `the best ${formatCount(count)} customers to contact`;
      setAtRiskList({ label, count, rows: campaignChosen });
      setTableList({ dataset, label, rows: campaignChosen });
    },
    [dataset, campaignChosen, setAtRiskList],
  );
  const showList = useCallback(
    (label: string, rows: Uint8Array) => {
      if (dataset) setTableList({ dataset, label, rows });
    },
    [dataset],
  );
  const currency = spec?.value && typeof spec.value.unit === 'object' ? spec.value.unit.currency : 'XXX';
  const extras = useMemo<ExtraColumn[]>(
    () =>
      benefits
        ? [
            {
              id: 'expected-benefit',
              header: 'Expected benefit',
              valueOf: benefits,
              format: (x) => formatCurrency(x, currency, 2),
            },
          ]
        : [],
    [benefits, currency],
  );

  // Exports carry the campaign's expected benefit and each customer's best single change.
  const { exportAs: exportPlain } = s;
  const exportDecision = useMemo(
    () => ({ campaign: campaign.problem ? undefined : campaignSettings, whatIf: true }),
    [campaign.problem, campaignSettings],
  );
  const exportWithDecision = useCallback(
    (kind: ExportKind) => exportPlain(kind, 'download', exportDecision),
    [exportPlain, exportDecision],
  );

  const [comparison, setComparison] = useState<ComparisonSummary | null>(null);
  const campaignBest = campaign.result?.best;
  // The host hears of results once, with the campaign's figures for the settings in force, not before they arrive.
  const campaignPending = campaign.pending;
  const hostSummary = useMemo(
    () =>
      dataset && summary
        ? {
            fileName: dataset.fileName,
            modelId: dataset.modelId,
            rows: dataset.rows,
            scored: summary.scored,
            rejected: dataset.rejectedRows,
            atRisk: summary.atRisk,
            threshold: state.threshold,
            expectedChurners: summary.expectedChurners,
            campaign: campaignBest
              ? { ...campaignSettings, bestCount: campaignBest.count, bestValue: campaignBest.value }
              : null,
            comparison,
          }
        : undefined,
    [dataset, summary, state.threshold, campaignBest, campaignSettings, comparison],
  );
  const setHostCampaign = useCallback(
    (c: HostCampaign) => setCampaignSettings((now) => ({ ...now, ...c })),
    [setCampaignSettings],
  );
  const hostCsv = state.download?.target === 'host' ? state.download : undefined;
  const { setThreshold, exportAs } = s;
  useHostBridge({
    modelsReady: ready,
    configuredOrigins: deploy.config.embed_origins ?? NO_ORIGINS,
    progress: state.progress,
    summary: hostSummary,
    summaryPending: campaignPending,
    error: state.phase === 'error' ? state.error : undefined,
    hostCsv,
    score: scoreFile,
    setThreshold,
    // The host's CSV has the same columns as the person's Export CSV.
    requestScoredCsv: useCallback(() => exportAs('csv', 'host', exportDecision), [exportAs, exportDecision]),
    setCampaign: setHostCampaign,
  });

  useEffect(warmChartsWhenIdle, []);

  // Marks for the benchmark (npm run bench): when results arrived and when they were on screen.
  useEffect(() => {
    if (!dataset) return;
    performance.mark('churn:rendered', { detail: { job: dataset.job, ...dataset.timings } });
  }, [dataset]);

  return (
    <div className={`app${embedded ? ' embedded' : ''}`} data-state={state.phase}>
      <header className="app-header" hidden={embedded}>
        <h1>Churn Radar</h1>
        <p>
          Which customers are about to leave, and why. Your file is read and scored on this computer; nothing is
          uploaded.
        </p>
        <OfflineStatus />
        <nav aria-label="Views" className="views">
          <a href="#/" aria-current={route === 'score' ? 'page' : undefined}>
            Score customers
          </a>
          {' · '}
          <a href="#/train" aria-current={route === 'train' ? 'page' : undefined}>
            Train your own model
          </a>
        </nav>
      </header>
      {route === 'train' && !embedded && (
        <TrainView onAddModel={s.addModel} kept={kept} startWorker={startTrainingWorker} />
      )}
      <main hidden={route === 'train' && !embedded}>
        <section className="card" aria-labelledby="score-heading">
          <h2 id="score-heading" className="visually-hidden">
            Score a customer file
          </h2>
          <DropZone
            onFile={onFile}
            onSample={loadSample}
            disabled={!ready}
            fileDisabled={state.phase === 'error'}
            dragging={dragging}
          />
          {state.oversized && (
            <OversizedConfirm
              fileName={state.oversized.fileName}
              bytes={state.oversized.file.size}
              comfortableBytes={comfortableBytes}
              onProceed={() => state.oversized && scoreFile(state.oversized.file, state.oversized.fileName, true)}
              onCancel={s.dismissOversized}
            />
          )}
          {state.phase === 'working' && (
            <WorkProgress fileName={state.fileName ?? ''} progress={state.progress} onCancel={s.cancel} />
          )}
          {!ready && state.phase !== 'error' && (
            <p role="status" className="muted">
              {state.queued
                ? `Loading the models; ${state.queued.fileName} will be read as soon as they are ready…`
                : 'Loading the models…'}
            </p>
          )}
          {state.notice && <p role="status">{state.notice}</p>}
          {deploy.problem && (
            <p role="status" className="notice" data-testid="config-problem">
              {deploy.problem}
            </p>
          )}
          {keptRefused > 0 && (
            <p role="status" className="notice" data-testid="kept-refused">
              {keptRefused === 1 ? 'A model kept on this computer' : `${keptRefused} models kept on this computer`}{' '}
              could not be loaded. See <a href="#/train">Train your own model</a>, where each says why and can be
              forgotten.
            </p>
          )}
          {state.phase === 'error' && (
            <div role="alert" className="error-box">
              <p className="error" data-testid="error-message">
                {state.error}
              </p>
              <button type="button" className="button secondary" onClick={s.startOver}>
                Start over
              </button>
            </div>
          )}
        </section>

        {state.phase === 'mapping' && state.mapping && (
          <MappingStep
            request={state.mapping}
            models={state.models}
            onConfirm={s.remap}
            onCancel={dataset ? s.cancelMapping : s.startOver}
          />
        )}

        {dataset && spec && summary && ranked && (
          <>
            <section className="card" aria-labelledby="results-heading">
              <h2 id="results-heading">Results for {dataset.fileName}</h2>
              <p className="file-facts">
                Model{' '}
                <strong data-testid="model-used" data-model-id={spec.id}>
                  {spec.label}
                </strong>{' '}
                (held-out ROC AUC {formatScore(spec.metrics.test.roc_auc)}) ·{' '}
                {dataset.alternatives.length > 0 && (
                  <>
                    <ModelSwitch
                      current={spec}
                      alternatives={dataset.alternatives}
                      models={state.models}
                      onSwitch={s.switchModel}
                    />
                    {' · '}
                  </>
                )}
                read as {dataset.encoding}, {dataset.delimiter}-separated ·{' '}
                <button type="button" className="link" onClick={s.changeMapping}>
                  Change column mapping
                </button>
                {' · '}
                <button type="button" className="link" onClick={s.startOver}>
                  Start over
                </button>
              </p>
              <SummaryCards
                summary={summary}
                rejected={dataset.rejectedRows}
                rows={dataset.rows}
                value={valueOf(spec)}
              />
            </section>
            <DecisionPanel
              spec={spec}
              ranked={ranked}
              threshold={state.threshold}
              recommended={recommendedOf(spec)}
              onThreshold={s.setThreshold}
              list={atRiskList}
            />
            <CampaignPanel
              spec={spec}
              settings={campaignSettings}
              onSettings={setCampaignSettings}
              result={campaign.result}
              problem={campaign.problem}
              hasValueColumn={campaign.hasValueColumn}
              onContactBest={contactBest}
            />
            <CompareSection
              startWorker={startScoringWorker}
              dataset={dataset}
              spec={spec}
              threshold={state.threshold}
              onShowList={showList}
              onSummary={setComparison}
            />
            <section className="card" aria-labelledby="customers-heading">
              <h2 id="customers-heading">Customers</h2>
              <ResultsTable
                dataset={dataset}
                spec={spec}
                threshold={state.threshold}
                order={state.order}
                sort={state.sort}
                onSort={s.sortBy}
                onOpenRow={s.openRow}
                list={list}
                onClearList={() => setTableList(null)}
                extras={extras}
                atRisk={atRiskList?.rows ?? null}
              />
            </section>
            {state.detailsRow !== null && (
              <RowDetails
                dataset={dataset}
                spec={spec}
                row={state.detailsRow}
                threshold={state.threshold}
                cells={state.detailsCells}
                error={state.detailsError}
                onClose={() => s.openRow(null)}
              />
            )}
            {chartDataset === dataset && (
              <>
                <RiskCharts dataset={dataset} spec={spec} threshold={state.threshold} />
                <EvaluationPanel dataset={dataset} threshold={state.threshold} />
              </>
            )}
            <ExportButtons
              exporting={state.exporting}
              atRisk={summary.atRisk}
              onExport={exportWithDecision}
              onCancel={s.cancelExport}
            />
            <RowIssues dataset={dataset} onDownload={() => s.exportAs('issues')} />
          </>
        )}

        {ready && !embedded && <ModelCards specs={state.models} />}
      </main>
    </div>
  );
}
