"""Reads a fitted scikit-learn pipeline into Churn Radar's terms: columns, features, coefficients.

Supported, because each maps exactly onto the spec's semantics (docs: spec format 2):
  Pipeline([ColumnTransformer([...]), LogisticRegression()]) where each ColumnTransformer branch is
  - numeric:     Pipeline([SimpleImputer(any strategy), StandardScaler()]) -> impute {constant}, feature mean/std
  - categorical: Pipeline([SimpleImputer('constant' | 'most_frequent'), OneHotEncoder(handle_unknown='ignore')])
                 -> one indicator per category (mean 0, std 1), the imputed value as the `missing` level
  - 'drop' (and remainder='drop').
Anything else raises Unsupported with one line naming the step and what is supported.
"""
import numbers
import re

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from csv_table import normalise_category

SHAPE = "Pipeline([ColumnTransformer(...), LogisticRegression()])"
NUMERIC_BRANCH = "Pipeline([SimpleImputer(), StandardScaler()])"
CATEGORICAL_BRANCH = "Pipeline([SimpleImputer(strategy='constant' or 'most_frequent'), OneHotEncoder(handle_unknown='ignore')])"

# Issue 8's protected characteristics, matched as whole words of the column name ("SeniorCitizen" -> senior citizen).
SENSITIVE_WORDS = frozenset({
    "gender", "sex", "age", "senior", "race", "ethnicity", "ethnic", "religion", "religious",
    "marital", "married", "nationality", "citizenship", "disability", "disabled",
})


class Unsupported(Exception):
    """A pipeline step the converter cannot reproduce exactly; the message is one line for the user."""


def is_sensitive(column):
    words = re.sub(r"([a-z])([A-Z])", r"\1 \2", column).lower()
    return any(w in SENSITIVE_WORDS for w in re.split(r"[^a-z]+", words))


def _name(step):
    return type(step).__name__ if not isinstance(step, str) else repr(step)


def _steps(branch, what):
    if not isinstance(branch, Pipeline):
        raise Unsupported(f"{what} is {_name(branch)}; supported: {NUMERIC_BRANCH} or {CATEGORICAL_BRANCH}")
    return [s for _, s in branch.steps if s != "passthrough" and s is not None]


def _column_names(spec, input_names, what):
    """The input column names a ColumnTransformer branch selects (names or positions; not callables or masks)."""
    if isinstance(spec, (str, int, np.integer)) or callable(spec) or isinstance(spec, slice):
        raise Unsupported(f"{what} selects its columns as {type(spec).__name__}; give a list of column names or positions")
    names = []
    for c in spec:
        if isinstance(c, (bool, np.bool_)):
            raise Unsupported(f"{what} selects its columns with a boolean mask; give a list of column names or positions")
        if isinstance(c, (int, np.integer)):
            if input_names is None:
                raise Unsupported(f"{what} selects columns by position; pass --columns with the names of the pipeline's input columns in order")
            names.append(input_names[int(c)])
        else:
            names.append(str(c))
    return names


def _category_name(value, column):
    """The spec's text for a category; numbers read as floats also match their integer spelling (1.0 -> "1")."""
    if isinstance(value, str):
        return value, None
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value)), None
    if isinstance(value, numbers.Integral):
        return str(int(value)), None
    if isinstance(value, numbers.Real) and np.isfinite(value):
        if float(value).is_integer():
            return str(int(value)), repr(float(value))
        return repr(float(value)), None
    raise Unsupported(f"OneHotEncoder category {value!r} of {column} is not text or a finite number")


def _imputer(step, what):
    if not isinstance(step, SimpleImputer):
        raise Unsupported(f"{what} starts with {_name(step)}; the first step must be SimpleImputer")
    if not (isinstance(step.missing_values, float) and np.isnan(step.missing_values)):
        raise Unsupported(f"{what}: SimpleImputer(missing_values={step.missing_values!r}) is not supported; use the default np.nan")
    if step.add_indicator:
        raise Unsupported(f"{what}: SimpleImputer(add_indicator=True) is not supported")
    return step


def _numeric_branch(branch, names, what):
    steps = _steps(branch, what)
    if len(steps) != 2:
        raise Unsupported(f"{what} has {len(steps)} steps; supported: {NUMERIC_BRANCH}")
    imputer = _imputer(steps[0], what)
    scaler = steps[1]
    if not isinstance(scaler, StandardScaler):
        raise Unsupported(f"{what}: {_name(scaler)} is not supported; numeric columns need {NUMERIC_BRANCH}")
    columns, features = [], []
    for k, name in enumerate(names):
        fill = float(imputer.statistics_[k])
        if not np.isfinite(fill):
            raise Unsupported(f"{what}: SimpleImputer has no value for {name} (it was entirely missing in training)")
        mean = float(scaler.mean_[k]) if scaler.mean_ is not None and scaler.with_mean else 0.0
        std = float(scaler.scale_[k]) if scaler.scale_ is not None and scaler.with_std else 1.0
        columns.append({"name": name, "type": "numeric", "impute": fill})
        features.append({"name": name, "column": name, "mean": mean, "std": std})
    return columns, features


def _categorical_branch(branch, names, what):
    steps = _steps(branch, what)
    if len(steps) != 2:
        raise Unsupported(f"{what} has {len(steps)} steps; supported: {CATEGORICAL_BRANCH}")
    imputer = _imputer(steps[0], what)
    if imputer.strategy not in ("constant", "most_frequent"):
        raise Unsupported(f"{what}: SimpleImputer(strategy='{imputer.strategy}') on categories; supported: 'constant' or 'most_frequent'")
    encoder = steps[1]
    if not isinstance(encoder, OneHotEncoder):
        raise Unsupported(f"{what}: {_name(encoder)} is not supported; categorical columns need {CATEGORICAL_BRANCH}")
    if encoder.handle_unknown != "ignore":
        raise Unsupported(f"{what}: OneHotEncoder(handle_unknown='{encoder.handle_unknown}') is not supported; use handle_unknown='ignore' (unknown values score as all-zero indicators)")
    if encoder.min_frequency is not None or encoder.max_categories is not None:
        raise Unsupported(f"{what}: OneHotEncoder with min_frequency or max_categories (infrequent categories) is not supported")
    drop_idx = encoder.drop_idx_ if encoder.drop_idx_ is not None else [None] * len(names)
    columns, features = [], []
    for k, name in enumerate(names):
        categories, synonyms, seen = [], {}, {}
        for value in encoder.categories_[k]:
            text, float_spelling = _category_name(value, name)
            key = normalise_category(text)
            if key == "" or key in seen:
                clash = f'"{text}" and "{seen[key]}" read the same' if key else f'"{text}" reads as blank'
                raise Unsupported(f"OneHotEncoder categories of {name}: {clash} in Churn Radar, which ignores case, spacing, - and _")
            seen[key] = text
            categories.append(text)
            if float_spelling is not None:
                synonyms[normalise_category(float_spelling)] = text
        fill, _ = _category_name(imputer.statistics_[k], name)
        # A fill value the encoder never saw (training had no missing cells) is unknown to it: all zeros,
        # which is what the app does with a missing cell when the column has no `missing` level.
        column = {"name": name, "type": "categorical", "categories": categories, "synonyms": synonyms}
        if fill in categories:
            column["missing"] = fill
        columns.append(column)
        for i, category in enumerate(categories):
            if drop_idx[k] is not None and i == drop_idx[k]:
                continue  # drop='first' / 'if_binary': the dropped level scores as all zeros, like an unknown one.
            features.append({"name": f"{name}={category}", "column": name, "category": category, "mean": 0.0, "std": 1.0})
    return columns, features


def read_pipeline(pipeline, input_names=None):
    """Columns (in input order), features and coefficients of a fitted pipeline, or Unsupported."""
    if not isinstance(pipeline, Pipeline) or len(pipeline.steps) != 2:
        steps = f" with {len(pipeline.steps)} steps" if isinstance(pipeline, Pipeline) else ""
        raise Unsupported(f"the model is {_name(pipeline)}{steps}; supported: {SHAPE}")
    prep, model = pipeline.steps[0][1], pipeline.steps[1][1]
    if not isinstance(prep, ColumnTransformer):
        raise Unsupported(f"step 1 is {_name(prep)}; supported: {SHAPE}")
    if not isinstance(model, LogisticRegression):
        raise Unsupported(f"step 2 is {_name(model)}; supported: LogisticRegression")
    if len(model.classes_) != 2:
        raise Unsupported(f"LogisticRegression has {len(model.classes_)} classes; supported: two (churned or not)")
    fitted_names = getattr(pipeline, "feature_names_in_", None)
    if fitted_names is not None:
        if input_names is not None and list(input_names) != list(fitted_names):
            raise Unsupported("--columns differs from the names the pipeline was fitted with; leave --columns out")
        input_names = [str(n) for n in fitted_names]
    columns, features = [], []
    for branch_name, branch, selected in prep.transformers_:
        what = f"ColumnTransformer branch '{branch_name}'"
        if isinstance(branch, str) and branch == "drop":
            continue
        if isinstance(branch, str) and branch == "passthrough":
            if len(_column_names(selected, input_names, what)) == 0:
                continue
            raise Unsupported(f"{what} passes columns through unchanged; supported: {NUMERIC_BRANCH} or {CATEGORICAL_BRANCH}, or 'drop'")
        names = _column_names(selected, input_names, what)
        steps = _steps(branch, what)
        is_numeric = len(steps) > 0 and not isinstance(steps[-1], OneHotEncoder)
        cols, feats = (_numeric_branch if is_numeric else _categorical_branch)(branch, names, what)
        columns += cols
        features += feats
    if len({c["name"] for c in columns}) != len(columns):
        raise Unsupported("a column is used by more than one ColumnTransformer branch; supported: each column in one branch")
    if model.coef_.shape[1] != len(features):
        raise Unsupported(f"LogisticRegression has {model.coef_.shape[1]} coefficients but the ColumnTransformer makes {len(features)} features")
    # Binary multinomial: predict_proba is softmax([-z, z]) = sigmoid(2z). The spec's positive class must be
    # classes_[1] for p = sigmoid(z); for classes_[0] the logit changes sign. Both exact in float64.
    scale = 2.0 if model.multi_class == "multinomial" else 1.0
    return {
        "columns": columns,
        "features": features,
        "coefficients": [scale * float(w) for w in model.coef_[0]],
        "intercept": scale * float(np.ravel(model.intercept_)[0]) if model.fit_intercept else 0.0,
        "classes": list(model.classes_),
        "input_names": input_names,
        "numeric": {c["name"] for c in columns if c["type"] == "numeric"},
        "model": model,
    }
