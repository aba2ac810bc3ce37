"""Held-out metrics and operating points with the definitions the app's trainer uses (scripts/train/evaluate.ts,
choose-thresholds.ts, src/core/metrics/), so a converted model's card reads like a trained one's."""
import math

import numpy as np
from sklearn.metrics import average_precision_score, roc_auc_score

LOG_LOSS_EPSILON = 1e-15  # sklearn's historical clip, as src/core/metrics/probability-scores.ts
RECALL_TARGET = 0.8


def _floor4(x):
    # Floored, not rounded: a slightly lower threshold flags slightly more, so the recall guarantee holds.
    return math.floor(x * 1e4) / 1e4


def recall_first_threshold(labels, probs, target=RECALL_TARGET):
    positives = np.sort(probs[labels == 1])[::-1]
    return _floor4(float(positives[math.ceil(target * len(positives)) - 1]))


def f1_optimal_threshold(labels, probs):
    order = np.argsort(-probs, kind="stable")
    p, y = probs[order], labels[order]
    tp = np.cumsum(y)
    flagged = np.arange(1, len(p) + 1)
    f1 = 2 * tp / (flagged + labels.sum())
    # Only a cut between distinct values is a real threshold.
    cut = np.append(p[1:] != p[:-1], True)
    best = int(np.argmax(np.where(cut, f1, -1)))
    return _floor4(float(p[best]))


def point(labels, probs, threshold):
    flagged = probs >= threshold
    tp = int(np.sum(flagged & (labels == 1)))
    fp = int(np.sum(flagged & (labels == 0)))
    fn = int(np.sum(labels == 1)) - tp
    tn = len(labels) - tp - fp - fn
    ratio = lambda a, b: a / b if b else 0
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": ratio(tp, tp + fp), "recall": ratio(tp, tp + fn),
            "f1": ratio(2 * tp, 2 * tp + fp + fn), "flag_rate": ratio(tp + fp, len(labels))}


def _bin(p, bins):
    b = min(math.floor(p * bins), bins - 1)
    if p < b / bins:
        b -= 1
    elif b + 1 < bins and p >= (b + 1) / bins:
        b += 1
    return b


def evaluate(labels, probs):
    pos, neg = np.sort(probs[labels == 1]), np.sort(probs[labels == 0])
    roc, pr = [], []
    for i in range(101):
        t = i / 100
        tp = len(pos) - int(np.searchsorted(pos, t, side="left"))
        fp = len(neg) - int(np.searchsorted(neg, t, side="left"))
        roc.append({"threshold": t, "fpr": fp / len(neg), "tpr": tp / len(pos)})
        pr.append({"threshold": t, "precision": 1 if tp + fp == 0 else tp / (tp + fp), "recall": tp / len(pos)})
    bins = [[0, 0.0, 0] for _ in range(10)]
    for p, y in zip(probs, labels):
        b = bins[_bin(float(p), 10)]
        b[0] += 1
        b[1] += float(p)
        b[2] += int(y)
    clipped = np.clip(probs, LOG_LOSS_EPSILON, 1 - LOG_LOSS_EPSILON)
    return {
        "n": int(len(labels)),
        "positives": int(labels.sum()),
        "roc_auc": float(roc_auc_score(labels, probs)),
        "pr_auc": float(average_precision_score(labels, probs)),
        "brier": float(np.mean((probs - labels) ** 2)),
        "log_loss": float(-np.mean(np.where(labels == 1, np.log(clipped), np.log1p(-clipped)))),
        "roc": roc,
        "pr": pr,
        "calibration": [{"lower": k / 10, "upper": (k + 1) / 10, "mean_predicted": s / n if n else None,
                         "observed_rate": o / n if n else None, "count": n} for k, (n, s, o) in enumerate(bins)],
    }


def operating_points(cv_labels, cv_probs, test_labels, test_probs):
    """Thresholds chosen on out-of-fold predictions of the training rows; their figures from the held-out rows."""
    chosen = [
        ("recall-first", "Catch 80 % of churners", f"Highest threshold whose cross-validated recall on the training rows is at least {RECALL_TARGET}.",
         recall_first_threshold(cv_labels, cv_probs)),
        ("f1-optimal", "Best balance (F1)", "Threshold with the highest cross-validated F1 on the training rows.",
         f1_optimal_threshold(cv_labels, cv_probs)),
        ("even-odds", "Even odds (0.5)", "Flags customers more likely to leave than to stay.", 0.5),
    ]
    return [{"name": n, "label": l, "description": d, "value": v, "test": point(test_labels, test_probs, v)} for n, l, d, v in chosen]
