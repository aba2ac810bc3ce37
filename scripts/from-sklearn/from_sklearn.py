"""Turns a fitted scikit-learn pipeline into a Churn Radar model package: <id>.json (spec format 2) and <id>.onnx.

Usage (Debian's python3-sklearn; see README "Teams that already use scikit-learn"):
  python3 scripts/from-sklearn/from_sklearn.py --pipeline model.pkl --train train.csv --test test.csv \
      --target Churn --positive Yes [--id customerID] [--columns a,b,c] --model-id my-model --label "My model" [--out DIR]

--train is the CSV the pipeline was fitted on (provenance, training ranges and category shares, and 5-fold
cross-validated thresholds from refits of the same pipeline). --test holds labelled rows it was NOT fitted on:
every figure on the model card comes from them. The package is written only when the spec, scored by the app's
semantics, reproduces predict_proba on every row of both files. Exit code 2 and one line on a problem.
"""
import argparse
import json
import re
import sys
from pathlib import Path

import joblib
import numpy as np
import sklearn
from sklearn.base import clone
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from csv_table import CsvTable
from holdout_metrics import evaluate, operating_points
from logistic_onnx import build_logistic_onnx
from pipeline_structure import Unsupported, is_sensitive, read_pipeline
from spec_scorer import indicator_level, spec_probabilities

VERSION = "1.0.0"
# The bands format 1 implied for every model (src/core/spec/upgrade-spec-v1.ts).
RISK_BANDS = [{"name": "Low", "from": 0}, {"name": "Medium", "from": 0.15}, {"name": "High", "from": 0.35},
              {"name": "Very high", "from": 0.6}]
CV_SEED = 3
SELF_CHECK_TOLERANCE = 1e-9


def pipeline_input(table, structure):
    names = structure["input_names"]
    x = table.matrix(names, structure["numeric"])
    if getattr(structure["pipeline"], "feature_names_in_", None) is None:
        return x
    try:
        import pandas  # only pipelines fitted on a DataFrame need one back
    except ImportError:
        raise Unsupported("this pipeline was fitted on a pandas DataFrame; install python3-pandas to convert it") from None
    return pandas.DataFrame({n: (x[:, j].astype(float) if n in structure["numeric"] else x[:, j]) for j, n in enumerate(names)})


def pipeline_labels(table, args, classes):
    """0/1 labels, and what to pass to fit(): the spellings themselves when the model's classes are text."""
    labels, negative = table.labels(args.target, args.positive)
    if all(isinstance(c, str) for c in classes):
        if args.positive not in classes:
            raise Unsupported(f'the model\'s classes are {classes}, which do not include --positive "{args.positive}"')
        return labels, negative, np.array(table.column(args.target), dtype=object)
    if sorted(int(c) for c in classes) != [0, 1]:
        raise Unsupported(f"the model's classes are {classes}; supported: 0/1, False/True, or the target's two spellings")
    return labels, negative, labels.astype(type(classes[1]) if isinstance(classes[1], (bool, np.bool_)) else int)


def segments(columns, features, coefficients, count=3):
    """As src/core/spec/default-segments.ts: categorical columns by spread of coefficient/std, largest first."""
    spread = {}
    for f, w in zip(features, coefficients):
        if "category" in f:
            lo, hi = spread.get(f["column"], (0.0, 0.0))
            spread[f["column"]] = (min(lo, w / f["std"]), max(hi, w / f["std"]))
    ranked = sorted((c["name"] for c in columns if c["name"] in spread), key=lambda n: (-(spread[n][1] - spread[n][0]), n))
    return ranked[:count]


def spec_columns(structure, train):
    out = []
    for c in structure["columns"]:
        base = {"name": c["name"], "label": c["name"], "type": c["type"], "aliases": []}
        if c["type"] == "numeric":
            values = train.numbers(c["name"])
            seen = values[~np.isnan(values)]
            out.append({**base, "impute": {"constant": c["impute"]}, "range": {"min": float(seen.min()), "max": float(seen.max())},
                        "unit": "none", "sensitive": is_sensitive(c["name"])})
            continue
        column = {**base, "categories": c["categories"], "synonyms": c["synonyms"]}
        if "missing" in c:
            column["missing"] = c["missing"]
        out.append({**column, "frequencies": category_shares(column, train), "sensitive": is_sensitive(c["name"])})
    return out


def category_shares(column, train):
    """Share of training rows in each category, read as the app reads them (synonyms, `missing` level)."""
    levels = [indicator_level(column, t) for t in train.column(column["name"])]
    return [sum(1 for lv in levels if lv == cat) / len(levels) for cat in column["categories"]]


def warnings_for(test_metrics, train_rows, dropped):
    out = []
    if test_metrics["positives"] < 50:
        out.append(f"Only {test_metrics['positives']} positive rows were held out: the figures are rough.")
    if train_rows < 500:
        out.append(f"Fitted on {train_rows} rows, under 500.")
    if test_metrics["positives"] / test_metrics["n"] < 0.02:
        out.append("The outcome is rarer than 2 % of the held-out rows.")
    if dropped:
        out.append(f"Columns of the training file the pipeline does not use: {', '.join(dropped)}.")
    return out


def convert(args):
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", args.model_id):
        raise Unsupported(f'--model-id "{args.model_id}" must be lower-case letters, digits and dashes (at most 64)')
    try:
        pipeline = joblib.load(args.pipeline)
    except Exception as problem:  # unpickling fails in many ways; all mean "not a pipeline file we can read"
        raise Unsupported(f"{args.pipeline} could not be loaded as a pickle or joblib file ({type(problem).__name__}: {problem})") from None
    structure = read_pipeline(pipeline, args.columns.split(",") if args.columns else None)
    structure["pipeline"] = pipeline
    train, test = CsvTable(args.train), CsvTable(args.test)
    classes = structure["classes"]
    sign = -1.0 if all(isinstance(c, str) for c in classes) and args.positive == classes[0] else 1.0
    positive_index = 0 if sign < 0 else 1
    train_labels, negative, train_y = pipeline_labels(train, args, classes)
    test_labels, _, _ = pipeline_labels(test, args, classes)
    coefficients = [sign * w for w in structure["coefficients"]]
    features = structure["features"]
    spec = {
        "format": "churn-radar-model/2",
        "id": args.model_id,
        "label": args.label,
        "description": "",
        "onnx": f"{args.model_id}.onnx",
        "input": "features",
        "output": "probability",
        **({"id_column": {"name": args.id, "aliases": []}} if args.id else {}),
        "target": {"column": args.target, "aliases": [], "positive": args.positive, "negative": negative,
                   "positive_spellings": [], "negative_spellings": []},
        "segments": segments(structure["columns"], features, coefficients),
        "risk_bands": RISK_BANDS,
        "columns": spec_columns(structure, train),
        "features": features,
        "coefficients": coefficients,
        "intercept": sign * structure["intercept"],
    }
    test_probs = pipeline.predict_proba(pipeline_input(test, structure))[:, positive_index]
    train_probs = pipeline.predict_proba(pipeline_input(train, structure))[:, positive_index]
    for table, probs in ((train, train_probs), (test, test_probs)):
        gap = np.abs(spec_probabilities(spec, table) - probs)
        if not np.all(gap <= SELF_CHECK_TOLERANCE):
            row = int(np.argmax(np.where(np.isnan(gap), np.inf, gap)))
            raise Unsupported(f"the converted model does not reproduce predict_proba on row {row + 2} of {table.path.name} "
                              f"(difference {gap[row]:.3g}; values differing only in case or spacing read as one category in Churn Radar); nothing written")
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=CV_SEED)
    cv_probs = cross_val_predict(clone(pipeline), pipeline_input(train, structure), train_y, cv=folds,
                                 method="predict_proba")[:, positive_index]
    points = operating_points(train_labels, cv_probs, test_labels, test_probs)
    test_metrics = evaluate(test_labels, test_probs)
    used = {c["name"] for c in spec["columns"]} | {args.id, args.target}
    model = structure["model"]
    spec["description"] = (
        f"Converted from a fitted scikit-learn {sklearn.__version__} pipeline (LogisticRegression penalty={model.penalty}, C={model.C}) "
        f"fitted on {len(train.rows)} rows of {train.path.name}. Test figures: {len(test.rows)} held-out rows of {test.path.name}, which the "
        f"pipeline was not fitted on. Thresholds: 5-fold cross-validated refits of the same pipeline on the training rows (seed {CV_SEED})."
    )
    spec["thresholds"] = {"recommended": "recall-first", "points": points}
    spec["metrics"] = {"test": test_metrics}
    spec["warnings"] = warnings_for(test_metrics, len(train.rows), [h for h in train.header if h not in used])
    spec["provenance"] = {"dataset": train.path.name, "rows": len(train.rows), "sha256": train.sha256,
                          "trainer": f"from-sklearn {VERSION} (scikit-learn {sklearn.__version__})"}
    onnx = build_logistic_onnx(coefficients, spec["intercept"], spec["input"], spec["output"], args.model_id)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{args.model_id}.json").write_text(json.dumps(spec, indent=2, ensure_ascii=False, allow_nan=False) + "\n", encoding="utf-8")
    (out / f"{args.model_id}.onnx").write_bytes(onnx)
    return spec


def main(argv=None):
    parser = argparse.ArgumentParser(description="Convert a fitted scikit-learn pipeline into a Churn Radar model package.")
    parser.add_argument("--pipeline", required=True, help="pickle or joblib file of the fitted Pipeline")
    parser.add_argument("--train", required=True, help="CSV the pipeline was fitted on")
    parser.add_argument("--test", required=True, help="labelled CSV of rows the pipeline was not fitted on")
    parser.add_argument("--target", required=True)
    parser.add_argument("--positive", required=True, help="the target's value for a customer who left")
    parser.add_argument("--id", help="customer ID column")
    parser.add_argument("--columns", help="the pipeline's input columns in order, comma-separated (when it was fitted on an array)")
    parser.add_argument("--model-id", required=True, help="package id: lower-case letters, digits and dashes")
    parser.add_argument("--label", required=True)
    parser.add_argument("--out", default="public/models")
    args = parser.parse_args(argv)
    try:
        spec = convert(args)
    except (Unsupported, ValueError, KeyError, OSError) as problem:
        message = problem.args[0] if isinstance(problem, KeyError) and problem.args else problem
        print(f"from-sklearn: {message}", file=sys.stderr)
        return 2
    test = spec["metrics"]["test"]
    print(f"Wrote {args.out}/{args.model_id}.json and .onnx: {len(spec['features'])} features, "
          f"held-out ROC AUC {test['roc_auc']:.3f} on {test['n']} rows.")
    sensitive = [c["name"] for c in spec["columns"] if c["sensitive"]]
    if sensitive:
        print(f"Sensitive columns (named on the model card): {', '.join(sensitive)}.")
    for warning in spec["warnings"]:
        print(f"Warning: {warning}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
