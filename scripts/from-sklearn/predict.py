"""Prints a fitted pipeline's predict_proba for the positive class on every row of a CSV, as a JSON list,
to compare with the app's probabilities.

Usage: python3 scripts/from-sklearn/predict.py --pipeline model.pkl --data FILE.csv [--columns a,b,c] [--positive VALUE]
--positive names the class when the model's classes are text; otherwise it is column 1 (class 1 / True).
"""
import argparse
import json

import joblib

from csv_table import CsvTable
from from_sklearn import pipeline_input
from pipeline_structure import read_pipeline

parser = argparse.ArgumentParser()
parser.add_argument("--pipeline", required=True)
parser.add_argument("--data", required=True)
parser.add_argument("--columns")
parser.add_argument("--positive")
args = parser.parse_args()
pipeline = joblib.load(args.pipeline)
structure = {**read_pipeline(pipeline, args.columns.split(",") if args.columns else None), "pipeline": pipeline}
classes = list(pipeline.classes_)
column = classes.index(args.positive) if args.positive in classes else 1
print(json.dumps(pipeline.predict_proba(pipeline_input(CsvTable(args.data), structure))[:, column].tolist()))
