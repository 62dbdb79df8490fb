"""The respect check on its evaluation corpus (app/notes/respect_corpus/).

The labels are the expected values: every development example must behave, and on the held-out
sets, never used to tune the rules, the goal is that at least 97% of the disrespectful messages
are refused and 97% of the respectful ones pass. The second half is met; the first is not yet
(93.3%, issue 7 stays open for it): a floor keeps it from slipping back.
"""

import builtins
import re

import pytest

from app import cli
from app.notes.respect import ERROR_CODES, check_message
from app.notes.respect_eval import SETS, Example, judge, load

DEV = load("dev")
HELD_OUT = [example for name in SETS if name != "dev" for example in load(name)]
GOAL = 0.97
# What the held-out refusals reached (93.3%): a change that loses ground fails.
FLOOR = 0.93


def test_the_corpus_is_large_varied_and_well_labelled() -> None:
    examples = DEV + HELD_OUT
    assert len(examples) >= 300
    assert len({e.id for e in examples}) == len(examples)
    assert len({e.message for e in examples}) == len(examples), "a message is in both sets"
    for e in examples:
        assert e.expected in ("refused", "passed")
        assert (e.error is not None) == (e.expected == "refused"), e.id
        assert e.acceptable_errors <= set(ERROR_CODES), e.id
    disrespectful = sum(e.expected == "refused" for e in HELD_OUT)
    assert disrespectful / len(HELD_OUT) >= 0.4
    for code in ERROR_CODES:
        assert sum(e.error == code for e in HELD_OUT) >= 10, code


@pytest.mark.parametrize("example", DEV, ids=[e.id for e in DEV])
def test_every_development_example_behaves(example: Example) -> None:
    judged = judge(example)
    if example.expected == "passed":
        assert judged.errors == ()
    else:
        assert example.error in judged.errors
        assert set(judged.errors) <= example.acceptable_errors


def share_as_expected(examples: list[Example], expected: str) -> float:
    group = [e for e in examples if e.expected == expected]
    return sum(judge(e).refused == (expected == "refused") for e in group) / len(group)


def test_held_out_refusals_do_not_fall_below_what_was_reached() -> None:
    assert share_as_expected(HELD_OUT, "refused") >= FLOOR


def test_held_out_respectful_messages_pass() -> None:
    assert share_as_expected(HELD_OUT, "passed") >= GOAL


def test_the_check_is_pure_and_its_rules_are_compiled_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """What keeps it fast: no file, network or database access and no regex compiled per
    message (the cost per message is measured by `shortlist respect-eval`)."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the respect check must not do this per message")

    monkeypatch.setattr(re, "compile", refuse)
    monkeypatch.setattr(builtins, "open", refuse)
    for example in DEV[:50]:
        check_message(example.message, door_open=example.door_open)


def test_respect_eval_prints_precision_recall_and_cost(capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["respect-eval", "--set", "dev"])
    out = capsys.readouterr().out
    assert out.startswith(f"== dev: {len(DEV)} messages")
    for label in ("refused", "passed", *ERROR_CODES):
        assert re.search(rf"^{label} +\d+\.\d% +\d+\.\d%", out, re.MULTILINE), label
    assert "cost per message (best of 7 runs): mean" in out
