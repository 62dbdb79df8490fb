"""The respect check's second opinion: a learned reading of a note's wording as a whole.

The rules of `respect.py` judge what each sentence does, and catch contempt said the ways their
constructions describe; said some new way ("we need engineers who think"), it passes them. This
model reads the whole note instead: a logistic regression over the note's words and word pairs
(TF-IDF, as scikit-learn's `TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)` weighs
them), trained on the labels of the development sets, never the held-out set. It is asked only
about a note the rules let pass, and refuses it only when it is confident (`THRESHOLD`).

It replaced a regression over wordllama's 256-number sentence embedding. On a set written blind
for the comparison (`dev_11`, 200 notes), trained on the sets before it, the embedding ranked
disrespectful notes above respectful ones 89% of the time and the words 97.5%; left out one at a
time, `dev_8`, `dev_9` and `dev_10` gave 98–99.6% (the README's respect check section has the
figures). Reading it is plain Python over a dictionary: no numpy, no weights to load beyond this file.

`shortlist respect-train` retrains it from the development sets (`respect_eval.train_model`;
fitting needs scikit-learn, a test dependency) and writes `respect_model.json`; a test checks
that the committed weights are what those sets give.
"""

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

MODEL_FILE = Path(__file__).resolve().parent / "respect_model.json"
# A note the rules pass is refused at this probability or above, if it has at least
# `MIN_WORDS` words (shorter ones are the curtness rules' to judge). Chosen with every
# development set left out in turn (a model trained without it judging the notes its rules
# passed): from 16 words at 0.85, 21 of the rules' 36 misses caught and 2 of 1,042 respectful
# notes newly refused; from 12 words, 22 and 4; at 0.9, 15 and 0. After the dev_12 round, 30 of
# 61 and 2 of 1,155 (0.8: 33 and 3; 0.9: 25 and 1). Short notes are where it
# errs: "Sorry if the interview felt like a waste of time for you." (12 words) scored 0.95.
# A refusal with no phrase to point at is hard to act on, so it speaks only when confident.
# After the dev_21 round (4,540 notes in 30 sets, each left out in turn, the rules' own
# refusals counted): C 16 at 0.85 refused 2,291 of 2,336 disrespectful notes and passed 2,194
# of 2,204 respectful ones; C 64 at 0.9, 2,296 and 2,193; at 0.85, 2,302 and 2,190; C 4 at
# 0.85, 2,262 and 2,195. From 12 words or 20 instead of 16 moved a few notes either way.
THRESHOLD = 0.9
MIN_WORDS = 16
# The regression's inverse L2 penalty (scikit-learn's C): 16 ranked the left-out sets best of
# 1, 4 and 16 up to the dev_12 round; 64 of 4, 16 and 64 after the dev_21 round (above).
C = 64.0
# A term must appear in this many training notes to be weighed at all (one note's quirk is
# not a pattern).
MIN_NOTES = 2

# scikit-learn's default token: two or more word characters.
_TOKEN = re.compile(r"\b\w\w+\b")


def terms(message: str) -> Counter[str]:
    """How often each word and each pair of adjacent words occurs in the note."""
    words = _TOKEN.findall(message.lower())
    counts = Counter(words)
    counts.update(f"{a} {b}" for a, b in pairwise(words))
    return counts


def _weighed(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    """Sublinear TF-IDF, unit length, over the terms the model knows."""
    vector = {t: (1.0 + math.log(n)) * idf[t] for t, n in counts.items() if t in idf}
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else {}


@dataclass(frozen=True)
class Model:
    idf: dict[str, float]
    weights: dict[str, float]
    bias: float
    trained_on: tuple[str, ...]

    def probability(self, message: str) -> float:
        """How likely the note is to be disrespectful, in the model's reading."""
        vector = _weighed(terms(message), self.idf)
        score = self.bias + sum(v * self.weights[t] for t, v in vector.items())
        return 1.0 / (1.0 + math.exp(-score))

    def to_json(self) -> str:
        return json.dumps(
            {
                "trained_on": list(self.trained_on),
                "bias": round(self.bias, 8),
                # term: [idf, weight]
                "terms": {
                    t: [round(self.idf[t], 8), round(self.weights[t], 8)] for t in sorted(self.idf)
                },
            },
            indent=0,
            ensure_ascii=False,
        )


@cache
def model() -> Model:
    stored = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    table: dict[str, list[float]] = stored["terms"]
    return Model(
        {t: idf for t, (idf, _) in table.items()},
        {t: w for t, (_, w) in table.items()},
        stored["bias"],
        tuple(stored["trained_on"]),
    )


def warm_up() -> None:
    """Read the weights (once a process, before the first note)."""
    model().probability("warm up")


def train(messages: Sequence[str], refused: Sequence[bool], trained_on: Sequence[str]) -> Model:
    """L2-regularised logistic regression with balanced classes over the notes' TF-IDF terms.

    Fitting uses scikit-learn (installed with the `test` extra); the features are this
    module's own `terms`, so what is trained is exactly what `probability` reads."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counted = [terms(m) for m in messages]
    notes_with = Counter(t for counts in counted for t in counts)
    vocabulary = sorted(t for t, n in notes_with.items() if n >= MIN_NOTES)
    # scikit-learn's smoothed idf: as if one more note held every term.
    idf = {t: math.log((1 + len(messages)) / (1 + notes_with[t])) + 1.0 for t in vocabulary}
    column = {t: i for i, t in enumerate(vocabulary)}
    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    for i, counts in enumerate(counted):
        for t, v in _weighed(counts, idf).items():
            rows.append(i)
            cols.append(column[t])
            values.append(v)
    x = csr_matrix((values, (rows, cols)), shape=(len(messages), len(vocabulary)))
    fitted: Any = LogisticRegression(C=C, class_weight="balanced", tol=1e-10, max_iter=10_000)
    fitted.fit(x, list(refused))
    weights = dict(zip(vocabulary, (float(w) for w in fitted.coef_[0]), strict=True))
    return Model(idf, weights, float(fitted.intercept_[0]), tuple(trained_on))
