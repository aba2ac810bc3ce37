"""Independent refit of a Churn Radar model with scikit-learn, on the trainer's own design matrix.

Usage: python3 sklearn_refit.py DIR
DIR holds x.f64 (row-major float64, n x p), y.u8 (n labels) and shape.json ({"n": n, "p": p, "C": C}).
Prints {"coefficients": [...], "intercept": b, "sklearn": version} as JSON.
"""
import json
import sys
from pathlib import Path

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression

folder = Path(sys.argv[1])
shape = json.loads((folder / "shape.json").read_text())
x = np.fromfile(folder / "x.f64", dtype="<f8").reshape(shape["n"], shape["p"])
y = np.fromfile(folder / "y.u8", dtype=np.uint8)

# Newton-Cholesky, because L-BFGS stops early on this ill-conditioned one-hot design (all
# categories kept, charges nearly a sum of services) and would measure its own tolerance.
model = LogisticRegression(penalty="l2", C=float(shape.get("C", 1.0)), solver="newton-cholesky", tol=1e-12, max_iter=1_000)
model.fit(x, y)
print(json.dumps({"coefficients": model.coef_[0].tolist(), "intercept": float(model.intercept_[0]), "sklearn": sklearn.__version__}))
