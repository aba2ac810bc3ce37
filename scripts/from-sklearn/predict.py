"""Prints a fitted pipeline's predict_proba[:, 1] for every row of a CSV, as a JSON list, to compare with the app.

Usage: python3 scripts/from-sklearn/predict.py --pipeline model.pkl --data FILE.csv [--columns a,b,c]
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
args = parser.parse_args()
pipeline = joblib.load(args.pipeline)
structure = {**read_pipeline(pipeline, args.columns.split(",") if args.columns else None), "pipeline": pipeline}
print(json.dumps(pipeline.predict_proba(pipeline_input(CsvTable(args.data), structure))[:, 1].tolist()))
