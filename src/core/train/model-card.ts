import type { ModelSpec } from '../spec/model-spec.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The short text card `npm run train` prints; the README's model card shows the same figures. */
export function modelCard(spec: ModelSpec): string {
  const m = spec.metrics.test;
  const lines = [
    `${spec.id} — ${spec.label}`,
    `  held-out rows ${m.n} (${m.positives} churners): ROC AUC ${m.roc_auc.toFixed(3)}, PR AUC ${m.pr_auc.toFixed(3)}, Brier ${m.brier.toFixed(3)}, log loss ${m.log_loss.toFixed(3)}`,
    '  operating points (held-out precision / recall / F1 / flagged):',
    ...spec.thresholds.points.map((p) => {
      const star = p.name === spec.thresholds.recommended ? ' (recommended)' : '';
      return `    ${p.value.toFixed(4)}  ${p.label}${star}: ${pct(p.test.precision)} / ${pct(p.test.recall)} / ${p.test.f1.toFixed(3)} / ${pct(p.test.flag_rate)}`;
    }),
  ];
  return lines.join('\n');
}

/** The README's model-card rows for one model; a test keeps the README equal to them. */
export function modelCardMarkdown(spec: ModelSpec): string {
  const m = spec.metrics.test;
  const head = `| \`${spec.id}\` (${spec.columns.length} columns, ${spec.features.length} features) | ROC AUC **${m.roc_auc.toFixed(3)}** · PR AUC ${m.pr_auc.toFixed(3)} · Brier ${m.brier.toFixed(3)} · log loss ${m.log_loss.toFixed(3)} |`;
  const points = spec.thresholds.points.map((p) => {
    const star = p.name === spec.thresholds.recommended ? ' (recommended)' : '';
    return `| ${p.label}${star}: threshold ${p.value.toFixed(4)} | precision ${pct(p.test.precision)} · recall ${pct(p.test.recall)} · F1 ${p.test.f1.toFixed(3)} · flags ${pct(p.test.flag_rate)} |`;
  });
  return [head, ...points].join('\n');
}
