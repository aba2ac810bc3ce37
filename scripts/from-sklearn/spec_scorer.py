"""Scores CSV rows from a written spec by the app's value semantics (docs: spec format 2), in float64.

The converter compares this with the pipeline's predict_proba before it writes anything, so a package whose
spec would score differently from scikit-learn is never written. It covers what the converter writes
(constant imputation, category indicators, `missing` levels, synonyms), not all of format 2.
"""
import numpy as np

from csv_table import is_missing, normalise_category


def indicator_level(column, text):
    lookup = {normalise_category(c): c for c in column["categories"]}
    lookup.update(column["synonyms"])
    key = normalise_category(text)
    if key in lookup:  # a category spelled like a missing marker is that category
        return lookup[key]
    if is_missing(text):
        return column.get("missing")
    return column.get("other")


def spec_probabilities(spec, table):
    columns = {c["name"]: c for c in spec["columns"]}
    z = np.full(len(table.rows), float(spec["intercept"]))
    cells = {name: table.column(name) for name in columns}
    levels = {}
    for name, column in columns.items():
        if column["type"] == "numeric":
            fill = column["impute"]["constant"]
            levels[name] = np.array([fill if is_missing(t) else float(t) for t in cells[name]])
        else:
            levels[name] = np.array([indicator_level(column, t) for t in cells[name]], dtype=object)
    for feature, w in zip(spec["features"], spec["coefficients"]):
        values = levels[feature["column"]]
        raw = (values == feature["category"]).astype(float) if "category" in feature else values
        z += w * (raw - feature["mean"]) / feature["std"]
    return 1.0 / (1.0 + np.exp(-z))
