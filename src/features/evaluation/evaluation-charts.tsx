import { useMemo } from 'react';
import { formatCount, formatPercent, formatScore } from '../../components/ui/format.ts';
import { CurveChart, type Series, type XY } from '../../components/ui/curve-chart.tsx';
import { binRange, CalibrationTable, PrTable, RocTable } from './curve-tables.tsx';
import type { Curves } from '../../core/metrics/file-evaluation.ts';
import type { ThresholdPoint } from './evaluation-data.ts';

type Measured = Extract<Curves, { ok: true }>;

interface Props {
  curves: Measured;
  /** Customers with a known outcome who churned and who stayed. */
  outcomes: { positives: number; negatives: number };
  point: ThresholdPoint;
  threshold: number;
}

const DIAGONAL: XY[] = [
  { x: 0, y: 0 },
  { x: 1, y: 1 },
];

const currentPoint = (at: string, x: number, y: number): Series => ({
  label: `At ${at}`,
  kind: 'current',
  points: [{ x, y }],
});

/** ROC, precision–recall and calibration charts, each with its numbers as a table. */
export function EvaluationCharts({ curves, outcomes, point, threshold }: Props) {
  const { roc, pr, calibration } = curves;
  const baseRate = outcomes.positives / (outcomes.positives + outcomes.negatives);
  const at = `threshold ${formatPercent(threshold)}`;

  const rocLine = useMemo<Series>(
    () => ({
      label: 'ROC curve',
      kind: 'curve',
      points: roc.map((p) => ({ x: p.fpr, y: p.tpr })),
      notes: roc.map((p) => `threshold ${formatPercent(p.threshold)}`),
    }),
    [roc],
  );
  const prLine = useMemo<Series>(
    () => ({
      label: 'Precision–recall curve',
      kind: 'curve',
      points: pr.map((p) => ({ x: p.recall, y: p.precision })),
      notes: pr.map((p) => `threshold ${formatPercent(p.threshold)}`),
    }),
    [pr],
  );
  const filled = useMemo(
    () => calibration.filter((b) => b.mean_predicted !== null && b.observed_rate !== null),
    [calibration],
  );
  const calibrationLine = useMemo<Series>(
    () => ({
      label: 'Observed churn rate',
      kind: 'markers',
      points: filled.map((b) => ({ x: b.mean_predicted!, y: b.observed_rate! })),
      notes: filled.map((b) => `${formatCount(b.count)} customers`),
    }),
    [filled],
  );

  const rocSeries = useMemo<Series[]>(
    () => [rocLine, { label: 'Chance', kind: 'reference', points: DIAGONAL }, currentPoint(at, point.fpr, point.tpr)],
    [rocLine, point, at],
  );
  const prSeries = useMemo<Series[]>(
    () => [
      prLine,
      {
        label: `No skill (churn rate ${formatPercent(baseRate)})`,
        kind: 'reference',
        points: [
          { x: 0, y: baseRate },
          { x: 1, y: baseRate },
        ],
      },
      currentPoint(at, point.rates.recall, point.curvePrecision),
    ],
    [prLine, baseRate, point, at],
  );
  const calibrationSeries = useMemo<Series[]>(
    () => [calibrationLine, { label: 'Perfect calibration', kind: 'reference', points: DIAGONAL }],
    [calibrationLine],
  );

  return (
    <div className="evaluation-charts">
      <CurveChart
        title="ROC curve"
        xTitle="False positive rate"
        yTitle="True positive rate"
        series={rocSeries}
        testId="evaluation-roc"
        description={`ROC curve, AUC ${formatScore(curves.auc)}. At ${at} the model flags ${formatPercent(point.tpr)} of customers who churned and ${formatPercent(point.fpr)} of customers who stayed.`}
      >
        <RocTable roc={roc} />
      </CurveChart>
      <CurveChart
        title="Precision and recall"
        xTitle="Recall"
        yTitle="Precision"
        series={prSeries}
        testId="evaluation-pr"
        description={`Precision–recall curve, average precision ${formatScore(curves.averagePrecision)}. At ${at} precision is ${formatPercent(point.rates.precision)} and recall ${formatPercent(point.rates.recall)}; a model with no skill would have precision ${formatPercent(baseRate)}.`}
      >
        <PrTable pr={pr} />
      </CurveChart>
      <CurveChart
        title="Calibration"
        xTitle="Mean predicted probability"
        yTitle="Observed churn rate"
        series={calibrationSeries}
        testId="evaluation-calibration"
        description={`Calibration in ${calibration.length} probability bins, predicted against observed churn: ${filled.map((b) => `${binRange(b.lower, b.upper)} predicted ${formatPercent(b.mean_predicted!)}, observed ${formatPercent(b.observed_rate!)}`).join('; ')}. Points on the diagonal are perfectly calibrated.`}
      >
        <CalibrationTable bins={calibration} />
      </CurveChart>
    </div>
  );
}
