"""The respect check's second opinion: a learned reading of a note's tone as a whole.

The rules of `respect.py` judge what each sentence does, and catch contempt said the ways their
constructions describe; said some new way ("we need engineers who think"), it passes them. This
model reads the whole note instead: wordllama's sentence embedding (256 numbers; its weights and
tokenizer ship in its wheel, nothing is downloaded) under a logistic regression trained on the
labels of the development sets, never the held-out set. It is asked only about a note the rules
let pass, and refuses it only when it is confident (`THRESHOLD`, below).

`shortlist respect-train` retrains it from the development sets (`respect_eval.train_model`) and
writes `respect_model.json`; a test checks that the committed weights are what those sets give.
"""

import importlib
import json
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np


def _import_wordllama() -> Any:
    # wordllama calls `logging.basicConfig(level=INFO)` on import: a second root handler that
    # printed every log line again, in plain text, and a root level of its choosing. Undone.
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    module = importlib.import_module("wordllama")
    root.handlers[:] = handlers
    root.setLevel(level)
    return module


wordllama = _import_wordllama()

MODEL_FILE = Path(__file__).resolve().parent / "respect_model.json"
# A note the rules pass is refused at this probability or above, if it has at least
# `MIN_WORDS` words (shorter ones are the curtness rules' to judge, and one sentence alone gave
# the model too little to go on: "Your accessibility work for blind users stood out." scored
# 0.89). Chosen on replays of the dev_8 and dev_9 rounds and kept after dev_10's, each set judged
# by the rules as they were before its round and by a model trained without it: the rules'
# misses caught and respectful notes newly refused were 13 of 67 and 2 of 131 (dev_8), 5 of 36
# and 0 of 90 (dev_9), 3 of 40 and 1 of 112 (dev_10); at 0.8 they were 21 and 5, 10 and 0, and
# 5 and 1. A refusal with no phrase to point at is hard to act on, so the model speaks only
# when it is confident.
THRESHOLD = 0.85
MIN_WORDS = 12
# The regression's L2 penalty (as scikit-learn's C: larger fits the training notes closer).
_C = 1.0


@cache
def _embedder() -> Any:
    # The package's own directory holds its tokenizer and weights: never the network.
    package = Path(wordllama.__file__).parent
    return wordllama.WordLlama.load(dim=256, cache_dir=package, disable_download=True)


def embed(messages: Sequence[str]) -> "np.ndarray[Any, np.dtype[np.float64]]":
    """Unit-length embeddings, one row a message (zeros for one with no words)."""
    vectors = np.asarray(_embedder().embed(list(messages), norm=False), dtype=np.float64)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit: np.ndarray[Any, np.dtype[np.float64]] = np.divide(
        vectors, norms, out=np.zeros_like(vectors), where=norms > 0
    )
    return unit


@dataclass(frozen=True)
class Model:
    weights: tuple[float, ...]
    bias: float
    trained_on: tuple[str, ...]

    def probability(self, message: str) -> float:
        """How likely the note is to be disrespectful, in the model's reading."""
        score = float(embed([message])[0] @ np.asarray(self.weights)) + self.bias
        return 1.0 / (1.0 + math.exp(-score))

    def to_json(self) -> str:
        return json.dumps(
            {
                "trained_on": list(self.trained_on),
                "bias": round(self.bias, 8),
                "weights": [round(w, 8) for w in self.weights],
            },
            indent=0,
        )


@cache
def model() -> Model:
    stored = json.loads(MODEL_FILE.read_text())
    return Model(tuple(stored["weights"]), stored["bias"], tuple(stored["trained_on"]))


def warm_up() -> None:
    """Load the embeddings and the weights (about half a second, once a process)."""
    model().probability("warm up")


def train(messages: Sequence[str], refused: Sequence[bool], trained_on: Sequence[str]) -> Model:
    """L2-regularised logistic regression with balanced classes, fitted by Newton's method
    (the objective is convex: the same notes always give the same weights)."""
    x = np.hstack([embed(messages), np.ones((len(messages), 1))])
    y = np.asarray(refused, dtype=np.float64)
    # Each class weighs as much as the other, whatever their sizes.
    sample = np.where(y == 1, len(y) / (2 * y.sum()), len(y) / (2 * (len(y) - y.sum())))
    penalty = np.ones(x.shape[1])
    penalty[-1] = 0.0  # (the intercept is not penalised)
    w = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = _C * x.T @ (sample * (p - y)) + penalty * w
        hessian = _C * (x.T * (sample * p * (1 - p))) @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return Model(tuple(float(v) for v in w[:-1]), float(w[-1]), tuple(trained_on))
