"""Reads a customer CSV the way Churn Radar's scoring reader does, for fitting and for checking.

Missing cells follow the app's rule (docs: semantics of spec format 2): after trimming, empty or one
of the markers NA, N/A, NULL, None, NaN, #N/A, -, ? (any case). They become np.nan, which is what
scikit-learn's SimpleImputer treats as missing by default, in numeric and in text columns alike.
"""
import csv
import hashlib
import io
import re
import unicodedata
from pathlib import Path

import numpy as np

MISSING_MARKERS = frozenset({"", "na", "n/a", "null", "none", "nan", "#n/a", "-", "?"})


def is_missing(text):
    return text.strip().lower() in MISSING_MARKERS


def normalise_category(text):
    """The app's normaliseCategory: NFKC, trim, lower case, runs of whitespace/_/-/en dash become one space."""
    return re.sub(r"[\s_\-\u2013]+", " ", unicodedata.normalize("NFKC", text).strip().lower())


class CsvTable:
    """A CSV file's header and rows of cell text, plus what provenance needs (rows, sha256)."""

    def __init__(self, path):
        self.path = Path(path)
        raw = self.path.read_bytes()
        self.sha256 = hashlib.sha256(raw).hexdigest()
        # utf-8-sig drops a BOM, as the app does; newline="" keeps line breaks inside quoted cells.
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        if not rows:
            raise ValueError(f"{self.path} is empty")
        self.header = rows[0]
        self.rows = [r for r in rows[1:] if r != []]

    def column(self, name):
        if name not in self.header:
            raise KeyError(f'{self.path.name} has no column "{name}" (its columns: {", ".join(self.header)})')
        k = self.header.index(name)
        return [r[k] if k < len(r) else "" for r in self.rows]

    def numbers(self, name):
        """Float column; missing cells are NaN. A cell that is not a number stops with its row number."""
        out = np.empty(len(self.rows))
        for i, text in enumerate(self.column(name)):
            if is_missing(text):
                out[i] = np.nan
                continue
            try:
                out[i] = float(text)
            except ValueError:
                raise ValueError(f'{self.path.name} row {i + 2}: {name} "{text}" is not a number') from None
        return out

    def texts(self, name):
        """Object column of cell text as written; missing cells are np.nan."""
        return np.array([np.nan if is_missing(t) else t for t in self.column(name)], dtype=object)

    def matrix(self, columns, numeric):
        """The object matrix a pipeline fitted on these columns expects: numbers for `numeric`, text otherwise."""
        x = np.empty((len(self.rows), len(columns)), dtype=object)
        for j, name in enumerate(columns):
            x[:, j] = self.numbers(name) if name in numeric else self.texts(name)
        return x

    def labels(self, target, positive):
        values = self.column(target)
        seen = sorted(set(values))
        if positive not in seen:
            raise ValueError(f'{self.path.name}: the target {target} never has the value "{positive}" (values: {", ".join(seen[:10])})')
        if len(seen) != 2:
            raise ValueError(f'{self.path.name}: the target {target} must have exactly two values, found {len(seen)}: {", ".join(seen[:10])}')
        return np.array([v == positive for v in values], dtype=np.uint8), next(v for v in seen if v != positive)
