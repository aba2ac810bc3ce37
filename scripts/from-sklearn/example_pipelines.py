"""Small pipelines fitted on a seeded synthetic table, for from-sklearn.test.ts: variants the converter supports,
and ones it must refuse.

Usage: python3 example_pipelines.py NAME OUT_DIR  -> OUT_DIR/pipeline.pkl, train.csv, test.csv, columns.txt
       python3 example_pipelines.py --refusals     -> JSON: each variant's refusal message (null: accepted)
The table: `tenure` (numeric, 5 % missing as NA), `monthly` (numeric), `plan` (text, 5 % missing), `spare`
(numeric, used by no branch unless a variant passes it through), and `outcome` = left / stayed.
"""
import csv
import json
import pickle
import sys
from pathlib import Path

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, StandardScaler

from csv_table import is_missing
from pipeline_structure import Unsupported, read_pipeline

COLUMNS = ["tenure", "monthly", "plan", "spare"]
ROWS, TRAIN_ROWS = 600, 450


def table(plans):
    rng = np.random.default_rng(8)
    tenure = rng.integers(0, 72, ROWS).astype(float)
    monthly = rng.uniform(20, 120, ROWS).round(2)
    plan = rng.choice(plans, ROWS)
    z = 0.5 - 0.05 * tenure + 0.02 * monthly + np.where(plan == plans[0], 0.8, 0.0)
    outcome = np.where(rng.uniform(size=ROWS) < 1 / (1 + np.exp(-z)), "left", "stayed")
    cells = [[str(t), str(m), p, str(k), o] for t, m, p, k, o in zip(tenure, monthly, plan, rng.integers(0, 9, ROWS), outcome)]
    for i in rng.choice(ROWS, ROWS // 20, replace=False):
        cells[i][0] = "NA"
    for i in rng.choice(ROWS, ROWS // 20, replace=False):
        cells[i][2] = "NA"
    return cells


def numeric(scaler=None, **imputer):
    return Pipeline([("impute", SimpleImputer(strategy="median", **imputer)), ("scale", StandardScaler() if scaler is None else scaler)])


def categorical(**encoder):
    options = {"handle_unknown": "ignore", **encoder}
    return Pipeline([("impute", SimpleImputer(strategy="most_frequent")), ("onehot", OneHotEncoder(**options))])


def pipeline(num=None, cat=None, model=None, **prep):
    return Pipeline([
        ("prep", ColumnTransformer([
            ("num", numeric() if num is None else num, [0, 1]),
            ("cat", categorical() if cat is None else cat, [2]),
        ], **prep)),
        ("model", LogisticRegression() if model is None else model),
    ])


VARIANTS = {
    # Supported: the dropped level and unknowns both score as all zeros; multinomial is sigmoid(2z);
    # text classes put "left" at classes_[0], so the converter flips the sign of the logit.
    "drop-first-multinomial": lambda: pipeline(cat=categorical(drop="first"), model=LogisticRegression(multi_class="multinomial")),
    "min-max-scaler": lambda: pipeline(num=numeric(MinMaxScaler())),
    "unknown-raises": lambda: pipeline(cat=categorical(handle_unknown="error")),
    "random-forest": lambda: pipeline(model=RandomForestClassifier(n_estimators=5, random_state=0)),
    "passthrough": lambda: pipeline(remainder="passthrough"),
    "missing-indicator": lambda: pipeline(num=numeric(add_indicator=True)),
    "infrequent": lambda: pipeline(cat=categorical(min_frequency=50)),
    "case-clash": lambda: pipeline(),
    "three-classes": lambda: pipeline(),
    # Accepted by the reader, but a held-out cell "plus" is unknown to scikit-learn and "Plus" to the app.
    "case-in-test": lambda: pipeline(),
}


def fit(name):
    """The variant's pipeline fitted on the first TRAIN_ROWS rows, and all rows of cell text."""
    plans = ["Basic", "Plus", "plus"] if name == "case-clash" else ["Basic", "Plus", "Pro"]
    cells = table(np.array(plans))
    if name == "three-classes":
        for i in range(0, ROWS, 7):
            cells[i][4] = "paused"
    train = [[*COLUMNS, "outcome"], *cells[:TRAIN_ROWS]]
    read = lambda k, v: np.nan if is_missing(v) else (v if COLUMNS[k] == "plan" else float(v))
    x = np.array([[read(k, v) for k, v in enumerate(row[:4])] for row in train[1:]], dtype=object)
    model = VARIANTS[name]()
    model.fit(x, np.array([row[4] for row in train[1:]], dtype=object))
    if name == "case-in-test":
        first = next(i for i in range(TRAIN_ROWS, ROWS) if cells[i][2] == "Plus")
        cells[first][2] = "plus"
    return model, cells


def write(name, out):
    model, cells = fit(name)
    out.mkdir(parents=True, exist_ok=True)
    for file, rows in (("train.csv", cells[:TRAIN_ROWS]), ("test.csv", cells[TRAIN_ROWS:])):
        with open(out / file, "w", newline="", encoding="utf-8") as f:
            csv.writer(f, lineterminator="\n").writerows([[*COLUMNS, "outcome"], *rows])
    with open(out / "pipeline.pkl", "wb") as f:
        pickle.dump(model, f)
    (out / "columns.txt").write_text(",".join(COLUMNS) + "\n", encoding="utf-8")


def refusals():
    """Each variant's refusal message from the converter's pipeline reader (null when it is accepted)."""
    messages = {}
    for name in VARIANTS:
        try:
            read_pipeline(fit(name)[0], COLUMNS)
            messages[name] = None
        except Unsupported as problem:
            messages[name] = str(problem)
    return messages


if __name__ == "__main__":
    if sys.argv[1] == "--refusals":
        print(json.dumps(refusals()))
    else:
        write(sys.argv[1], Path(sys.argv[2]))
