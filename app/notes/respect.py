"""The respect check (SPEC §4): judge a note to a candidate before it is saved.

A note tells a person they were declined, put on hold or released. Errors refuse the note: an
empty message or a bare refusal, and wording that judges the person instead of the fit with the
role (insults; remarks on age, origin, language, looks or other personal traits). Warnings only
coach the manager: give a reason, use the person's name, and say the door is open when it is.

The rules are word lists and a few regexes over a normalised text. Insulting words count only
when they qualify the person ("you seemed clueless", "a lazy candidate"), so "your talk on
common stupid security mistakes was great" passes.
"""

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    detail: str


def _any(*phrases: str) -> str:
    """A non-capturing alternation of regex phrases."""
    return "(?:" + "|".join(phrases) + ")"


def _rule(pattern: str) -> re.Pattern[str]:
    """Whole words only: "fat" must not match "fatal"."""
    return re.compile(rf"\b(?:{pattern})\b")


# --- Normalisation -----------------------------------------------------------------------------

# Curly quotes become straight ones and dashes become spaces, so "you’re" and "digital-native"
# match the same rules as "you're" and "digital native".
_FLATTEN = str.maketrans({"’": "'", "‘": "'", "`": "'", "-": " ", "–": " ", "—": " ", "_": " "})


def _normalise(text: str) -> str:
    """Lower case, accents dropped ("José" → "jose"), punctuation flattened, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.lower().translate(_FLATTEN).split())


# --- empty_or_curt -----------------------------------------------------------------------------

# Words that refuse. In a short message with no reason and no open door they are all there is.
_REFUSAL = re.compile(
    r"\b(?:no|nope|nah|pass|passing|reject(?:ed)?|declin(?:e|ed)|unsuccessful"
    r"|moving on|not (?:interested|a (?:good |great |right )?fit|for us|suitable|selected|successful"
    r"|this time|now|for now))\b"
    r"|(?:\bnot|n't|\bno longer) (?:be )?(?:moving|going|proceeding)\b"
)
# A bare refusal is short: "Hi Sam, we will not be moving forward." is eight words.
_CURT_MAX_WORDS = 8


# --- disparaging -------------------------------------------------------------------------------

# Words that insult or demean. Critique of the work ("sloppy", "shallow") is not on the list.
_INSULT_ADJ = _any(
    "stupid", "dumb", "idiotic", "moronic", "incompetent", "lazy", "useless", "clueless",
    "pathetic", "arrogant", "weird", "creepy", "hopeless", "worthless", "ignorant", "lame",
    "boring", "annoying", "obnoxious", "brainless", "inept", "unintelligent",
)  # fmt: skip
_INSULT_NOUN = _any(
    "idiot", "moron", "fool", "loser", "clown", "imbecile", "joke", "dummy", "weirdo", "creep",
    "dinosaur",
) + "s?"  # fmt: skip
_INSULT = _any(_INSULT_ADJ, _INSULT_NOUN)
# Words that may sit between "you were" and the insult: "you were, frankly, a bit lazy".
_FILLER = _any(
    "so", "very", "really", "quite", "a", "an", "the", "bit", "little", "rather", "such", "too",
    "kind", "sort", "of", "somewhat", "just", "extremely", "totally", "completely", "utterly",
    "absolute", "absolutely", "complete", "total", "real", "frankly", "honestly", "simply",
    "plain", "incredibly", "fairly", "slightly", "kinda", "pretty", "genuinely", "most", "more",
    "clearly", "obviously", "basically", "definitely",
)  # fmt: skip
_FILLERS = rf"(?:,? {_FILLER})*,?"
# "you are", "you seemed", "you came across as", "we found you" ...: what follows describes you.
_YOU_ARE = _any(
    r"you(?:'re| are| were| seem(?:ed)?| sound(?:ed)?| look(?:ed)?| appear(?:ed)?"
    r"| c[oa]me across as| act(?:ed)?(?: like)?| behaved like| struck (?:us|me) as| felt)",
    r"(?:found|find|thought|considered) you(?: to be)?",
)
# Nouns for a person (or their manner), so "a lazy candidate" is about someone.
_PERSON = _any(
    "candidate", "person", "people", "guy", "man", "woman", "girl", "individual", "applicant",
    "developer", "engineer", "designer", "interviewee", "hire", "personality", "attitude",
    "character", "fellow", "kid", "employee", "worker", "programmer", "coder",
) + "s?"  # fmt: skip
# Being a nationality, a faith or a condition: "you are Nigerian", "being deaf".
_BEING = r"(?:you(?:'re| are| were)|being) (?:an? )?"

_DISPARAGING: tuple[re.Pattern[str], ...] = (
    # Insults -------------------------------------------------------------------------------
    # An insult as what the person is or seemed: "you seemed clueless", "we found you lazy".
    _rule(rf"{_YOU_ARE}{_FILLERS} {_INSULT}"),
    # Name-calling: "you idiot", "you absolute clown".
    _rule(rf"you(?: {_FILLER})* {_INSULT_NOUN}"),
    # An insult qualifying a person: "a lazy candidate", "such an arrogant person".
    _rule(rf"{_INSULT_ADJ} {_PERSON}"),
    # An insult qualifying the person's own answers or manner: "your answers were stupid",
    # "your answer to the question was stupid", "your stupid questions". "Your talk on common
    # stupid mistakes" does not qualify the talk, nor "your take that TDD is stupid" (a clause).
    _rule(
        rf"your (?:(?!(?:that|why|how|which|what|whether|who)\b)[a-z']+ ){{1,5}}"
        rf"(?:is|was|are|were|seem(?:ed)?|sound(?:ed)?|felt){_FILLERS} {_INSULT}"
    ),
    _rule(rf"your(?: {_FILLER})* {_INSULT_ADJ}"),
    # Meeting the person called a waste, unless the manager is sorry it was one for them.
    _rule(r"waste of (?:(?:our|my|everyone's|everybody's|the team's) )?time(?! for you)"),
    _rule(r"wasted (?:our|my|everyone's|everybody's|the team's) time"),
    # Lumping the person into a group: "you people", "people like you".
    _rule(r"you people|people like you|your kind of people"),
    # Age -------------------------------------------------------------------------------------
    # Age is never a reason to turn someone down, nor a fit for a note.
    _rule(r"too (?:old|young)|your age|years old|how old|over the hill|old timers?"),
    _rule(r"digital natives?|boomers?|millennials?|gen ?z|your generation|retirement"),
    _rule(rf"{_YOU_ARE}{_FILLERS} (?:old|older|young|younger|elderly|past it)"),
    _rule(r"someone (?:younger|older)|young (?:team|crowd|blood)|fresh blood"),
    _rule(rf"(?:older|younger|young|elderly|mature) {_PERSON}"),
    # Origin and nationality ------------------------------------------------------------------
    # Where someone comes from is no qualification; naming it in a "no" reads as the reason.
    _rule(r"your (?:nationality|ethnicity|race|heritage|origins?|roots|country|skin|passport)"),
    _rule(r"where you(?:'re| are) (?:really |originally )?from|where you come from"),
    _rule(r"country of origin|foreigners?|foreign (?:name|accent|background|candidate|worker)s?"),
    _rule(r"immigrants?|ethnic|racial|skin (?:colou?r|tone)|third world"),
    _rule(r"pronounce your name|your name is (?:hard|difficult)"),
    _rule(
        rf"{_BEING}(?:american|indian|chinese|nigerian|mexican|russian|polish|pakistani"
        r"|brazilian|african|asian|latino|latina|hispanic|arab|filipino|foreigner|immigrant)"
    ),
    # Language and accent -----------------------------------------------------------------
    # An accent or a non-native language says nothing about the work; a requirement such as
    # "the role requires fluent German" is fine and is not matched.
    _rule(r"accents?|broken english|non native|native (?:english |german |french )?speakers?"),
    _rule(r"your (?:english|german|french|spanish|grammar|pronunciation)|mother tongue"),
    _rule(
        r"(?:hard|difficult) to understand you|(?:could not|couldn't|can't|cannot) understand you"
    ),
    # Looks, weight and dress ---------------------------------------------------------------
    # Looks are not the work, and remarks on a body or clothes demean whatever their tone.
    _rule(
        r"your (?:looks|appearance|weight|outfit|clothes|clothing|attire|hair|hairstyle|haircut"
        r"|tattoos?|piercings?|beard|makeup|height|face|body(?! of work))"
    ),
    _rule(r"overweight|obese|fat|skinny|ugly|unattractive|good looking|handsome|cute|sexy"),
    _rule(r"dressed|dress code|scruffy|unkempt|grooming|well groomed|presentable|hygiene"),
    # Pregnancy, family and marital status --------------------------------------------------
    # Private and protected: never a reason, so never in the note.
    _rule(
        r"pregnan(?:t|cy)|maternity|paternity|childcare|family plans?|expecting a (?:baby|child)"
    ),
    _rule(
        r"(?:start(?:ing)?|hav(?:e|ing)|plan(?:ning)?|want(?:ing)?) (?:a family|kids|children|a baby)"
    ),
    _rule(r"your (?:kids|children|husband|wife|spouse|boyfriend|girlfriend|marriage)"),
    _rule(r"married|marital|divorced|widowed|single (?:mother|father|parent|mom|mum|dad)"),
    # Religion ------------------------------------------------------------------------------
    # Faith is private and protected; naming it in a refusal reads as the reason.
    _rule(r"religion|religious|your faith|hijab|headscarf|turban|kippah|mosque|church|synagogue"),
    _rule(r"muslim|jewish|hindu|sikh|buddhist|atheist|islamic|catholic|ramadan|sabbath"),
    _rule(rf"{_BEING}(?:christian|jew)"),  # gated: "Christian" is also a first name
    # Gender and sexuality ------------------------------------------------------------------
    # Protected traits; "a man" only where it is wanted or compared ("as a woman").
    _rule(r"gender|female|male|feminine|masculine|gay|lesbian|bisexual|transgender|sexuality"),
    _rule(r"(?:as|for|being) an? (?:woman|man|girl|lady|mother|father|mom|mum|dad)"),
    _rule(
        r"(?:want|wanted|need|needed|prefer|preferred|looking for) an? (?:man|woman|guy|girl|lady)"
    ),
    # Disability and health -----------------------------------------------------------------
    # Private and protected. "disabled", "deaf" and "blind" count only about the person:
    # "you disabled the flag" and "accessibility for blind users" are about the work.
    _rule(r"disabilit(?:y|ies)|handicap(?:ped)?|wheelchair|autis(?:m|tic)|adhd|dyslexi(?:a|c)"),
    _rule(
        r"mental (?:health|illness)|illness|medical (?:condition|history|leave)|sick (?:leave|days)"
    ),
    _rule(r"health (?:issues?|problems?|conditions?)|your (?:health|condition|stutter)"),
    _rule(rf"{_BEING}(?:disabled|deaf|blind|sick|ill|stutterer)"),
)
# How many of the offending phrases to quote back to the manager.
_MAX_QUOTES = 3


# --- no_reason ---------------------------------------------------------------------------------

# Words that carry a reason: a cause ("because", "due to"), a decision ("we decided", "chose
# another"), what the role needs, or a circumstance (timing, budget, the role closing).
_REASON = _rule(
    _any(
        r"because|since|due to|owing to|given (?:that|the|our)|so that|as a result|reasons?",
        r"(?<!soon )(?<!well )(?<!such )as (?:we|our)",  # not "as soon as we", "as well as our"
        r"decided|decision|chose|chosen|choose|went with|gone with",
        r"(?:we|role|team|position|job) (?:really )?(?:needs?|needed|requires?|required)",
        r"(?:were|are|was|am) looking for|requirements?|must have",
        r"(?:another|other) candidates?|someone (?:else|with|who)|a candidate (?:with|who|whose)",
        r"(?:closer|better|stronger) (?:match|fit)|more closely|(?:more|less) experience",
        r"did not meet|didn't meet|fell short|not enough",
        r"timing|budget|headcount|hiring freeze|funding|reorg\w*|restructur\w*|priorit(?:y|ies)",
        r"on hold|paused|closed|cancell?ed|filled|withdr[ae]w\w*",
        r"location|relocat\w*|on ?site|remote|salary|compensation",
    )
)


# --- door_not_open -----------------------------------------------------------------------------

# Phrases that leave the door open. "Thank you again" and "your future endeavours" do not.
_DOOR_OPEN = _rule(
    _any(
        r"in touch|reach out|reconnect|stay connected|touch base|circle back|contact you",
        r"future(?! endeavou?rs?| career)",  # not "good luck in your future endeavours"
        r"(?<!thanks )(?<!thank you )again",  # not "thank you again for your time"
        r"doors? (?:is |are |remains? |stays? |will stay |will remain )?open|open door",
        r"other (?:roles|openings|positions|teams)|new roles?|upcoming|reopens?",
        r"keep you in mind|on file|revisit|reapply|re apply|welcome to apply",
        r"hear from you|get back to you|let you know when",
        r"next time|down the (?:line|road)|later this year|next (?:year|quarter)",
        r"when (?:a|an|the|another|new) [a-z ]{0,40}?(?:opens|comes up|becomes available)",
    )
)


# --- impersonal --------------------------------------------------------------------------------

# Without a candidate name, a greeting followed by a name counts as personal: "Hi Juan,".
# "Dear candidate", "Hi there" and "To whom it may concern" do not.
_SALUTATION = re.compile(
    r"^(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening)) "
    r"(?!(?:candidate|applicant|sir|madam|all|there|team|everyone|friend|folks|and|hiring)\b)"
    r"[a-z]"
)


# --- The check ---------------------------------------------------------------------------------


def check_message(
    message: str, *, door_open: bool, candidate_name: str | None = None
) -> list[Finding]:
    """Judge a note message: errors (which refuse the note) first, then warnings, each once."""
    text = _normalise(message)
    words = re.findall(r"[a-z0-9']+", text)
    has_reason = _REASON.search(text) is not None
    says_door_open = _DOOR_OPEN.search(text) is not None
    findings: list[Finding] = []

    if not words:
        findings.append(
            Finding("empty_or_curt", "error", "Write a message that says what you decided and why.")
        )
    elif (
        len(words) <= _CURT_MAX_WORDS
        and _REFUSAL.search(text)
        and not has_reason
        and not says_door_open
    ):
        findings.append(
            Finding(
                "empty_or_curt",
                "error",
                "Say more than a bare refusal: thank the person and tell them what you "
                "decided and why.",
            )
        )

    quotes = _disparaging_phrases(text)
    if quotes:
        quoted = " and ".join(f'"{quote}"' for quote in quotes)
        findings.append(
            Finding(
                "disparaging",
                "error",
                f"Remove {quoted}: write about the work and what the role needs, never about "
                "the person.",
            )
        )

    if not has_reason:
        findings.append(
            Finding(
                "no_reason",
                "warning",
                "Give the reason, for example what the role needed or what you decided, so the "
                "person understands the outcome.",
            )
        )

    impersonal = _impersonal_detail(text, candidate_name)
    if impersonal is not None:
        findings.append(Finding("impersonal", "warning", impersonal))

    if door_open and not says_door_open:
        findings.append(
            Finding(
                "door_not_open",
                "warning",
                "The door is open, so say so, for example that you will keep in touch or reach "
                "out when a fitting role opens.",
            )
        )
    return findings


def _disparaging_phrases(text: str) -> list[str]:
    """The offending phrases, in rule order, each once, at most _MAX_QUOTES of them."""
    phrases: list[str] = []
    for rule in _DISPARAGING:
        match = rule.search(text)
        if match and match.group(0) not in phrases:
            phrases.append(match.group(0))
    return phrases[:_MAX_QUOTES]


def _impersonal_detail(text: str, candidate_name: str | None) -> str | None:
    """The coaching sentence when the message does not address the person, else None."""
    name = (candidate_name or "").strip()
    if not name:
        if _SALUTATION.match(text):
            return None
        return 'Address the person by name, for example "Hi Juan," rather than "Dear candidate".'
    first = name.split()[0]
    for candidate in (first, name):
        if re.search(rf"(?<!\w){re.escape(_normalise(candidate))}(?!\w)", text):
            return None
    return f'Address {first} by name, for example "Hi {first},".'
