"""The respect check (contract §4) finding by finding: what each error refuses and what it lets
through, each warning on its own, and the shape of a finding (span, suggestion). The evaluation
corpus is measured in test_respect_corpus.py."""

import dataclasses

import pytest

from app.notes.respect import ERROR_CODES, WARNING_CODES, Finding, check_message


def codes(findings: list[Finding]) -> list[str]:
    return [finding.code for finding in findings]


def errors(findings: list[Finding]) -> list[str]:
    return [finding.code for finding in findings if finding.severity == "error"]


# --- Corpus ------------------------------------------------------------------------------------

CURT = [
    pytest.param("", id="empty"),
    pytest.param("   \n\t ", id="whitespace"),
    pytest.param("...", id="punctuation-only"),
    pytest.param("No.", id="no"),
    pytest.param("Nope.", id="nope"),
    pytest.param("Not interested", id="not-interested"),
    pytest.param("Rejected.", id="rejected"),
    pytest.param("Not a fit.", id="not-a-fit"),
    pytest.param("Pass", id="pass"),
    pytest.param("No thanks", id="no-thanks"),
    pytest.param("Thanks, but no.", id="thanks-but-no"),
    pytest.param("Hi Sam, not interested.", id="named-not-interested"),
    pytest.param("We will not be moving forward.", id="not-moving-forward"),
    pytest.param("Application unsuccessful.", id="unsuccessful"),
    pytest.param("Declined — not a good fit for us.", id="declined-not-a-good-fit"),
    pytest.param("Sorry, not this time.", id="not-this-time"),
    pytest.param("Role paused. Will advise.", id="status-is-not-a-reason"),
    pytest.param("We'll keep your CV on file.", id="few-words-to-no-one"),
    pytest.param(
        "Dear Kamala, thank you for applying. We will not be taking your application further.",
        id="form-rejection",
    ),
    pytest.param(
        "Dear Astrid, the hiring manager has made a decision and you were not chosen. That is all.",
        id="dismissive-close",
    ),
]

DISPARAGING = [
    # Insults about the person.
    pytest.param("Hi Tom, you seemed clueless about our stack, so we are passing.", id="clueless"),
    pytest.param("We went with someone else because you are lazy.", id="you-are-lazy"),
    pytest.param("Honestly, a lazy candidate is the last thing this team needs.", id="lazy-cand"),
    pytest.param(
        "You came across as such an arrogant person that the panel did not want to continue.",
        id="arrogant-person",
    ),
    pytest.param("Your answers were stupid, so we chose another candidate.", id="answers-stupid"),
    pytest.param("Your answer to the caching question was stupid.", id="answer-to-x-stupid"),
    pytest.param("You were, frankly, a bit weird in the final round.", id="frankly-weird"),
    pytest.param("We found you incompetent at the whiteboard.", id="found-you-incompetent"),
    pytest.param("Interviewing you was a waste of time.", id="waste-of-time"),
    pytest.param("Sorry, you idiot, the role is gone.", id="you-idiot"),
    # Looks, weight, dress: not protected, but remarks on them demean.
    pytest.param("Your tattoos and outfit did not look professional to us.", id="looks-tattoos"),
    pytest.param("We decided against you because of your weight.", id="looks-weight"),
    pytest.param("You were not dressed for a client-facing role.", id="looks-dressed"),
    pytest.param("Your English is not good enough for a client-facing role.", id="english"),
    # Contempt for the work, and failure as a person rather than a missing skill.
    pytest.param("Your work was sloppy and lazy.", id="work-lazy"),
    pytest.param("Your take-home was garbage.", id="work-garbage"),
    pytest.param("You flopped in the final round.", id="flopped"),
    pytest.param("We found someone sharper.", id="someone-sharper"),
    pytest.param("Hi Ben, you just aren't cut out for engineering.", id="not-cut-out"),
]

# A protected characteristic given as the reason, however politely.
DISCRIMINATORY = [
    # Age.
    pytest.param("We decided you are too old for a fast-moving startup.", id="age-too-old"),
    pytest.param("You are overqualified for your age, so we went another way.", id="age-yours"),
    pytest.param("The team wanted a digital native, so we picked someone younger.", id="age-dn"),
    pytest.param("You seemed a little young to lead this team.", id="age-seemed-young"),
    pytest.param("You're clearly a bit past it for a startup.", id="age-past-it"),
    # Origin or nationality.
    pytest.param("Because of where you're from, we worried about culture fit.", id="origin-from"),
    pytest.param("We prefer not to hire foreigners for this team.", id="origin-foreigners"),
    pytest.param("Your nationality would make the client meetings awkward.", id="origin-nat"),
    # Language or accent.
    pytest.param("Your accent was hard to follow, so we chose another candidate.", id="accent"),
    pytest.param("We need a native speaker on this team.", id="native-speaker"),
    # Pregnancy, family plans, marital status.
    pytest.param("As you are pregnant, the timing does not work for us.", id="pregnancy"),
    pytest.param("We worry your family plans would get in the way of travel.", id="family-plans"),
    pytest.param("Since you're married with kids, we doubted you could travel.", id="married"),
    pytest.param("If you are planning children soon, this role is not for you.", id="kids-plan"),
    # Religion.
    pytest.param("Your religion would clash with our Friday team dinners.", id="religion"),
    pytest.param("Wearing a hijab would not suit our client meetings.", id="religion-hijab"),
    # Gender.
    pytest.param("As a woman, you might find our on-call culture hard.", id="gender-woman"),
    pytest.param("We wanted a man for this role.", id="gender-wanted-a-man"),
    pytest.param("We were looking for a male engineer for this team.", id="gender-male"),
    # Disability and health.
    pytest.param("Your disability would make the on-call rotation difficult.", id="disability"),
    pytest.param("Given your health issues, we decided to go with another candidate.", id="health"),
    pytest.param("Because you are deaf, phone screens with clients would not work.", id="deaf"),
    # Polite euphemisms.
    pytest.param(
        "We preferred someone earlier in their career, with more energy.", id="age-career"
    ),
    pytest.param("With a baby on the way the timing isn't right for you.", id="baby-on-the-way"),
    pytest.param("Our clients expect someone who sounds local on the phone.", id="sounds-local"),
]

DOOR_SLAMMED = [
    pytest.param("No point applying again.", id="no-point-applying"),
    pytest.param("Don't reach out to us again.", id="dont-reach-out"),
    pytest.param("Please stop emailing us.", id="stop-emailing"),
    pytest.param("We will not accept future applications from you.", id="no-future-applications"),
    pytest.param("We ask that you not apply to us again.", id="ask-not-apply"),
    pytest.param(
        "Hi Ravi, thank you for your time. We chose a candidate with more Kotlin experience."
        " Please don't contact us about future roles.",
        id="polite-then-slammed",
    ),
]

# (candidate_name, message): respectful, named, with a reason and an open door.
RESPECTFUL = [
    pytest.param(
        "Juan Pérez",
        "Hi Juan, thank you for the time you gave us. We chose another candidate whose experience"
        " with payments matched this role more closely. I'd love to stay in touch and will reach"
        " out when a backend role opens.",
        id="juan-chose-another",
    ),
    pytest.param(
        "Priya Raman",
        "Hi Priya, thank you for the thoughtful conversations over the last two weeks. We decided"
        " to hire someone with more hands-on Kubernetes experience, because the role leads our"
        " platform migration from day one. Your talk on common stupid security mistakes was great,"
        " and I'd love to keep in touch about future platform roles.",
        id="priya-stupid-security-mistakes",
    ),
    pytest.param(
        "Kwame Mensah",
        "Dear Kwame, thank you for the pairing session. You fixed a stupid bug in our parser"
        " quickly, which impressed the team. In the end we went with a candidate who has shipped"
        " iOS apps, since the role is mostly mobile work. The door is open: please reach out if"
        " you see another role with us.",
        id="kwame-stupid-bug",
    ),
    pytest.param(
        "Mei Lin",
        "Hi Mei, thank you for your patience. We are putting the role on hold because next"
        " quarter's budget is not confirmed yet. You were one of our strongest candidates, and I"
        " will get back to you as soon as we know more.",
        id="mei-on-hold-budget",
    ),
    pytest.param(
        "Ana Souza",
        "Hello Ana, thanks for meeting the team. We were looking for someone with deeper"
        " experience in data pipelines, which is where this role spends most of its time. Please"
        " keep in touch; I will keep you in mind for analytics roles later this year.",
        id="ana-looking-for",
    ),
    pytest.param(
        "Lukas Becker",
        "Hi Lukas, I'm sorry to share that the position has been cancelled due to a"
        " reorganisation. This has nothing to do with your interviews, which went well. I'd be"
        " glad to reconnect when we open new roles in the spring.",
        id="lukas-role-cancelled",
    ),
    pytest.param(
        "Sofia Rossi",
        "Hi Sofia, thank you for your kind words about the team. We chose a candidate with more"
        " experience leading teams, as the role manages five engineers from the start. I hope we"
        " can work together in the future.",
        id="sofia-kind-words",
    ),
    pytest.param(
        "José Martínez",
        "Hi Jose, thank you for the interview. We went with another candidate because the role"
        " needs someone in the Berlin office three days a week, and relocation is not possible"
        " for you right now. If that changes, I would love to hear from you.",
        id="jose-accent-insensitive-name",
    ),
    pytest.param(
        "Fatima Al-Sayed",
        "Dear Fatima, thank you for the care you put into the process. We have decided not to"
        " fill this role this year due to a hiring freeze. Your work on our foreign exchange"
        " case study impressed us, and we will reach out again as soon as hiring restarts.",
        id="fatima-hiring-freeze",
    ),
    pytest.param(
        "Oliver Grant",
        "Hi Oliver, thanks for your excellent take-home. The timing did not work: we need"
        " someone to start this month, and you are committed until autumn. Let's stay in touch,"
        " and I will revisit this with you in the new year.",
        id="oliver-timing",
    ),
    pytest.param(
        "Grace Okafor",
        "Hi Grace, it was great to hear how your old team handled the migration, and how you"
        " found the race condition in the queue. We went with someone with more Elixir experience"
        " since our stack is built on it. I'd love to stay in touch.",
        id="grace-old-team-race-condition",
    ),
    pytest.param(
        "Chen Wei",
        "Hi Chen, thank you for your time and your impressive body of work. We could not meet"
        " your salary expectations within this role's budget, so we made an offer to another"
        " finalist. I would be happy to talk about other roles when they come up.",
        id="chen-compensation",
    ),
]

# (candidate_name, message): a clear no with the reason, still kind; the door may be shut.
FIRM = [
    pytest.param(
        "Dana Kim",
        "Hi Dana, thank you for interviewing with us. We will not be moving forward, because the"
        " role requires production Go experience that you don't have yet. I wish you the best.",
        id="dana-requires-go",
    ),
    pytest.param(
        "Marc Dubois",
        "Hi Marc, I'm sorry, but we won't offer you the role. The take-home did not meet the bar"
        " we set for testing and error handling, which is central to this team's work.",
        id="marc-did-not-meet-bar",
    ),
    pytest.param(
        "Rosa Diaz",
        "Hi Rosa, we have decided not to continue with your application. We need someone who can"
        " lead incident response alone, and the interviews showed you are not there yet. Thank"
        " you for your time.",
        id="rosa-not-there-yet",
    ),
    pytest.param(
        "Ben Carter",
        "Hi Ben, the answer is no for this role: we chose a candidate with team-lead experience."
        " Thank you for the effort you put in.",
        id="ben-answer-is-no",
    ),
    pytest.param(
        "Aisha Bello",
        "Hi Aisha, we are not extending an offer. Your system design answers were too shallow"
        " for this level, because a staff role needs deep distributed-systems judgment.",
        id="aisha-too-shallow",
    ),
    pytest.param(
        "Pavel Novak",
        "Hi Pavel, after the final round we are not moving forward. Your experience is strong,"
        " but the position requires fluent German for client work, and that is firm.",
        id="pavel-fluent-german-required",
    ),
    pytest.param(
        "Noor Haddad",
        "Hi Noor, I'll be direct: you were not selected. We were looking for deeper experience"
        " with Kubernetes operators, and other finalists had it.",
        id="noor-direct",
    ),
]

# Words that look alarming out of context but describe the work, not the person.
CONTEXT = [
    pytest.param("Your talk on common stupid security mistakes was great.", id="stupid-talk"),
    pytest.param("You fixed a stupid bug in our parser quickly.", id="stupid-bug"),
    pytest.param("Your take that most TDD advice is stupid was refreshing.", id="stupid-take"),
    pytest.param("Sorry if the interview felt like a waste of time for you.", id="sorry-waste"),
    pytest.param("You disabled the flaky feature flag before anyone asked.", id="disabled-flag"),
    pytest.param("Your accessibility work for blind users stood out.", id="blind-users"),
    pytest.param("You found the race condition in our queue.", id="race-condition"),
    pytest.param("Thank you for your kind words and your body of work.", id="kind-words"),
    pytest.param("Your old team at Stripe clearly trusted you.", id="old-team"),
    pytest.param("The role requires fluent German for client calls.", id="fluent-german"),
    pytest.param("Hi Christian, thanks for your time.", id="name-christian"),
]


@pytest.mark.parametrize("message", CURT)
def test_curt_messages_are_refused(message: str) -> None:
    findings = check_message(message, door_open=True)
    assert "empty_or_curt" in errors(findings)


@pytest.mark.parametrize("message", DISPARAGING)
def test_disparaging_messages_are_refused(message: str) -> None:
    findings = check_message(message, door_open=False)
    assert "disparaging" in errors(findings)


@pytest.mark.parametrize("message", DISCRIMINATORY)
def test_discriminatory_messages_are_refused(message: str) -> None:
    findings = check_message(message, door_open=False)
    assert "discriminatory" in errors(findings)


@pytest.mark.parametrize("message", DOOR_SLAMMED)
def test_door_slamming_messages_are_refused(message: str) -> None:
    findings = check_message(message, door_open=False)
    assert "door_slammed" in errors(findings)


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Please don't hesitate to reach out.", id="dont-hesitate"),
        pytest.param("No need to reply to this email.", id="no-need-to-reply"),
        pytest.param("You don't need to reapply: your application stays on file.", id="on-file"),
        pytest.param("Feel free to contact me if you'd like feedback.", id="feel-free"),
        pytest.param("We will not be considering your application further.", id="polite-no"),
        pytest.param("I never like sending these emails.", id="own-reluctance"),
    ],
)
def test_kind_words_about_contact_do_not_slam_the_door(sentence: str) -> None:
    message = f"Hi Juan, we chose another candidate with more Go experience. {sentence}"
    assert "door_slammed" not in codes(check_message(message, door_open=False))


@pytest.mark.parametrize(
    "message",
    [
        pytest.param("Congratulations on the new baby! There is no rush to reply.", id="baby"),
        pytest.param("We were happy to move the calls around Ramadan.", id="ramadan"),
        pytest.param("Your talk at the Women in Data meetup is how we found you.", id="meetup"),
        pytest.param("You explained the man-in-the-middle attack well.", id="mitm"),
        pytest.param("Your experience is with older versions of Angular.", id="older-versions"),
        pytest.param("You retired a legacy service at your last job.", id="retired-service"),
        pytest.param("Our parent company froze hiring.", id="parent-company"),
        pytest.param("The role builds medical device software.", id="medical-device"),
    ],
)
def test_personal_words_that_are_not_a_reason_are_not_discriminatory(message: str) -> None:
    assert "discriminatory" not in codes(check_message(message, door_open=True))


@pytest.mark.parametrize(("name", "message"), RESPECTFUL)
def test_respectful_messages_pass_without_warnings(name: str, message: str) -> None:
    assert check_message(message, door_open=True, candidate_name=name) == []


@pytest.mark.parametrize(("name", "message"), RESPECTFUL)
def test_respectful_messages_pass_without_a_candidate_name(name: str, message: str) -> None:
    assert check_message(message, door_open=True) == []


@pytest.mark.parametrize(("name", "message"), FIRM)
def test_firm_messages_have_no_error_and_give_a_reason(name: str, message: str) -> None:
    findings = check_message(message, door_open=False, candidate_name=name)
    assert codes(findings) == []


@pytest.mark.parametrize(("name", "message"), FIRM)
def test_firm_messages_with_door_open_are_only_coached(name: str, message: str) -> None:
    findings = check_message(message, door_open=True, candidate_name=name)
    assert codes(findings) == ["door_not_open"]


@pytest.mark.parametrize("message", CONTEXT)
def test_words_about_the_work_are_not_disparaging(message: str) -> None:
    # Some of these lone sentences are curt as whole notes; what matters is the wording.
    found = set(errors(check_message(message, door_open=True)))
    assert not found & {"disparaging", "discriminatory", "door_slammed"}


def test_the_corpus_is_big_enough() -> None:
    assert len(CURT) >= 8
    assert len(DISPARAGING) >= 12
    assert len(RESPECTFUL) >= 10
    assert len(FIRM) >= 6
    assert len(DISCRIMINATORY) >= 12
    assert len(DOOR_SLAMMED) >= 5


# --- empty_or_curt and disparaging details -----------------------------------------------------


def test_a_long_polite_refusal_is_not_curt() -> None:
    message = "Thank you for your time. We will not be moving forward with your application."
    assert "empty_or_curt" not in codes(check_message(message, door_open=False))


def test_a_short_kind_refusal_with_a_reason_is_not_curt() -> None:
    message = "Hi Sam, thank you for your patience: the role was filled by an internal candidate."
    assert "empty_or_curt" not in codes(check_message(message, door_open=False))


@pytest.mark.parametrize(
    "message",
    [
        pytest.param("No: the role was filled.", id="bare-fact"),
        pytest.param("Position filled.", id="position-filled"),
        pytest.param("We have gone another way.", id="another-way"),
        pytest.param("You didn't make the cut. Good luck.", id="good-luck-sign-off"),
        pytest.param("Not strong enough, sorry.", id="not-strong-enough"),
    ],
)
def test_a_cold_one_liner_is_curt_even_with_a_fact_or_a_sign_off(message: str) -> None:
    assert "empty_or_curt" in errors(check_message(message, door_open=False))


def test_a_short_message_that_also_slams_the_door_gets_both_findings() -> None:
    assert errors(check_message("Don't apply again.", door_open=False)) == [
        "empty_or_curt",
        "door_slammed",
    ]


def test_a_long_enough_message_that_slams_the_door_is_not_also_curt() -> None:
    message = (
        "Hi Ana, thank you for your time. We chose a candidate with more Go experience, which "
        "the role needs. Please don't apply again."
    )
    assert errors(check_message(message, door_open=False)) == ["door_slammed"]


def test_a_short_kind_hold_note_is_not_curt() -> None:
    findings = check_message("Hi Ana, we'll keep you in mind.", door_open=True)
    assert errors(findings) == []


def test_disparaging_detail_quotes_the_wording() -> None:
    (finding,) = [
        f for f in check_message("You seemed clueless.", door_open=False) if f.code == "disparaging"
    ]
    assert finding.code == "disparaging"
    assert '"You seemed clueless"' in finding.detail


# --- no_reason ---------------------------------------------------------------------------------


def test_no_reason_when_the_message_gives_none() -> None:
    message = (
        "Hi Juan, thank you for your time. We will not be moving forward. Let's keep in touch."
    )
    assert codes(check_message(message, door_open=True)) == ["no_reason"]


@pytest.mark.parametrize(
    "reason",
    [
        pytest.param("because the role is mostly frontend work", id="because"),
        pytest.param("as we need someone on site", id="as-we"),
        pytest.param("since the role changed", id="since"),
        pytest.param("due to a reorganisation", id="due-to"),
        pytest.param("and we decided to hire internally", id="we-decided"),
        pytest.param("and the role requires on-call experience", id="role-requires"),
        pytest.param("and we were looking for more Rust experience", id="looking-for"),
        pytest.param("and we chose another candidate", id="chose-another"),
        pytest.param("and the timing is wrong for us", id="timing"),
        pytest.param("and the budget was cut", id="budget"),
    ],
)
def test_no_reason_is_absent_when_a_reason_is_given(reason: str) -> None:
    message = f"Hi Juan, we will not be moving forward {reason}."
    assert "no_reason" not in codes(check_message(message, door_open=False))


def test_as_soon_as_is_not_a_reason() -> None:
    message = "Hi Juan, we are not moving forward. I will write as soon as we open a new role."
    assert "no_reason" in codes(check_message(message, door_open=True))


# --- impersonal --------------------------------------------------------------------------------

BODY = " we chose another candidate with more Go experience. Let's keep in touch."


@pytest.mark.parametrize(
    "message",
    [
        pytest.param("Hi Juan," + BODY, id="first-name"),
        pytest.param("hi juan," + BODY, id="lower-case"),
        pytest.param("Dear Juan Pérez," + BODY, id="full-name"),
        pytest.param("Thanks, Juan:" + BODY, id="name-not-in-greeting"),
    ],
)
def test_impersonal_is_absent_when_the_name_appears(message: str) -> None:
    assert check_message(message, door_open=True, candidate_name="Juan Pérez") == []


@pytest.mark.parametrize(
    "message",
    [
        pytest.param("Dear candidate," + BODY, id="dear-candidate"),
        pytest.param("Hi Juana," + BODY, id="other-name"),
        pytest.param("Thank you," + BODY, id="no-greeting"),
    ],
)
def test_impersonal_when_the_name_is_missing(message: str) -> None:
    findings = check_message(message, door_open=True, candidate_name="Juan Pérez")
    assert codes(findings) == ["impersonal"]
    assert "Juan" in findings[0].detail


@pytest.mark.parametrize(
    "message",
    [
        pytest.param("Hi Juan," + BODY, id="hi-name"),
        pytest.param("Hello Ana," + BODY, id="hello-name"),
        pytest.param("Dear Ms. Okafor," + BODY, id="dear-title"),
    ],
)
def test_a_named_greeting_is_personal_without_a_candidate_name(message: str) -> None:
    assert "impersonal" not in codes(check_message(message, door_open=True))


@pytest.mark.parametrize(
    "message",
    [
        pytest.param("Dear candidate," + BODY, id="dear-candidate"),
        pytest.param("To whom it may concern," + BODY, id="to-whom"),
        pytest.param("Hi there," + BODY, id="hi-there"),
        pytest.param("Hi," + BODY, id="bare-hi"),
        pytest.param("Unfortunately," + BODY, id="no-greeting"),
    ],
)
def test_a_generic_greeting_is_impersonal_without_a_candidate_name(message: str) -> None:
    assert codes(check_message(message, door_open=True)) == ["impersonal"]


def test_a_blank_candidate_name_falls_back_to_the_greeting() -> None:
    assert check_message("Hi Juan," + BODY, door_open=True, candidate_name="  ") == []


# --- door_not_open -----------------------------------------------------------------------------

CLOSED = "Hi Juan, we chose another candidate with more Go experience. Thank you again."


def test_door_not_open_when_the_door_is_open_but_unsaid() -> None:
    assert codes(check_message(CLOSED, door_open=True)) == ["door_not_open"]


def test_door_not_open_is_absent_when_the_door_is_closed() -> None:
    assert check_message(CLOSED, door_open=False) == []


def test_future_endeavours_does_not_open_the_door() -> None:
    message = "Hi Juan, we chose another candidate. Best of luck in your future endeavours."
    assert codes(check_message(message, door_open=True)) == ["door_not_open"]


@pytest.mark.parametrize(
    "phrase",
    [
        "Let's keep in touch.",
        "I hope to stay in touch.",
        "We may have a fit in the future.",
        "Feel free to reach out any time.",
        "Our door is open.",
        "I'd like to reconnect next spring.",
        "I'll tell you about other roles.",
        "We will keep you in mind.",
        "We will revisit this in June.",
        "I'd be glad to hear from you.",
        "I will get back to you in March.",
        "We hope to talk again.",
        "I'll write when a data role opens up.",
    ],
)
def test_door_not_open_is_absent_when_the_message_says_so(phrase: str) -> None:
    message = f"Hi Juan, we chose another candidate with more Go experience. {phrase}"
    assert check_message(message, door_open=True) == []


# --- Shape of the findings ---------------------------------------------------------------------


def test_findings_come_errors_first_in_a_stable_order_each_once_per_sentence() -> None:
    message = "No, you idiot, you idiot. You are too old. Don't apply again."
    findings = check_message(message, door_open=True, candidate_name="Juan")
    assert codes(findings) == [
        "empty_or_curt",
        "disparaging",
        "discriminatory",
        "door_slammed",
        "no_reason",
        "impersonal",
        "door_not_open",
    ]
    assert [f.severity for f in findings] == ["error"] * 4 + ["warning"] * 3


def test_the_same_message_gives_the_same_findings() -> None:
    message = "Your accent and your age were a problem."
    assert check_message(message, door_open=True) == check_message(message, door_open=True)


def test_several_rules_in_one_sentence_give_one_finding_per_code() -> None:
    message = "You are lazy, too old, and your accent is odd."
    findings = check_message(message, door_open=False)
    assert codes(findings).count("disparaging") == 1
    assert codes(findings).count("discriminatory") == 1


def test_each_offending_sentence_gets_its_own_finding() -> None:
    message = "You seemed clueless. Honestly, you were lazy too."
    spans = [f.span for f in check_message(message, door_open=False) if f.code == "disparaging"]
    assert spans == [(0, 19), (31, 44)]


# --- Spans and suggestions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "code", "underlined"),
    [
        pytest.param("Hi José, you seemed clueless.", "disparaging", "you seemed clueless", id="é"),
        pytest.param(
            "Hi Zoë — thanks.  We’d rather hire someone younger.",
            "discriminatory",
            "younger",
            id="spaces-and-curly-quotes",
        ),
        pytest.param(
            "Thank you, Ana. Please DON'T\ncontact us again.",
            "door_slammed",
            "DON'T\ncontact",
            id="newline-and-case",
        ),
    ],
)
def test_the_span_underlines_the_wording_in_the_original_message(
    message: str, code: str, underlined: str
) -> None:
    (finding,) = [f for f in check_message(message, door_open=False) if f.code == code]
    assert finding.span is not None
    start, end = finding.span
    assert message[start:end] == underlined


def test_whole_message_findings_have_no_span() -> None:
    findings = check_message("Position filled.", door_open=True, candidate_name="Juan")
    assert {f.code: f.span for f in findings} == {
        "empty_or_curt": None,
        "impersonal": None,
        "door_not_open": None,
    }


def test_impersonal_underlines_a_generic_greeting() -> None:
    message = "Dear candidate," + BODY
    (finding,) = check_message(message, door_open=True, candidate_name="Juan Pérez")
    assert finding.span is not None
    assert message[finding.span[0] : finding.span[1]] == "Dear candidate,"
    assert "Hi Juan," in finding.suggestion


def test_curt_suggestion_is_a_full_respectful_note() -> None:
    (finding, *_) = check_message("No.", door_open=True, candidate_name="Juan Pérez")
    assert finding.suggestion.startswith("Hi Juan, thank you")
    assert "stay in touch" in finding.suggestion


ALL_MESSAGES = [
    pytest.param(p.values[-1], id=p.id)
    for p in CURT + DISPARAGING + DISCRIMINATORY + DOOR_SLAMMED + CONTEXT
] + [pytest.param(p.values[-1], id=p.id) for p in RESPECTFUL + FIRM]


@pytest.mark.parametrize("message", ALL_MESSAGES)
def test_each_detail_is_one_plain_sentence_with_a_suggestion(message: str) -> None:
    for finding in check_message(message, door_open=True, candidate_name="Juan"):
        assert finding.code in ERROR_CODES + WARNING_CODES
        assert finding.severity == ("error" if finding.code in ERROR_CODES else "warning")
        detail = finding.detail
        assert detail.strip() == detail and detail[0].isupper() and detail.endswith(".")
        assert "\n" not in detail and ". " not in detail
        assert finding.suggestion.strip() and finding.suggestion[0].isupper()


def test_findings_are_immutable() -> None:
    (finding, *_) = check_message("No.", door_open=False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.code = "other"  # type: ignore[misc]


# --- Contempt at sentence level, and findings together -------------------------------------------


@pytest.mark.parametrize(
    ("message", "underlined"),
    [
        pytest.param(
            "Dear Mark, every interviewer noted how arrogant you were.", "arrogant", id="trait"
        ),
        pytest.param("Hi BrightPath, the people you send are useless.", "useless", id="agency"),
        pytest.param("Your code was laughably bad, and the team agreed.", "laughably", id="adverb"),
        pytest.param("The last three people you sent were a joke.", "a joke", id="a-joke"),
        pytest.param(
            "Thanks Leo. Your design exercise looked thoughtless.", "thoughtless", id="tl"
        ),
        pytest.param("Hi Jo, your sloppy slides lost the room.", "sloppy", id="your-adjective"),
    ],
)
def test_a_word_of_contempt_in_a_sentence_about_the_person_is_disparaging(
    message: str, underlined: str
) -> None:
    (finding,) = [f for f in check_message(message, door_open=False) if f.code == "disparaging"]
    assert finding.span is not None
    assert message[finding.span[0] : finding.span[1]] == underlined
    assert f'"{underlined}"' in finding.detail
    assert finding.suggestion.startswith("Say what the work lacked")


@pytest.mark.parametrize(
    "message",
    [
        pytest.param("Hi Ana, you were never rude, just quiet on the system design.", id="negated"),
        pytest.param("I'm sorry our scheduling was such a mess on our side.", id="own-fault"),
        pytest.param("Apologies, Sam: our process was sloppy and you deserved better.", id="sorry"),
        pytest.param("Your talk on dumb mistakes in distributed locking was sharp.", id="praise"),
        pytest.param("It was a lazy Friday afternoon call but you made it fun.", id="fun"),
        pytest.param("Your demo of lazy loading in the catalogue was clear.", id="tech-term"),
        pytest.param("Thank you for the chat; the rubbish weather was not your fault.", id="other"),
    ],
)
def test_a_word_of_contempt_not_aimed_at_the_person_is_not_disparaging(message: str) -> None:
    assert "disparaging" not in codes(check_message(message, door_open=False))


@pytest.mark.parametrize(
    ("message", "code", "underlined", "advice"),
    [
        pytest.param(
            "Hi Tom, we decided not to proceed: a wheelchair user would struggle here.",
            "discriminatory",
            "a wheelchair user would",
            "disability or health",
            id="wheelchair",
        ),
        pytest.param(
            "We're hoping to hire someone with a bit more youthful drive.",
            "discriminatory",
            "youthful",
            "age",
            id="youthful",
        ),
        pytest.param(
            "Our Gulf clients prefer to deal with men.",
            "discriminatory",
            "with men",
            "sex or gender",
            id="men",
        ),
        pytest.param(
            "Any attempt to contact the panel will be ignored.",
            "door_slammed",
            "Any attempt to contact the panel will be ignored",
            "",
            id="attempt",
        ),
    ],
)
def test_new_findings_underline_their_wording_and_name_the_characteristic(
    message: str, code: str, underlined: str, advice: str
) -> None:
    (finding,) = [f for f in check_message(message, door_open=False) if f.code == code]
    assert finding.span is not None
    assert message[finding.span[0] : finding.span[1]] == underlined
    assert advice in finding.detail
    assert finding.suggestion


def test_a_short_insult_is_refused_as_disparaging_and_as_curt() -> None:
    findings = check_message("Your work was sloppy and lazy.", door_open=False)
    assert errors(findings) == ["empty_or_curt", "disparaging"]
    curt, disparaging = findings[:2]
    assert curt.span is None and curt.suggestion.startswith("Hi <name>, thank you")
    assert disparaging.span == (0, 29)


@pytest.mark.parametrize(
    "message",
    [
        pytest.param(
            "Hi Nell, thank you. The hiring manager is on parental leave, so we're pausing the "
            "role until May; I'll write to you then.",
            id="manager-on-leave",
        ),
        pytest.param(
            "Hi Sam, I'm fasting this week, so could we move our call to the morning?",
            id="manager-fasting",
        ),
    ],
)
def test_a_characteristic_on_the_organisations_side_is_not_a_reason(message: str) -> None:
    assert "discriminatory" not in codes(check_message(message, door_open=True))


def test_a_team_described_by_a_characteristic_is_still_discriminatory() -> None:
    message = "Hi Nina, our team is all men and we felt it would be awkward for you."
    assert "discriminatory" in codes(check_message(message, door_open=False))


# --- Mechanisms added after dev_7 --------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        pytest.param("Thanks so much. Not this time, but it was a pleasure.", id="pleasure"),
        pytest.param("Not this round, but you made it tough. Thank you!", id="made-it-tough"),
        pytest.param("So sorry it's not a yes. You were a pleasure to meet.", id="sorry-pleasure"),
    ],
)
def test_a_short_refusal_with_warmth_of_its_own_is_not_curt(message: str) -> None:
    assert errors(check_message(message, door_open=False)) == []


@pytest.mark.parametrize(
    "message",
    [
        pytest.param("I hope your family settles in well after the move.", id="hope-family"),
        pytest.param("Happy Diwali to you and your family!", id="diwali"),
        pytest.param("We offer full parental leave, so please do apply again.", id="we-offer"),
        pytest.param("You mentioned your wedding is next month. Congratulations!", id="news"),
        pytest.param("A few tickets were hard to pick up after the handover.", id="pick-up"),
    ],
)
def test_wishes_news_and_benefits_are_not_reasons(message: str) -> None:
    assert "discriminatory" not in codes(check_message(message, door_open=True))


def test_a_hope_about_a_religious_practice_is_a_wish_not_a_reason() -> None:
    """The words of a hope's clause ("didn't", "harder") are the wish; they were read as the
    fast weighed against the person."""
    kind = (
        "Hi Amira, thank you for coming in on Thursday. I hope the interview didn't make your "
        "Ramadan fast any harder. We'll be in touch next week with the outcome."
    )
    assert errors(check_message(kind, door_open=True, candidate_name="Amira")) == []
    wish = "I hope the interview didn't make your Ramadan fast any harder."
    assert "discriminatory" not in codes(check_message(wish, door_open=True))
    # A reason weighed after the wish is still a reason.
    weighed = f"{wish[:-1]}, but we need someone who can work through lunch."
    assert "discriminatory" in codes(check_message(weighed, door_open=False))
    # So is a hope that the person accepts it.
    accepts = "I hope you understand that with your Ramadan fast the role would be too hard."
    assert "discriminatory" in codes(check_message(accepts, door_open=False))


@pytest.mark.parametrize(
    "message",
    [
        pytest.param(
            "As you asked, we've paused your application until you're back from parental leave.",
            id="request-granted",
        ),
        pytest.param(
            "You told us you'd prefer school hours around your children; unfortunately this role "
            "needs someone in the office until 5:30.",
            id="working-pattern-asked",
        ),
        pytest.param(
            "Of course we understand that you need to care for your father right now.",
            id="understanding",
        ),
    ],
)
def test_the_persons_own_request_or_need_met_with_understanding_is_not_a_reason(
    message: str,
) -> None:
    assert "discriminatory" not in codes(check_message(message, door_open=True))


@pytest.mark.parametrize(
    "message",
    [
        pytest.param(
            "You told us you'd prefer school hours around your children, so we decided to go "
            "with someone else.",
            id="request-then-decision",
        ),
        pytest.param(
            "We understand you have young children, but the role needs a lot of travel.",
            id="understanding-then-weighed",
        ),
    ],
)
def test_a_request_or_understanding_followed_by_a_weighing_is_still_a_reason(message: str) -> None:
    assert "discriminatory" in codes(check_message(message, door_open=False))


@pytest.mark.parametrize(
    "message",
    [
        pytest.param("Our other finalist ran rings around you in every exercise.", id="rings"),
        pytest.param("We went with someone who can actually write a SQL query.", id="actually"),
        pytest.param("I'm sure you'll find a better match for your... talents.", id="ellipsis"),
        pytest.param("Good effort for someone at your stage.", id="your-stage"),
        pytest.param("Your answers were pretty clueless tbh.", id="predicate-then-tag"),
        pytest.param("You were the weakest contractor we've had on this team.", id="ranked-last"),
    ],
)
def test_belittling_shapes_are_disparaging(message: str) -> None:
    assert "disparaging" in codes(check_message(message, door_open=False))


@pytest.mark.parametrize(
    "message",
    [
        pytest.param("We went with someone who has actually shipped a payments product.", id="a"),
        pytest.param("We need someone who can keep up with regulatory changes.", id="keep-up"),
        pytest.param("Shame about the timing; we'd love to talk again in spring.", id="timing"),
        pytest.param("You drove four hours, which says a lot about your commitment.", id="says"),
        pytest.param("Your weakest area was testing, which the role needs daily.", id="gap"),
        pytest.param("I know this is painful news, and I'm sorry.", id="painful-news"),
        pytest.param("You left the team in far better shape than you found it.", id="better"),
        # The words of the dev_8 sarcasm and belittling constructions, meant kindly or fairly.
        pytest.param(
            "Next time, maybe prepare a short demo of your own project. We chose someone with more Go experience. Thank you, Sam.",
            id="kind-01",
        ),
        pytest.param(
            "It was brave to share your story about the career change, and we admired it. We chose a candidate with more Rust experience.",
            id="kind-02",
        ),
        pytest.param(
            "Thank you for the laughs in the interview, you were great fun. We chose a candidate with more SAP experience.",
            id="kind-03",
        ),
        pytest.param(
            "Your references were glowing, and I can only imagine how hard it was to leave your last team. We went with someone with more payroll experience.",
            id="kind-04",
        ),
        pytest.param(
            "Your CV looks like a great fit for our data team, so I've passed it to them; this role went to someone with more Scala experience.",
            id="kind-05",
        ),
        pytest.param(
            "Good news: you won't have to sit through another technical round. We'll decide by Friday.",
            id="kind-06",
        ),
        pytest.param(
            "I'm sure your family will be proud of what you've achieved. We went with someone with more audit experience.",
            id="kind-07",
        ),
        pytest.param(
            "I'm sure somewhere out there is the right role for you. We chose someone with deeper Kafka experience. Thank you.",
            id="kind-08",
        ),
        pytest.param(
            "If it helps even a little, the panel loved your portfolio. We went with someone with more motion design experience.",
            id="kind-09",
        ),
        pytest.param(
            "We hope you find a role with less pressure, as you said you wanted. Thank you for being open, Jo.",
            id="kind-10",
        ),
        pytest.param(
            "Why the budget was cut is beyond me, I'm sorry. The role is closed for now, and I'll be in touch if it reopens.",
            id="kind-11",
        ),
        pytest.param(
            "The first round was tough; the second less so. We chose a candidate with more Kotlin experience. Thank you.",
            id="kind-12",
        ),
        pytest.param(
            "Please send your claimed travel expenses to finance. We went with a candidate with more Azure experience. Thanks, Ana.",
            id="kind-13",
        ),
        pytest.param(
            "I'm genuinely curious where you go next, so keep in touch. We chose someone with more ML ops experience.",
            id="kind-14",
        ),
        pytest.param(
            "We owe you an apology for the delay. We chose a candidate with more SRE experience. Thank you, Tom.",
            id="kind-15",
        ),
        pytest.param(
            "Did you ever try the new API? We chose someone with more Go experience, but thank you for your time.",
            id="kind-16",
        ),
        pytest.param(
            "I admire the courage it took to change careers. We went with someone with more accounting experience. Thank you.",
            id="kind-17",
        ),
        pytest.param(
            "Sorry the team is still recovering from the outage, which slowed us down. We chose someone with more on-call experience.",
            id="kind-18",
        ),
        pytest.param(
            "I'll keep it simple so you can plan: we chose someone else with more React experience, and I'm grateful for your time.",
            id="kind-19",
        ),
        pytest.param(
            "You may never be asked to travel in the next role, but this one needs it weekly, so we chose someone who can. Thanks.",
            id="kind-20",
        ),
        pytest.param(
            "You seemed to need more time on the exercise, which is fair; the role needs fast incident response, so we chose someone else.",
            id="kind-21",
        ),
        pytest.param(
            "Your answers were below what you'd expect from a senior engineer on caching. We chose someone with more Redis experience. Thank you.",
            id="kind-22",
        ),
        pytest.param(
            "Shame it didn't work out this time! Thank you for your time, and good luck, Raj.",
            id="kind-23",
        ),
        pytest.param(
            "People like her are hard to find, and we'd hire her in a heartbeat for the next role; this one needed Java. Please tell Mia.",
            id="kind-24",
        ),
        pytest.param(
            "We've had better luck recruiting from our alumni network for this role, so we went with a referral. Thank you for applying.",
            id="kind-25",
        ),
        pytest.param(
            "As a student, you did remarkable work on the thesis. We chose a candidate with more industry experience. Thank you.",
            id="kind-26",
        ),
        pytest.param(
            "You sounded like someone who really knows payments. In the end we chose a candidate with more fraud experience. Thanks.",
            id="kind-27",
        ),
        pytest.param(
            "Your background sounds like a good match for our platform team; this role went to someone with more Terraform. Thank you.",
            id="kind-28",
        ),
        pytest.param(
            "Your design was creative, in the sense that it used an unusual queue. The role went to someone with more Kafka experience. Thank you.",
            id="kind-29",
        ),
        pytest.param(
            "Your refactor was a great example of how not to over-engineer, and we liked it. We chose someone with more Go experience. Thank you.",
            id="kind-30",
        ),
        pytest.param(
            "Knowing the syntax isn't the same as understanding the design, and the exercise showed gaps in the design. We chose someone else. Thank you.",
            id="kind-31",
        ),
    ],
)
def test_the_same_words_in_fair_or_kind_sentences_pass(message: str) -> None:
    assert "disparaging" not in codes(check_message(message, door_open=False))


@pytest.mark.parametrize(
    "message",
    [
        # Words the dev_17 … dev_21 rounds read as contempt, coded reasons or closed doors,
        # in the kind sentences a manager also writes.
        "Hi Ana, we know how seriously you take patient safety, and it showed. We chose a nurse "
        "with more ICU experience this time, and I'd be glad to stay in touch.",
        "Hi Tom, you only learned to code this year, which makes your progress impressive. We "
        "chose someone with more production experience for this role; please keep in touch.",
        "Hi Priya, thanks for the three profiles. Feel free to send us anyone who fits the "
        "brief; this time we chose a candidate with more SAP experience.",
        "Hi Leo, we chose a candidate with more B2B experience. Our replies are sometimes "
        "marked as spam by some providers, so do check your junk folder if you write back; I'd "
        "be glad to hear from you.",
        "Hi Sam, thank you for the interview. We chose a candidate with more SQL experience "
        "this time, and you will be invited to future recruitment events for the data team.",
        "Hi Mia, we wondered if you'd ever considered contract work with us. For this permanent "
        "role we chose a candidate with more Kubernetes experience, but I'd love to talk about "
        "contracts.",
        "Hi Jonas, thank you for the pitch. Your logo concepts were not the look we were going "
        "for on this brief, so we chose a studio with more packaging work; we'd welcome a pitch "
        "next year.",
        "Hi Ana, thank you for applying. This contract requires the right to stay in the "
        "country for its full two years, which your current visa does not cover; we'd be glad "
        "to hear from you if that changes.",
        "Hi Noor, your portfolio includes strong work for the make-up brand campaign. We chose "
        "an artist with more editorial experience this time; please stay in touch.",
        # Words the dev_22 … dev_26 rounds added, in kind sentences (each caught before the
        # rounds' constructions were narrowed).
        "Hi Ada, your brand designs match our look and feel beautifully. We chose a designer "
        "with more motion work this time; I'd love to stay in touch.",
        "Hi Ben, you'd fit in well with a young company like ours. We chose a candidate with "
        "more Go experience this time, and I'll reach out when the next role opens.",
        "Hi Cleo, nobody wanted this outcome less than I did. We chose a candidate with more "
        "audit experience; please keep in touch.",
        "Hi Dev, the vacancy is now closed to any further applications, and we chose a "
        "candidate with more retail experience. I'd be glad to hear from you for the next one.",
        "Hi Eve, I'll remember this conversation for a long time. We chose a candidate with "
        "more Rust experience, and I'll contact you when the platform role opens.",
        "Hi Finn, I'm sorry it isn't going to happen here this time: we chose a candidate with "
        "more SRE experience. Please keep in touch.",
        "Hi Gia, we've pinned your thank-you card on the wall by reception. We chose a "
        "candidate with more B2B experience this time; please stay in touch.",
        "Hi Hal, watching your demo was like watching someone who has done this for years. We "
        "chose a candidate with more healthcare experience; I'd like to stay in touch.",
        "Hi Ivy, you joked that your cat reviews your code, which the panel loved. We chose a "
        "candidate with more Swift experience; please apply again.",
        "Hi Jay, you learned your Python from YouTube, which makes your progress impressive. "
        "We chose a candidate with more Django experience; please keep in touch.",
        "Hi Kim, your retro board has become office legend, thank you. Your interim contract "
        "ends Friday as planned, and we'd love to work with you again.",
        # The dev_27 round's (the first refused before the round, the others by its first
        # drafts).
        "Hi Gabriel, your latte art session was a highlight of our week. We filled the role "
        "with someone who has more training experience, and I'll reach out when another opens.",
        "Hi Tom, the first month was a bump in the road for the team, not for you. We chose a "
        "candidate with more payroll experience; I'll be in touch about the spring roles.",
        "Hi Rae, a hard hat or other head covering is required on site, and we'll provide one. "
        "We chose a candidate with a crane ticket; I'll reach out when the next site opens.",
        "Hi Ola, you can take the test sitting in your chair at home by video if you prefer. We "
        "have paused the role until March because the budget was cut, and I'll write again then.",
        # The dev_28 round's (refused by its first draft).
        "Hi Mo, the onboarding guide was written by a child psychologist, and your notes on it "
        "were sharp. We chose a candidate with more clinical experience; I'll reach out when a "
        "role opens.",
        # The dev_29 round's (refused by its first drafts).
        "Hi Kai, congrats on managing to ship the launch despite the outage, and on breaking "
        "the sales record. We chose a candidate with more B2B experience; I'll be in touch.",
        "Hi Zoe, you've worked with organisations like children's hospitals, which we admire. "
        "We chose a candidate with more grant-writing experience; please stay in touch.",
        "Hi Ben, your little speech at the end of the trial day was lovely. We chose a baker "
        "with more pastry experience, and I'll reach out when the next role opens.",
        "Hi Ava, the role needs someone who can use simple words with patients, and your "
        "answers did that well. We chose a nurse with more ward experience; I'll be in touch.",
        # The dev_30 round's.
        "Hi Lee, your dashboard redesign is far easier on the eye, thank you. We chose a "
        "candidate with more SQL experience; I'll be in touch when the next role opens.",
        "Hi Ana, you don't need to reapply for the Leeds post: I've moved your application to the "
        "York one, which suits your experience better.",
        # The dev_31 round's.
        "Hi Sam, as you spotted, our office kettle is older than the company itself! We chose a "
        "candidate with more payroll experience; I'll be in touch when the next role opens.",
        "Hi Lu, the wedding shoot in your portfolio was lovely. We chose a photographer with more "
        "studio experience, and I'll reach out when the next project comes up.",
        # The dev_32 round's.
        "Hi Ola, the café's sourdough is held together by hope and flour, as you joked! We "
        "chose a baker with more pastry experience; I'll be in touch when a role opens.",
        # The dev_33 round's.
        "Hi Dan, your confidence never came across as arrogant. We chose a candidate with more "
        "Rust experience; I'll be in touch when the next role opens.",
        "Hi Mia, your age didn't count against you. The gap was the maths test, and you can "
        "retake it in two months; I'll write to you then.",
        # The dev_34 round's.
        "Hi Ana, it was close, and your portfolio was the most accomplished for its range. We "
        "chose a designer with more print experience; I'll be in touch about the spring brief.",
        # The dev_36 round's.
        "Hi Rui, your mum's advice to bring a portfolio paid off, thank you. We chose a "
        "candidate with more Figma experience; I'll be in touch when the next role opens.",
        "Hi Ada, the app is aimed at young children, and the role needs early-years teaching "
        "experience, which the successful candidate has. Please do stay in touch.",
        "Hi Jo, thank you for the quote, which is good for 45 days. We chose a supplier with "
        "more cold-chain experience, and I'll be in touch about the spring tender.",
        # The dev_37 round's.
        "Hi Leo, your deck was heavy on visuals and light on the numbers behind them, which is "
        "what our buyers ask for first. I'd be glad to see your next one.",
        "Hi Ana, we chose a candidate with more experience in hospital procurement. Your "
        "supplier audit was excellent, and I'll be in touch when the next role opens.",
        "Hi Raj, our clients are quite traditional in their procurement, so we chose the bid "
        "with the longer warranty. I'd be glad to see your next proposal.",
        "Hi Eva, further applications won't be reviewed until the spring, when the budget is "
        "set. Yours was strong, and I'll write to you then.",
        # The dev_38 round's.
        "Hi Kai, thank you for telling us about your anxiety; we'd happily have accommodated "
        "that. We chose a candidate with more Python experience; I'll be in touch.",
        "Hi Tom, you'll be expecting our decision this week, so here it is: we chose a "
        "candidate with more SAP experience. I'll be in touch about the spring role.",
        "Hi Ben, no further action is required on your part: we chose a candidate with more "
        "CAD experience, and I'll be in touch when the next role opens.",
        "Hi Jo, you gave it your all in the case study, and it showed. We chose a candidate "
        "with more retail experience; I'll be in touch about the spring role.",
        # The dev_39 round's.
        "Hi Diego, bad news dressed in a nice suit: the budget is frozen until June. I'll be in "
        "touch then, and thank you for your patience.",
        "Hi Ana, staff adoption was under 30% after eight weeks, so we won't roll out the "
        "software. Thank you for the support your team gave during the pilot.",
        "Hi Sam, I'd recommend not applying for the data role, which needs five years of Spark, "
        "but the analyst post next month fits your experience well; please do apply.",
        "Hi Lee, our decision is final for this round, but the spring round opens in March and "
        "I'd be glad to see your application then.",
    ],
)
def test_this_rounds_words_in_kind_sentences_are_not_refused(message: str) -> None:
    assert [f.code for f in check_message(message, door_open=True) if f.severity == "error"] == []


@pytest.mark.parametrize(
    "message",
    [
        pytest.param("It would be best for both of us if you didn't apply here again.", id="best"),
        pytest.param("Respectfully, this door is closed for good.", id="for-good"),
        pytest.param(
            "We won't be engaging you again, so there's no need to stay in touch.", id="e"
        ),
        pytest.param("Please do not put this candidate forward for our roles again.", id="agency"),
        pytest.param("Please note you are not eligible for rehire in any role.", id="rehire"),
        pytest.param("All future positions at our company are closed to you.", id="closed-to-you"),
        pytest.param("You will never be considered for a role here.", id="never-considered"),
    ],
)
def test_doors_closed_for_ever_are_slammed(message: str) -> None:
    assert "door_slammed" in codes(check_message(message, door_open=False))


def test_a_role_closed_permanently_is_not_a_door_slammed() -> None:
    message = "We have closed the role permanently as the team was disbanded. Thank you."
    assert "door_slammed" not in codes(check_message(message, door_open=False))
