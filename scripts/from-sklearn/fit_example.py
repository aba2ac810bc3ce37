"""Fits the pipeline shape from_sklearn.py converts, on any labelled CSV: an example for teams, and the test's fixture.

Usage: python3 scripts/from-sklearn/fit_example.py --data FILE --target COLUMN --positive VALUE [--id COLUMN]
           [--categorical-imputer constant|most_frequent] [--seed 3] --out DIR
Splits the rows 80/20 (stratified by the target, seeded), fits on the 80 % and writes DIR/pipeline.pkl,
DIR/train.csv and DIR/test.csv (the rows as they were) and DIR/columns.txt (the pipeline's input columns, for
from_sklearn.py --columns). A column is numeric when every non-missing cell reads as a number, else categorical.
"""
import argparse
import csv
import pickle
from pathlib import Path

from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from csv_table import CsvTable, is_missing


def reads_as_numbers(cells):
    try:
        return all(is_missing(t) or float(t) is not None for t in cells)
    except ValueError:
        return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--target", required=True)
    parser.add_argument("--positive", required=True)
    parser.add_argument("--id")
    parser.add_argument("--categorical-imputer", choices=["constant", "most_frequent"], default="constant")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    table = CsvTable(args.data)
    inputs = [h for h in table.header if h not in (args.target, args.id)]
    numeric = [h for h in inputs if reads_as_numbers(table.column(h))]
    categorical = [h for h in inputs if h not in numeric]
    labels, _ = table.labels(args.target, args.positive)
    x = table.matrix(inputs, set(numeric))
    rows = list(range(len(table.rows)))
    train_rows, test_rows = train_test_split(rows, test_size=0.2, stratify=labels, random_state=args.seed)

    position = {h: j for j, h in enumerate(inputs)}
    fill = {"strategy": "most_frequent"}
    if args.categorical_imputer == "constant":
        fill = {"strategy": "constant", "fill_value": "(missing)"}
    pipeline = Pipeline([
        ("prep", ColumnTransformer([
            ("num", Pipeline([("impute", SimpleImputer(strategy="median")), ("scale", StandardScaler())]),
             [position[h] for h in numeric]),
            ("cat", Pipeline([("impute", SimpleImputer(**fill)), ("onehot", OneHotEncoder(handle_unknown="ignore"))]),
             [position[h] for h in categorical]),
        ])),
        ("model", LogisticRegression(max_iter=5_000)),
    ])
    pipeline.fit(x[train_rows], labels[train_rows])

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "pipeline.pkl", "wb") as f:
        pickle.dump(pipeline, f)
    for name, chosen in (("train.csv", sorted(train_rows)), ("test.csv", sorted(test_rows))):
        with open(out / name, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(table.header)
            writer.writerows(table.rows[i] for i in chosen)
    (out / "columns.txt").write_text(",".join(inputs) + "\n", encoding="utf-8")
    print(f"Fitted on {len(train_rows)} rows ({len(numeric)} numeric, {len(categorical)} categorical columns); {len(test_rows)} rows held out in {out}/test.csv.")


if __name__ == "__main__":
    main()
