"""The respect check's tone model: where it comes from, when it is asked, what it says."""

import math

import pytest

from app.notes import respect_model
from app.notes.respect import check_message
from app.notes.respect_eval import DEV_SETS, HELD_OUT_SETS, load, train_model

# Mock need and mock reassurance: no word in it judges the person, so no rule refuses it.
BY_IMPLICATION = next(e for e in load("dev_8") if e.id == "dev8-121")
RESPECTFUL = (
    "Hi Ana, thank you for the time you gave us. We chose another candidate whose payments "
    "experience matched this role more closely. I'd like to stay in touch."
)


def test_the_committed_model_is_what_the_development_sets_give() -> None:
    committed = respect_model.model()
    retrained = train_model()
    assert committed.trained_on == retrained.trained_on == DEV_SETS
    assert not set(HELD_OUT_SETS) & set(committed.trained_on)
    assert committed.idf.keys() == retrained.idf.keys() == committed.weights.keys()
    for term, weight in retrained.weights.items():
        assert committed.weights[term] == pytest.approx(weight, abs=1e-4), term
        assert committed.idf[term] == pytest.approx(retrained.idf[term], abs=1e-6), term
    assert committed.bias == pytest.approx(retrained.bias, abs=1e-4)


def test_a_note_no_rule_refuses_is_refused_when_its_tone_belittles() -> None:
    findings = check_message(
        BY_IMPLICATION.message,
        door_open=BY_IMPLICATION.door_open,
        candidate_name=BY_IMPLICATION.candidate_name,
    )
    [error] = [f for f in findings if f.severity == "error"]
    assert error.code == "disparaging"
    # The model judges the note as a whole: nothing to underline, but a way to rewrite it.
    assert error.span is None
    assert "as a whole" in error.detail
    assert error.suggestion


def test_a_respectful_note_passes_the_model_too() -> None:
    assert not [f for f in check_message(RESPECTFUL, door_open=True) if f.severity == "error"]


class Always(respect_model.Model):
    """A model that reads every note as belittling: shows when the check asks it."""

    def probability(self, message: str) -> float:
        return 1.0


@pytest.fixture
def always(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(respect_model, "model", lambda: Always({}, {}, 0.0, ()))


@pytest.mark.usefixtures("always")
def test_the_model_is_asked_only_about_notes_of_some_length() -> None:
    short = "Your accessibility work for blind users stood out."
    assert len(short.split()) < respect_model.MIN_WORDS
    assert not [f for f in check_message(short, door_open=False) if f.severity == "error"]
    refused = check_message(RESPECTFUL, door_open=True)
    assert [f.code for f in refused if f.severity == "error"] == ["disparaging"]


@pytest.mark.usefixtures("always")
def test_the_model_is_not_asked_once_a_rule_refuses() -> None:
    note = (
        "Hi Sam, we will not proceed. Please do not contact anyone on the team again about "
        "this or any other role."
    )
    errors = [f.code for f in check_message(note, door_open=False) if f.severity == "error"]
    assert errors == ["door_slammed"]


def test_a_note_of_words_the_model_never_saw_gets_its_prior() -> None:
    model = respect_model.model()
    prior = 1 / (1 + math.exp(-model.bias))
    assert model.probability("") == pytest.approx(prior)
    assert model.probability("Zxqv plorb wuggle.") == pytest.approx(prior)


def test_the_model_reads_words_and_word_pairs_whatever_the_case() -> None:
    assert respect_model.terms("Thank you, thank YOU!") == {
        "thank": 2,
        "you": 2,
        "thank you": 2,
        "you thank": 1,
    }
