"""The respect check on its evaluation corpus (app/notes/respect_corpus/).

The labels are the expected values. The development sets (`dev`, `dev_2` … `dev_21` and the
probes) are what the rules are tuned on: `dev_2` to `dev_10` were written apart from the rules, but
they have been measured and their failures read, so they only show the rules fit what they were
built on. `held_out.jsonl`
is the held-out set, written by someone who never saw the rules and never used to tune them.
The goal there is that at least 97% of the disrespectful messages are refused and 97% of the
respectful ones pass; it is not reached yet, and the floors (what was measured when the set
arrived) keep the figures from slipping back. `held_out_2.jsonl`, a second set written apart
(an ordinary sample rather than probes), is held to the goal itself. Without those files the
held-out tests fail: a missing measure is not a passing one.
"""

import builtins
import re

import pytest

from app import cli
from app.notes.respect import ERROR_CODES, check_message
from app.notes.respect_eval import (
    CORPUS_DIR,
    DEV_SETS,
    HELD_OUT,
    HELD_OUT_2,
    HELD_OUT_SETS,
    Example,
    judge,
    load,
)

DEV = load("dev")
DEVELOPMENT = [example for name in DEV_SETS for example in load(name)]
# Floors on the held-out set, from its latest measurement: 125 of 130 refused, 111 of 116
# passed, after the dev_34 … dev_36 rounds (124 and 111 after the dev_30 … dev_33 rounds; 123 and 111
# after dev_29's; 124 and 111 after dev_27's and
# dev_28's; 123 and 111 through
# dev_22 … dev_26's). Before: 123 and 111 after the dev_20/dev_21 round (its rules with the
# model before it: 124; retrained on the round's sets, with C and the threshold chosen again by leaving each development set
# out in turn: 123). Before: 124 and 111 after dev_19's; 123 and 111 after dev_15's, dev_16's
# and dev_17/dev_18's; 122 and 111 after dev_14's; 120 and 111 after dev_13's; 121 and 111
# after dev_12's; 119 and 112 after dev_11's, with the word-weights tone model; 115 and 112
# with the embedding model before it; the first was 101 and 111. A change that loses ground
# fails. Rounds are kept on their development figures, and the floors follow them down rather
# than have the rounds chosen by the held-out figures (only totals were read). The goal, 97%
# on both, is not reached.
HELD_OUT_REFUSED_FLOOR = 125 / 130
HELD_OUT_PASSED_FLOOR = 111 / 116
# The second held-out set (an ordinary sample, written apart after the dev_21 round and measured
# once: 81 of 81 refused, 113 of 115 passed) is held to the goal itself.
GOAL = 0.97


def held_out(name: str = HELD_OUT) -> list[Example]:
    path = CORPUS_DIR / f"{name}.jsonl"
    assert path.exists(), f"the held-out set {path} is missing: the goal cannot be measured"
    return load(name)


def well_labelled(examples: list[Example]) -> None:
    assert len({e.id for e in examples}) == len(examples), "an id is used twice"
    assert len({e.message for e in examples}) == len(examples), "a message is used twice"
    for e in examples:
        assert e.expected in ("refused", "passed")
        assert (e.error is not None) == (e.expected == "refused"), e.id
        assert e.acceptable_errors <= set(ERROR_CODES), e.id


def test_the_development_corpus_is_large_varied_and_well_labelled() -> None:
    assert len(DEVELOPMENT) >= 300
    well_labelled(DEVELOPMENT)
    disrespectful = sum(e.expected == "refused" for e in DEVELOPMENT)
    assert disrespectful / len(DEVELOPMENT) >= 0.4
    for code in ERROR_CODES:
        assert sum(e.error == code for e in DEVELOPMENT) >= 10, code


@pytest.mark.parametrize("name", HELD_OUT_SETS)
def test_the_held_out_sets_are_well_labelled_and_have_both_classes(name: str) -> None:
    examples = held_out(name)
    well_labelled(examples)
    assert {e.expected for e in examples} == {"refused", "passed"}


def test_the_second_held_out_set_shares_no_note_with_the_others() -> None:
    # (The first shares three one-line notes with the development sets, as `respect-eval`
    # reports; the second was checked against every set when it arrived.)
    elsewhere = {e.message for e in [*DEVELOPMENT, *held_out()]}
    assert not [e.id for e in held_out(HELD_OUT_2) if e.message in elsewhere]


# Development examples the rules still get wrong, and why. They are asserted to fail, so a fix
# shows up here (and the example moves back among those that must behave).
KNOWN_MISSES = {
    # Slams the door only by asking "the same" as "you shouldn't be contacted": the rules read
    # the request in the words, not by reference.
    "held2-051": "door_slammed by reference",
    # "Please stop sending us candidates over fifty" is also read as door_slammed: "stop
    # sending" is taken as forbidding contact although it is qualified by the group.
    "held-074": "an extra door_slammed",
    # "Please stop sending us candidates of this calibre" to an agency is also read as
    # door_slammed (as held-074): "stop sending" is taken as forbidding contact.
    "dev7-034": "an extra door_slammed",
    # "We hired a recent graduate whose thesis was on our product area" describes the hire, and
    # the reason is the thesis; "recent graduate" is read as an age euphemism all the same.
    "dev7-319": "a neutral description of the hire read as age",
    # "The reviewer's only comment on your code was 'why?'": contempt by quotation; nothing in
    # the words judges the work.
    "probe7-016": "disparaging by quotation",
    # Contempt by image, with no word that judges: "we hoped for insight and got a recital of
    # buzzwords".
    "probe8-013": "disparaging by implication",
    # "Please stop sending us people like this one" to an agency is also read as door_slammed
    # (as held-074 and dev7-034); the disparaging finding is there.
    "dev8-025": "an extra door_slammed",
    # Contempt by implication, with no word that judges: "if that was your best work, I'd hate
    # to see an off day" (the embedding model caught it; the word model does not).
    "dev9-035": "disparaging by implication",
    # Refused by the tone model, which names no code but `disparaging`: a reason-free refusal
    # with a thank-you or a formal sign-off ("The answer is no on this one."), and a one-line
    # verdict on the interview ("Hopeless interview, Nate. Hard pass.") read only as curt.
    "dev11-049": "curt, refused under another code",
    "dev11-197": "curt, refused under another code",
    "dev11-190": "disparaging, refused as curt",
    # Mockery of dress in 14 words ("Bold move turning up in a hoodie to meet the board"): no
    # word judges, and the tone model reads only notes of 16 words or more.
    "dev11-122": "disparaging by implication, too short for the model",
    # "Please don't send any more Eastern European candidates" to an agency is also read as
    # door_slammed (as held-074).
    "dev12-035": "an extra door_slammed",
    # Conduct reported ("you were dismissive and raised your voice") is read as the person
    # judged; the note explains why conduct matters for the role.
    "dev12-038": "conduct read as a judged trait",
    # A formal form rejection with only a stock close: refused by the tone model under its one
    # code (as dev11-197).
    "dev12-079": "curt, refused under another code",
    # A door closed by implication: "on hold indefinitely, which realistically means never".
    "dev13-130": "door_slammed by implication",
    # Respectful notes read as discriminatory (dev_13): the person's own framing of their age
    # ("changing careers in your forties, which is great", "returning to work after
    # retirement"); an injury discussed with the adjustments tried.
    "dev13-053": "the person's own framing of their age",
    "dev13-170": "the person's own framing of their age",
    "dev13-115": "an injury discussed with the adjustments tried",
    # Refused by the tone model under its one code (dev_14): coded discrimination with no
    # characteristic named ("matches the profile of our existing Nordic client team", "someone
    # who'll be around for the long haul" to a man of thirty years in the trade, "someone from a
    # similar background to the rest of the guys"), and a dress rule that excludes a faith.
    "dev14-021": "coded discrimination, refused under another code",
    "dev14-106": "coded discrimination, refused under another code",
    "dev14-165": "coded discrimination, refused under another code",
    # "Written by someone who has seen a pipe once": contempt by image, with no word that
    # judges; refused for the door it closes.
    "dev14-136": "disparaging by implication, refused as door_slammed",
    # (dev_15) A condition thanked for, then the decision given by the task it affects
    # ("because the role involves a lot of written reporting" after dyslexia): no word refers
    # back to it.
    "dev15-018": "discriminatory by reference across sentences",
    # Refused by the tone model under its one code: a partner's sex weighed as how a
    # "traditional" client base would receive him; a transition weighed as "changing-room
    # arrangements"; "overqualified for someone at your stage" (also read as disparaging).
    "dev15-033": "discriminatory, refused under another code",
    "dev15-075": "discriminatory, refused under another code",
    "dev15-105": "coded age, refused under another code as well",
    # "Sorry Lucía, not this time — thank you so much for applying!": a warm one-liner with no
    # reason, which the issue's own rule calls curt; its author labelled it respectful.
    "dev15-162": "a reason-free one-liner read as curt",
    # (dev_16) Mockery by image that no rule reads: "I'm sure the guests at your previous
    # hostel found your approach charming" (refused for the door it closes); "our audience is a
    # little older than six" (read as age); a hotel wedding, the work planned, read as marital
    # status beside "the back room of the local pub".
    "dev16-153": "disparaging by image, refused as door_slammed",
    "dev16-135": "disparaging, refused as discriminatory",
    "dev16-070": "disparaging, refused as discriminatory",
    # (dev_17) A formal reason-free refusal with thanks and a wish, read as curt; reasons in a
    # disability, age or race refused for the belittling around them, not named for what they
    # are; a turban held to a dress code, refused as both.
    "dev17-127": "a reason-free two-liner read as curt",
    "dev17-044": "discriminatory, refused as disparaging",
    "dev17-076": "discriminatory, refused as disparaging",
    "dev17-196": "discriminatory, refused as disparaging",
    "dev17-030": "discriminatory, refused as disparaging too",
    # (dev_21) Discriminatory reasons refused as disparaging too, for the sarcasm or the image
    # around them; an outfit mocked beside "a wedding" (read as marital status); contempt for an
    # agency's candidate refused for "stop sending us".
    "dev21-038": "discriminatory, refused as disparaging too",
    "dev21-076": "discriminatory, refused as disparaging too",
    "dev21-087": "discriminatory, refused as disparaging too",
    "dev21-014": "disparaging, refused as discriminatory",
    "dev21-026": "disparaging, refused as door_slammed",
    # (dev_20) An agency told not to send people of a nationality, refused as a closed door
    # too; a contract's end that forbids coming in, curt and a closed door.
    "dev20-060": "discriminatory, refused as door_slammed too",
    "dev20-112": "discriminatory, refused as door_slammed too",
    "dev20-139": "curt, refused as door_slammed too",
    # (dev_22) A pregnancy congratulated, then weighed in the next sentence's "available
    # throughout the year": refused by the tone model as disparaging, not as discriminatory.
    "dev22-170": "discriminatory, refused as disparaging",
    # (dev_24) Contempt by comparison with "contractors straight out of college": read as age.
    "dev24-165": "disparaging, refused as discriminatory",
    # (dev_25) A verdict and its reason after the person's name, without a word of courtesy: the
    # name is read as the courtesy.
    "dev25-070": "curt, passed",
    # (dev_25) A dress or grooming policy that shuts out locs and turbans: discriminatory, and
    # refused as disparaging too for naming the person's hair and grooming.
    "dev25-161": "discriminatory, refused as disparaging too",
    "dev25-165": "discriminatory, refused as disparaging too",
    # (dev_27) Race in code: guests who "expect a certain look" matching "the heritage of the
    # building" name no characteristic; refused, but as disparaging.
    "dev27-040": "discriminatory, refused as disparaging",
    # (dev_27) "Please stop sending us female candidates": read as forbidding contact too.
    "dev27-097": "discriminatory, refused as door_slammed too",
    # (dev_28) Race in code again: "someone whose look matches our brand's Nordic aesthetic".
    "dev28-037": "discriminatory, refused as disparaging",
    # (dev_29) A verdict with no reason between a formal salutation and a sign-off: the rule
    # that caught it (no reason, no thanks, twenty words or fewer) caught kind short notes too.
    "dev29-108": "curt, passed",
    # (dev_29) "Don't come in tomorrow" after a trial: a day's instruction read as a slammed door.
    "dev29-005": "curt, refused as door_slammed too",
    # (dev_30) "a bit young to be managing people ...; they just wouldn't take you seriously":
    # the age is named, and the seriousness read as a put-down too.
    "dev30-045": "discriminatory, refused as disparaging too",
    # (dev_31) "Role's filled. Stop sending CVs.": curt, and read as forbidding contact too.
    "dev31-011": "curt, refused as door_slammed too",
    # (dev_31) "a less, shall we say, loaded background": the aside read as a put-down too.
    "dev31-132": "discriminatory, refused as disparaging too",
    # (dev_32) "we pictured a man for the scaffolding crew. No offence.": the sign-off read as
    # a put-down too.
    "dev32-079": "discriminatory, refused as disparaging too",
    # (dev_32) "we wanted a nurse, not a nervous wreck": the contrast read as a negation.
    "dev32-083": "disparaging, passed",
    # (dev_32) "the team's mostly under 30, so we worried you wouldn't gel": refused, but the
    # tone model names it disparaging too.
    "dev32-089": "discriminatory, refused as disparaging too",
    # (dev_33) "brief cancelled. Invoice us for any hours to date.": the cancellation reads as its
    # own reason (a rule that let only a cause count in a note this short refused 21 others).
    "dev33-185": "curt, passed",
    # (dev_33) Two form letters, refused as curt; the tone model names them disparaging too.
    "dev33-183": "curt, refused as disparaging too",
    "dev33-192": "curt, refused as disparaging too",
    # (dev_34) "your English sounded too foreign": the language rule names it disparaging too.
    "dev34-137": "discriminatory, refused as disparaging too",
    # (dev_34) "you clearly didn't prepare and it showed. Moving on.": refused, as curt only.
    "dev34-123": "disparaging, refused as curt only",
    # (dev_35) Form letters with only a letter's formulas around the refusal ("Kind regards",
    # "We wish you every success"): one passed, two refused by the tone model as disparaging. A
    # rule for them changed 40 other development notes, and dev17-173, the same kind of
    # letter, is labelled respectful.
    "dev35-039": "curt, passed",
    "dev35-067": "curt, refused as disparaging",
    "dev35-078": "curt, refused as disparaging",
    # (dev_35) "someone earlier in their career path" for a junior opening the person would
    # outgrow: the issue's own example of age in code, refused here too.
    "dev35-187": "respectful, refused as discriminatory",
    # (dev_35) "No further correspondence will be entered into": refused as door_slammed (which
    # its label allows), not as curt.
    "dev35-130": "curt, refused as door_slammed only",
    # (dev_36) Padded notes that say nothing ("it is what it is, and what it is, is a no",
    # "we have arrived at a decision, and that decision is not to proceed"): refused, but by the
    # tone model as disparaging rather than as curt; and one passed ("further to the above and
    # below, please note the below. Outcome: negative.").
    "dev36-022": "curt, refused as disparaging",
    "dev36-058": "curt, refused as disparaging",
    "dev36-071": "curt, refused as disparaging",
    "dev36-148": "curt, refused as disparaging",
    "dev36-165": "curt, refused as disparaging",
    "dev36-189": "curt, refused as disparaging",
    "dev36-016": "curt, passed",
    # (dev_36) Honest critique ("let's be real: your interview was rough ... I'd rather tell
    # you straight"): the tone model refuses it as disparaging.
    "dev36-017": "respectful, refused as disparaging",
    # (dev_36) "please don't send us any more people from that part of the world": read as
    # forbidding contact too.
    "dev36-036": "discriminatory, refused as door_slammed too",
    # (dev_37) "you're clearly a nice guy, just not a particularly bright one": "a nice guy"
    # is read as sex given as a reason too.
    "dev37-111": "disparaging, refused as discriminatory too",
    # (dev_38) Candid feedback: "you bombed the SQL test, and I think you'd say the same", in an
    # otherwise warm note, still refused by the rule for failing as a person.
    "dev38-089": "respectful, refused as disparaging",
    # (dev_38) Form letters to no one in particular ("we are moving forward with other
    # candidates whose qualifications better align", "unable to provide individual feedback"):
    # refused, but by the tone model as disparaging.
    "dev38-049": "empty_or_curt, refused as disparaging",
    "dev38-062": "empty_or_curt, refused as disparaging",
    # (dev_38) "none of the submitted profiles will be progressed. Closing the requisition.":
    # the closing reads as the reason.
    "dev38-183": "empty_or_curt, passed",
    # (dev_39) Bare outcomes with a courteous shape: "please note the requisition has been
    # cancelled. Your application is now closed.", "Dear Agency, we have no requirement for
    # your candidates at present. Regards.", "We will not be proceeding. Kind regards,
    # Procurement" (the cancellation, the lack of need and the signature read as enough).
    "dev39-065": "empty_or_curt, passed",
    "dev39-134": "empty_or_curt, passed",
    "dev39-176": "empty_or_curt, passed",
    # (dev_39) Corporate padding with no reason ("a holistic review of our talent pipeline",
    # "our comprehensive multi-stage engagement journey"): refused, but by the tone model as
    # disparaging.
    "dev39-074": "empty_or_curt, refused as disparaging",
    "dev39-154": "empty_or_curt, refused as disparaging",
}


def behaves(example: Example) -> bool:
    judged = judge(example)
    if example.expected == "passed":
        return judged.errors == ()
    # A short insult is also curt: that finding may come with the one expected.
    return example.error in judged.errors and (
        set(judged.errors) - {"empty_or_curt"} <= example.acceptable_errors
    )


@pytest.mark.parametrize(
    "example",
    [e for e in DEVELOPMENT if e.id not in KNOWN_MISSES],
    ids=lambda e: e.id,
)
def test_every_development_example_behaves(example: Example) -> None:
    assert behaves(example), judge(example).errors


@pytest.mark.parametrize("example_id", sorted(KNOWN_MISSES))
def test_a_known_miss_is_still_missed(example_id: str) -> None:
    [example] = [e for e in DEVELOPMENT if e.id == example_id]
    assert not behaves(example), f"{example_id} behaves now: take it off KNOWN_MISSES"


def share_as_expected(examples: list[Example], expected: str) -> float:
    group = [e for e in examples if e.expected == expected]
    return sum(judge(e).refused == (expected == "refused") for e in group) / len(group)


def test_held_out_disrespectful_messages_are_refused() -> None:
    assert share_as_expected(held_out(), "refused") >= HELD_OUT_REFUSED_FLOOR


def test_held_out_respectful_messages_pass() -> None:
    assert share_as_expected(held_out(), "passed") >= HELD_OUT_PASSED_FLOOR


@pytest.mark.parametrize("expected", ["refused", "passed"])
def test_the_second_held_out_set_meets_the_goal(expected: str) -> None:
    assert share_as_expected(held_out(HELD_OUT_2), expected) >= GOAL


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


def test_respect_eval_reports_the_held_out_set_last(capsys: pytest.CaptureFixture[str]) -> None:
    held_out()
    cli.main(["respect-eval"])
    headers = re.findall(r"^== (\w+):", capsys.readouterr().out, re.MULTILINE)
    assert headers == [*DEV_SETS, *HELD_OUT_SETS]
