"""Measure the respect check on its evaluation corpus (`shortlist respect-eval`).

The corpus was written for this project. The development sets (`respect_corpus/dev.jsonl`,
`dev_2.jsonl` … `dev_39.jsonl`, and the probes `dev_probe.jsonl` … `dev_probe_9.jsonl`) are
what the rules are developed on and the tone model is trained on: `dev_2` to `dev_6` were
written as held-out sets and `dev_7` to `dev_39` before their rules were read, but they have all
been measured and their failures read, so they are development data now and their figures say
nothing about new phrasings (`dev_10`, 245 notes, was measured before its round: 88 of 125
disrespectful notes refused, 111 of 120 respectful ones passed). `held_out.jsonl` is the
held-out set: written independently of the rules, never read while tuning them, reported when
present. Each line is one note with the expected outcome (`refused` or `passed`) and, when
refused, the expected error code (`also` lists other error codes that are fair for that message).
"""

import json
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Literal

from app.notes import respect_model
from app.notes.respect import ERROR_CODES, check_message

CORPUS_DIR = Path(__file__).resolve().parent / "respect_corpus"
DEV_SETS = (
    "dev",
    "dev_2",
    "dev_3",
    "dev_4",
    "dev_5",
    "dev_6",
    "dev_7",
    "dev_8",
    "dev_9",
    "dev_10",
    "dev_11",
    "dev_12",
    "dev_13",
    "dev_14",
    "dev_15",
    "dev_16",
    "dev_17",
    "dev_18",
    "dev_19",
    "dev_20",
    "dev_21",
    "dev_22",
    "dev_23",
    "dev_24",
    "dev_25",
    "dev_26",
    "dev_27",
    "dev_28",
    "dev_29",
    "dev_30",
    "dev_31",
    "dev_32",
    "dev_33",
    "dev_34",
    "dev_35",
    "dev_36",
    "dev_37",
    "dev_38",
    "dev_39",
    "dev_probe",
    "dev_probe_2",
    "dev_probe_3",
    "dev_probe_4",
    "dev_probe_5",
    "dev_probe_6",
    "dev_probe_7",
    "dev_probe_8",
    "dev_probe_9",
)
HELD_OUT = "held_out"
# A second set written apart (2026-12-01, after the dev_21 round), measured once, as it came:
# an ordinary sample of notes rather than one written to find the rules' gaps.
HELD_OUT_2 = "held_out_2"
HELD_OUT_SETS = (HELD_OUT, HELD_OUT_2)
SETS = (*DEV_SETS, *HELD_OUT_SETS)

Expected = Literal["refused", "passed"]


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    message: str
    door_open: bool
    candidate_name: str | None
    expected: Expected
    error: str | None
    also: tuple[str, ...] = ()

    @property
    def acceptable_errors(self) -> frozenset[str]:
        return frozenset(filter(None, (self.error, *self.also)))


@dataclass(frozen=True, slots=True)
class Judged:
    example: Example
    errors: tuple[str, ...]

    @property
    def refused(self) -> bool:
        return bool(self.errors)

    @property
    def correct(self) -> bool:
        return self.refused == (self.example.expected == "refused")

    @property
    def reported(self) -> str:
        """The class the check put the message in: `passed`, or the error it reports. A refused
        message is right for its class when the expected code is among its errors, even if
        another applies too (a short insult is also curt)."""
        if not self.errors:
            return "passed"
        if self.example.error in self.errors:
            return self.example.error
        fair = [code for code in self.errors if code in self.example.acceptable_errors]
        return (fair or self.errors)[0]


@dataclass(frozen=True, slots=True)
class Score:
    """`right` of the `predicted` messages carry the label rightly; `found` of the `actual`
    messages that should carry it do."""

    label: str
    right: int
    predicted: int
    found: int
    actual: int

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.actual if self.actual else 1.0


def available_sets() -> tuple[str, ...]:
    """The development sets, then the held-out sets that are there."""
    return (
        *DEV_SETS,
        *(name for name in HELD_OUT_SETS if (CORPUS_DIR / f"{name}.jsonl").exists()),
    )


def load(name: str) -> list[Example]:
    examples = []
    for line in (CORPUS_DIR / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            row["also"] = tuple(row.get("also", ()))
            examples.append(Example(**row))
    return examples


def train_model() -> respect_model.Model:
    """The respect check's tone model, trained on the development sets (never a held-out set)."""
    examples = [example for name in DEV_SETS for example in load(name)]
    return respect_model.train(
        [e.message for e in examples], [e.expected == "refused" for e in examples], DEV_SETS
    )


def judge(example: Example) -> Judged:
    findings = check_message(
        example.message, door_open=example.door_open, candidate_name=example.candidate_name
    )
    return Judged(example, tuple(f.code for f in findings if f.severity == "error"))


def scores(judged: Iterable[Judged]) -> list[Score]:
    """Precision and recall of refused and passed, then of each error code. Each refused
    message counts once, in the class it is reported in (`Judged.reported`): right when that is
    the expected code or one the label allows (`also`); recall is over the messages whose
    expected code it is."""
    rows = list(judged)
    result = []
    for label, refused in (("refused", True), ("passed", False)):
        predicted = [j for j in rows if j.refused == refused]
        right = sum((j.example.expected == "refused") == refused for j in predicted)
        actual = sum((j.example.expected == "refused") == refused for j in rows)
        result.append(Score(label, right, len(predicted), right, actual))
    for code in ERROR_CODES:
        flagged = [j for j in rows if j.reported == code]
        right = sum(code in j.example.acceptable_errors for j in flagged)
        expected = [j for j in rows if j.example.error == code]
        found = sum(j.reported == code for j in expected)
        result.append(Score(code, right, len(flagged), found, len(expected)))
    return result


def cost_ms(examples: list[Example], runs: int = 7) -> tuple[float, float]:
    """Mean and worst milliseconds per message, each message timed as the best of `runs` (the
    machine is shared, so the best run is the check's cost and the others add the neighbours')."""
    per_message = [_best_ms(partial(judge, example), runs) for example in examples]
    return statistics.fmean(per_message), max(per_message)


def _best_ms(work: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def longest_note_ms(examples: list[Example], runs: int = 7) -> float:
    """The cost of a note at the 5,000-character limit, made of the corpus's own messages."""
    text = " ".join(e.message for e in examples)[:5_000]
    return _best_ms(lambda: check_message(text, door_open=True, candidate_name="Juan"), runs)


def report(name: str, *, show_failures: bool = False) -> list[str]:
    examples = load(name)
    judged = [judge(example) for example in examples]
    refused = sum(e.expected == "refused" for e in examples)
    lines = [
        f"== {name}: {len(examples)} messages ({refused} disrespectful, "
        f"{len(examples) - refused} respectful)",
        f"{'class':<16}{'precision':>10}{'recall':>8}   counts",
    ]
    for score in scores(judged):
        lines.append(
            f"{score.label:<16}{score.precision:>10.1%}{score.recall:>8.1%}   "
            f"{score.right}/{score.predicted} right, {score.found}/{score.actual} found"
        )
    wrong = [j for j in judged if not j.correct]
    # Refused, but coached on another problem than the one the message has.
    miscoded = [
        j
        for j in judged
        if j.correct and j.refused and j.reported not in j.example.acceptable_errors
    ]
    mean, worst = cost_ms(examples)
    lines.append(
        f"misjudged: {len(wrong)}; wrong code: {len(miscoded)}; cost per message (best of 7 "
        f"runs): mean {mean:.3f} ms, max {worst:.3f} ms; a 5,000-character note: {longest_note_ms(examples):.1f} ms"
    )
    if name in HELD_OUT_SETS:
        seen = {e.message for dev in DEV_SETS for e in load(dev)}
        overlap = sum(e.message in seen for e in examples)
        lines.append(
            f"held-out set: {overlap} of {len(examples)} messages are also in the development "
            "sets"
            + (
                " (one-line notes anyone could write, or a sign the set was not written apart)"
                if overlap
                else ""
            )
        )
    if show_failures:
        for j in wrong + miscoded:
            got = ",".join(j.errors) or "passed"
            lines.append(
                f"  {j.example.id} expected {j.example.error or 'passed'}, got {got}: "
                f"{j.example.message}"
            )
    return lines
