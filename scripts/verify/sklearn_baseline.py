"""Plain scikit-learn logistic regression on a CSV, on a given split: the yardstick for the trainer's held-out AUC.

Usage: python3 sklearn_baseline.py CSV TARGET POSITIVE SPLIT_JSON
SPLIT_JSON holds {"train": [row indices], "test": [row indices], "numeric": [...], "categorical": [...]}
(0-based data rows, as the trainer numbers them). Missing cells are blank or the usual markers (NA, NULL, ...).
Pipeline: median imputation + standardisation for numerics, one-hot for categoricals (missing as its own
level), LogisticRegression(C=1). Prints {"roc_auc": ..., "sklearn": version} as JSON.
"""
import csv
import json
import sys

import numpy as np
import sklearn
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

MISSING = {"", "na", "n/a", "null", "none", "nan", "#n/a", "-", "?"}

path, target, positive, split_path = sys.argv[1:5]
split = json.load(open(split_path))
with open(path, newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f))
header, data = rows[0], [r for r in rows[1:] if any(cell.strip() for cell in r)]
col = {name: i for i, name in enumerate(header)}


def cell(r, name):
    v = r[col[name]].strip()
    return None if v.lower() in MISSING else v


numeric, categorical = split["numeric"], split["categorical"]


def matrix(indices):
    out = []
    for i in indices:
        r = data[i]
        nums = [float(cell(r, n)) if cell(r, n) is not None else np.nan for n in numeric]
        cats = [(cell(r, c) or "(missing)").lower() for c in categorical]
        out.append(nums + cats)
    return np.array(out, dtype=object)


def labels(indices):
    return np.array([1 if (cell(data[i], target) or "").lower() == positive.lower() else 0 for i in indices])


k = len(numeric)
prep = ColumnTransformer([
    ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]), list(range(k))),
    ("cat", OneHotEncoder(handle_unknown="ignore"), list(range(k, k + len(categorical)))),
])
model = Pipeline([("prep", prep), ("model", LogisticRegression(C=1.0, max_iter=10_000))])
x_train, x_test = matrix(split["train"]), matrix(split["test"])
x_train[:, :k] = x_train[:, :k].astype(float)
x_test[:, :k] = x_test[:, :k].astype(float)
model.fit(x_train, labels(split["train"]))
auc = roc_auc_score(labels(split["test"]), model.predict_proba(x_test)[:, 1])
print(json.dumps({"roc_auc": auc, "sklearn": sklearn.__version__}))
