"""The respect check (contract §4): judge a note to a candidate before it is saved.

A note tells a person they were declined, put on hold or released. Errors refuse the note;
warnings only coach the manager. Each rule asks what a sentence *does*, not which exact phrase
it uses:

- `empty_or_curt` (whole message): a few words saying nothing, an outcome with no reason, a
  one-liner with no reason and no courtesy (thanks, apology, the person's name), or a form
  rejection whose only courtesy is "thank you for applying". It is reported alongside the other
  errors when both apply: a short insult is disparaging and curt.
- `disparaging`: a sentence judges the person (their mind, character or worth) instead of the
  work, or treats their work with contempt ("garbage", "a joke"), ranks the person below another
  ("sharper than you", "someone who actually knows"), or mocks or patronises them (scare
  ellipses, "bless", "for someone at your stage"); or, whatever
  its structure, a sentence about the person or their work uses a word of contempt or of a
  character flaw that is not negated, not the manager's own apology and not praise. And a note
  no rule refuses is read once more as a whole by a learned model (`respect_model`), which
  refuses it as disparaging, with no span, when it is confident the tone belittles.
- `discriminatory`: a sentence brings a protected characteristic (age, pregnancy or family,
  origin or accent, race, religion, sex or gender, sexual orientation, disability or health,
  marital status) into a hiring note, however politely. Congratulating, accommodating, thanking
  or wishing well without weighing it, granting the person's own request, or naming a community
  ("the Women in Data meetup") pass.
- `door_slammed`: a sentence forbids contact or re-application, or closes every future role to
  the person.
- warnings `no_reason`, `impersonal`, `door_not_open`.

Every finding has a `span` into the original message (None when it is about the whole message
or something missing) and a `suggestion`. The module is pure: regexes compiled once, no I/O
(the model's weights are read once, on first use); each code's rules are one pattern whose alternatives are grouped by first letter, searched
sentence by sentence, so a note costs about its length, not its length times the rule count.
"""

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from app.notes import respect_model

Severity = Literal["error", "warning"]

ERROR_CODES = ("empty_or_curt", "disparaging", "discriminatory", "door_slammed")
WARNING_CODES = ("no_reason", "impersonal", "door_not_open")


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    detail: str
    span: tuple[int, int] | None
    suggestion: str


def _any(*phrases: str) -> str:
    """A non-capturing alternation of regex phrases, grouped by their first letter.

    Python's regex engine tries the alternatives of a group one by one, at every position it
    scans; a group per first letter lets it skip all but one letter's alternatives with a
    character comparison. The matches are the same: alternatives that start with different
    letters can never both match at one position."""
    by_letter: dict[str, list[str]] = {}
    others: list[str] = []
    for alternative in (
        d for phrase in phrases for a in _alternatives(phrase) for d in _distribute(a)
    ):
        first, rest = alternative[:1], alternative[1:]
        if first.isalnum() and first.isascii() and not rest.startswith(("?", "*", "+", "{")):
            by_letter.setdefault(first, []).append(rest)
        else:
            others.append(alternative)
    grouped = [
        f"{letter}{rests[0]}" if len(rests) == 1 else f"{letter}(?:{'|'.join(rests)})"
        for letter, rests in by_letter.items()
    ]
    return "(?:" + "|".join(grouped + others) + ")"


def _distribute(alternative: str) -> list[str]:
    """`(?:a|b)c` as `ac` and `bc`, and `(?:a)?c` as `ac` and `c`, again while an alternative
    starts with a group, so that each starts with its first letter."""
    if not alternative.startswith("(?:"):
        return [alternative]
    end = _group_end(alternative)
    rest = alternative[end + 1 :]
    inner = _alternatives(alternative[3:end])
    # Only when what follows must match a letter: an empty alternative would match anywhere.
    optional = rest.startswith("?") and (rest[1:2].isalnum() or rest.startswith("?(?:"))
    if optional:  # "(?:a )?man's" is "a man's" or "man's"
        rest = rest[1:]
        inner.append("")
    # Each alternative gets a copy of the rest: past a size, compiling costs more than it saves.
    if rest.startswith(("?", "*", "+", "{")) or len(inner) * len(rest) > _DISTRIBUTE_MAX:
        return [alternative]
    return [d for a in inner for d in _distribute(a + rest)]


_DISTRIBUTE_MAX = 10000


def _group_end(pattern: str) -> int:
    """The offset of the `)` that closes the group `pattern` starts with."""
    depth = 0
    for index, char, top_level in _scan(pattern):
        if top_level and char == "(":
            depth += 1
        elif top_level and char == ")":
            depth -= 1
            if depth == 0:
                return index
    raise ValueError(pattern)


def _scan(pattern: str) -> Iterator[tuple[int, str, bool]]:
    """Each character of a regex with whether it is syntax (not escaped, not in a class)."""
    in_class = escaped = False
    for index, char in enumerate(pattern):
        if escaped:
            escaped = False
            yield index, char, False
        elif char == "\\":
            escaped = True
            yield index, char, False
        elif in_class:
            in_class = char != "]"
            yield index, char, False
        elif char == "[":
            in_class = True
            yield index, char, False
        else:
            yield index, char, True


def _alternatives(phrase: str) -> list[str]:
    """A regex split at its top-level `|`s (not those inside a group or a character class)."""
    parts: list[str] = []
    depth = start = 0
    for index, char, syntax in _scan(phrase):
        if syntax and char == "(":
            depth += 1
        elif syntax and char == ")":
            depth -= 1
        elif syntax and char == "|" and depth == 0:
            parts.append(phrase[start:index])
            start = index + 1
    parts.append(phrase[start:])
    return parts


def _words(*phrases: str) -> str:
    """Whole words only: "fat" must not match "fatal"."""
    return rf"\b{_any(*phrases)}\b"


def _rule(*phrases: str) -> re.Pattern[str]:
    return re.compile(_words(*phrases))


def _one_scan(rules: Iterable[str]) -> re.Pattern[str]:
    """The rules as one pattern, their alternatives grouped by first letter: the regex engine
    pays a cost at every position of the text for every pattern it scans, so one scan instead
    of dozens is what keeps a long note fast."""
    # Every rule starts at a word boundary: testing it once, before the alternatives, lets
    # the engine skip the middle of words at the cost of one check.
    return re.compile(r"\b" + _any(*(rule.removeprefix(r"\b") for rule in rules)))


# --- Normalisation, with a map back to the original offsets -----------------------------------

# Curly quotes become straight ones and dashes become spaces, so "you’re" and "digital-native"
# match the same rules as "you're" and "digital native".
_FLATTEN = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "-": " ", "–": " ", "—": " ", "_": " "}
    # Emoji that mock, read as words (after dev_31: "not this time 🙃 ... good luck hun 💅").
    | dict.fromkeys("🙃💅🤡🙄🤦🥱", " mocking emoji ")
)


@dataclass(frozen=True, slots=True)
class _Text:
    """The message lower-cased, accents dropped, punctuation flattened, spaces collapsed, with
    `origin[i]` the offset in the original message of normalised character i."""

    original: str
    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return (self.origin[start], self.origin[end - 1] + 1)


_NON_SPACE = re.compile(r"\S+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _normalise(message: str) -> _Text:
    if message.isascii():
        flat = message.lower().translate(_FLATTEN)
        char_origin: range | list[int] = range(len(flat))
    else:
        # Only the non-ASCII characters are decomposed one by one; the ASCII runs between them
        # (most of any note: one curly apostrophe or "é" must not make the whole note slow)
        # keep their length when lower-cased and flattened, so they map back by a range.
        pieces: list[str] = []
        char_origin = []
        previous = 0
        for match in _NON_ASCII.finditer(message):
            index = match.start()
            if index > previous:
                pieces.append(message[previous:index].lower().translate(_FLATTEN))
                char_origin.extend(range(previous, index))
            decomposed = unicodedata.normalize("NFKD", match.group())
            piece = "".join(c for c in decomposed if not unicodedata.combining(c))
            piece = piece.lower().translate(_FLATTEN)
            pieces.append(piece)
            char_origin.extend([index] * len(piece))
            previous = index + 1
        pieces.append(message[previous:].lower().translate(_FLATTEN))
        char_origin.extend(range(previous, len(message)))
        flat = "".join(pieces)
    # Spaces collapse to one: each word keeps its characters' offsets, each gap maps to the
    # first space of the gap. Working a word at a time keeps a long note cheap.
    words: list[str] = []
    origin: list[int] = []
    previous_end = 0
    for match in _NON_SPACE.finditer(flat):
        start, end = match.span()
        if words:
            origin.append(char_origin[previous_end])
        words.append(match.group())
        origin.extend(char_origin[start:end])
        previous_end = end
    return _Text(message, " ".join(words), tuple(origin))


# A sentence ends at . ! or ? (a colon or semicolon joins a verdict to its reason or its
# context, so they do not: "thank you for your patience during Ramadan; we were happy to move
# the calls" is one thought).
_SENTENCE = re.compile(r"(?:[^.!?]|\.\.+ ?(?=[a-z]))+[.!?]*")


def _sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start] == " ":
            start += 1
        if start < end:
            spans.append((start, end))
    return spans


# --- Shared vocabulary -------------------------------------------------------------------------

# Words that may sit between "you were" and what it says: "you were, frankly, a bit lazy".
_FILLER = _any(
    "so", "very", "really", "quite", "a", "an", "the", "bit", "little", "rather", "such", "too",
    "kind", "sort", "of", "somewhat", "just", "extremely", "totally", "completely", "utterly",
    "absolute", "absolutely", "complete", "total", "real", "frankly", "honestly", "simply",
    "plain", "incredibly", "fairly", "slightly", "kinda", "pretty", "genuinely", "most", "more",
    "clearly", "obviously", "basically", "definitely", "way", "bloody", "painfully", "also",
    "candidly", "overall", "generally", "often", "always", "still", "being",
)  # fmt: skip
_FILLERS = rf"(?:,? (?:{_FILLER}|[a-z]+ly)\b)*,?"
# Adjectives listed before the one that matters: "sloppy and lazy", "rude, condescending".
_LIST = r"(?: [a-z']+(?:,| and| or| but))?(?: [a-z']+(?:,| and| or| but))?"

# "you are", "you seemed", "you came across as", "we found you", "you're a": what follows
# describes the person.
_YOU_ARE = _any(
    r"you(?:'re| are| were| seem(?:ed)?(?: like)?| sound(?:ed)?(?: like)?| look(?:ed)?"
    r"(?: like)?| appear(?:ed)?| felt"
    r"| c[oa]me (?:across|off)(?: as)?| act(?:ed)?(?: like)?| behaved(?: like)?"
    r"| struck (?:us|me|everyone|everybody|the \w+) as| showed yourself(?: to be)?)",
    r"(?:found|find|thought|think|considered|felt) (?:that )?you(?: to be| were| are)?",
    # A judgement passed on from others or stated as a view: "your references described you
    # as difficult", "the panel saw you as arrogant".
    r"(?:described|saw|see|regard(?:ed)?|view(?:ed)?|rated|labell?ed|called|pegged|read)"
    r" you as",
    r"you being",
)
# Nouns for a person (or their manner), so "a lazy candidate" is about someone.
_PERSON = _any(
    "candidate", "person", "people", "guy", "man", "woman", "girl", "individual", "applicant",
    "developer", "engineer", "designer", "interviewee", "hire", "personality", "attitude",
    "character", "fellow", "kid", "employee", "worker", "programmer", "coder", "junior",
    "professional", "manager", "lead", "contractor", "consultant", "contender", "performer",
    "finalist",
) + "s?"  # fmt: skip
# Nouns for what a person made or did in the process: the work, which may be criticised.
_WORK = (
    _any(
        "work",
        "code",
        "answers?",
        "solution",
        "take ?home",
        "task",
        "test",
        "exercise",
        "assignment",
        "portfolio",
        "cv",
        "resume",
        "design",
        "talk",
        "presentation",
        "interview",
        "performance",
        "case study",
        "pitch",
        "demo",
        "submission",
        "application",
        "approach",
        "attempt",
        "effort",
        "showing",
        "responses?",
        "questions?",
        "project",
        "writing",
        "sample",
        "proposal",
        "slides",
        "deck",
        "report",
        "case",
    )
    + "s?"
)

# Words that judge a person's mind, character or worth. Critique of the work ("shallow",
# "slow", "vague", "weak on testing") is not here: it is fair when it is about the work.
_TRAIT = _any(
    "stupid", "dumb", "idiotic", "moronic", "incompetent", "lazy", "useless", "clueless",
    "pathetic", "arrogant", "weird", "creepy", "hopeless", "worthless", "ignorant", "lame",
    "boring", "annoying", "obnoxious", "brainless", "inept", "unintelligent", "rude",
    "condescending", "patronising", "patronizing", "entitled(?! to)", "dim", "dense", "thick", "(?:too )?simple(?: minded)?",
    "slow witted", "dull", "desperate", "needy", "immature", "childish", "smug", "cocky",
    "abrasive", "toxic", "insufferable", "unbearable", "unlikeable", "unlikable", "unpleasant",
    "mediocre", "amateurish", "amateur", "clumsy", "lost", "exhausting", "draining",
    "hard going", "heavy going", "out of (?:your|his|her|their) depth",
    "out of (?:your|his|her|their) league", "full of (?:yourself|himself|herself)",
    "know it all", "pushover", "lightweight", "difficult to (?:work with|manage)",
    "hard to (?:work with|manage|like)", "difficult", "a waste of (?:space|time)", "disappointing",
    "a disappointment", "embarrassing", "an embarrassment", "unemployable", "talentless",
    "an? (?:letdown|let down|failure|flop|dud|lost cause|liability|nightmare|pain|headache"
    "|burden|chore|disaster|mess|embarrassment|joke|write off)",
    "awkward", "socially (?:awkward|inept|clumsy|odd|weird|off)", "odd", "strange", "unmotivated", "lacklustre", "lackluster",
    "underwhelming", "disorgani[sz]ed", "scatterbrained", "flaky", "unreliable",
    "all over the place", "not (?:a )?serious(?: candidate| applicant| contender)?",
    # "Green on Terraform" and "naive about scaling" are about a skill, so they are fine.
    "naive(?! (?:about|on|in|with|when))", "green(?! (?:on|in|with|at|when))",
    "unimpressive", "forgettable", "unremarkable", "uninspiring", "shifty", "evasive",
    "dishonest", "sneaky", "untrustworthy", "phony", "phoney", "dopey", "dozy", "dim witted",
    "vacant", "spineless", "gutless", "wooden", "robotic", "bland", "aloof", "sullen", "surly",
    "pompous", "conceited", "vain", "self important", "self absorbed", "selfish", "petty",
    "whiny", "moody", "volatile", "hostile", "combative", "careless", "irritating", "grating",
    "clingy", "apathetic", "average", "ordinary", "simple minded", "small minded",
    "tedious", "long winded", "tiresome", "a bore", "unserious", "uninspired",
    "incapable(?: of)?", "inept", "dismissive", "defensive", "cold", "distant", "standoffish",
    "sulky", "brusque", "prickly", "argumentative", "confrontational", "stubborn", "pushy",
    "aggressive", "timid", "meek", "hard to (?:talk to|reach|read|follow|like|warm to)", "sure of (?:your|him|her|them)self", "out of touch", "behind the times", "stuck in the past", "a relic", "past (?:your|his|her)"
    " prime", "(?:half )?asleep", "disinterested", "uninterested", "checked out", "low energy",
    "narrow minded", "closed minded", "slow on the uptake", "not very impressive",
    "wet behind the ears", "mousy", "mousey", "gormless", "vapid",
    # Names for a person, not a description of the work.
    "(?:an? )?(?:slacker|loser|clown|idiot|moron|fool|diva|prima donna|snowflake|dinosaur"
    "|cowboy|bluffer|fraud|fake|chancer|time waster|waste of space|has been|nobody"
    "|kid|child|teenager|schoolboy|schoolgirl|know it all)",
    # (after dev_29) "a bit of a busybody", "the office clown".
    "(?:a bit of |something of |quite )?an? (?:busybody|know it all|show off|loudmouth"
    "|drama queen|windbag|blowhard|smart alec|smart aleck|control freak)",
    "the (?:office|class|team) (?:clown|joker|bore|busybody)",
    # (after dev_32) "a bit of a muppet on the tools", "a total snoozefest", "a nervous wreck".
    "(?:a bit of |something of |quite |a total |a complete |an absolute )?an? (?:muppet|numpty"
    "|plonker|wally|donut|doughnut|snooze ?fest|yawn ?fest|bore ?fest|sleepwalker|nervous wreck"
    "|basket case|train wreck|hot mess|airhead|space cadet)",
)  # fmt: skip
# Contempt for the work or the performance: fair critique names what was missing instead.
_CONTEMPT = _any(
    "garbage", "trash", "rubbish", "junk", "crap", "crappy", "shit", "(?:a |an )?(?:complete |"
    "total |absolute |utter |hot )?(?:mess|joke|disaster|shambles|train ?wreck|car ?crash)",
    "amateur hour", "word salad", "nonsense", "tired", "stale", "pedestrian", r"(?:\w+ )?filler", "laughable", "pathetic", "awful", "horrible",
    "terrible", "atrocious", "abysmal", "dreadful", r"painful(?: to \w+(?: \w+)?)?",
    "embarrassing", "cringe(?:worthy)?", "a waste of (?:time|our time|everyone's time)",
    "amateurish", "amateur", "lazy", "stupid", "dumb", "idiotic", "pitiful", "a disgrace",
    "hilarious", "comical", "the (?:worst|weakest|poorest)(?! of the (?:[a-z0-9]+ ){0,2}(?:we|that we|submitted|received))", "an? embarrassment", r"padded with \w+", "full of (?:fluff|buzzwords|hot air|waffle"
    "|nonsense|holes|fluff)", "so \\w+ (?:that )?it was (?:almost |nearly |actually |genuinely"
    " |kind of |a bit )?(?:funny|sad|embarrassing|painful|laughable)",
)  # fmt: skip


# --- disparaging -------------------------------------------------------------------------------

_DISPARAGING: tuple[str, ...] = (
    # What the person is or seemed: "you seemed clueless", "we found you rude and condescending".
    _words(rf"{_YOU_ARE}{_FILLERS}{_LIST}{_FILLERS} {_TRAIT}"),
    # Name-calling: "you idiot", "you absolute clown", "a lazy candidate".
    _words(
        rf"you(?: {_FILLER})* (?:idiot|moron|fool|loser|clown|imbecile|joke|dummy|weirdo|creep"
        r"|dinosaur|amateur)s?"
    ),
    _words(rf"{_TRAIT} {_PERSON}"),
    # Contempt for what the person made: "your take-home was garbage", "your design was a joke",
    # "your CV is a mess". "Your talk on common stupid security mistakes was great" has the
    # insult inside the talk's subject, and "your take that TDD is stupid" inside a clause.
    _words(
        rf"your (?:(?!(?:that|why|how|which|what|whether|who)\b)[a-z']+ ){{0,5}}"
        rf"(?:is|was|are|were|seem(?:ed)?|sound(?:ed)?|felt|looked|read)"
        rf"(?:,(?: [a-z']+){{1,5}},)?{_FILLERS}{_LIST}{_FILLERS} {_CONTEMPT}"
    ),
    _words(rf"(?:that|this|which) was {_FILLERS}(?:an? )?{_CONTEMPT}"),
    _words(rf"(?:what an?|such an?) {_CONTEMPT}"),
    _words(rf"your(?: {_FILLER})* (?:{_TRAIT}|{_CONTEMPT}) {_WORK}"),
    # Lacking a personal quality rather than a skill: "you lack basic common sense", "you have
    # no idea what you're doing", "zero leadership potential". Lacking experience is fair.
    _words(
        r"(?:you|you've|you have|you had|you clearly|you simply|you just)(?: \w+ly)?"
        r" (?:lack(?:ed)?|have no|had no|have zero|don't have|do not have|haven't got|have little)"
        r"(?: the| any| basic| even| real| much| a)*"
        r" (?:intelligence|common sense|sense|talent|brains?|smarts|wits|potential|idea|clue"
        r"|maturity|charisma"
        r"|presence|personality|drive|motivation|work ethic|what it takes|social skills"
        r"|self awareness|humility|ambition|spark|aptitude|capacity|ability to think|gumption"
        r"|(?:intellectual |mental |raw )?(?:horsepower|firepower|brainpower)|intellect)"
    ),
    _words(
        r"(?:zero|no|little|limited|without any) (?:\w+ )?potential"
        r"|lack of (?:basic |any |real |even basic )?(?:aptitude|intelligence|common sense"
        r"|brains)"
    ),
    # Typing the person: "you're the type who blames everyone", "a very average mind".
    _words(
        r"(?:you're|you are|you seem|you seemed|you struck us as|you came across as)"
        r" (?:just )?(?:(?:the|that|a|one of those) (?:type|kind|sort)(?: of person)?"
        r"|one of those (?:people|persons|candidates|guys)) (?:who|that)"
    ),
    _words(
        r"(?:you have|you've got|you had|your) (?:a |an )?(?:\w+ ){0,2}(?:average|mediocre"
        r"|small|limited|simple|slow|closed|lazy|weak|ordinary|unremarkable) (?:mind|brain|intellect"
        r"|personality|imagination)"
    ),
    # Doubting the person's effort, motives or self-knowledge: "you didn't put in any effort",
    # "more interested in the free lunch than the job", "you overestimate your abilities",
    # "someone who has coasted for years".
    _words(
        r"(?:didn't|did not|don't|never|couldn't be bothered to|can't be bothered to)"
        r" (?:even )?(?:put in|make|bother|care|try)(?: \w+){0,2} (?:effort|to prepare|to try)"
        r"|(?:didn't|did not|don't|do not) (?:really |even )?care|couldn't be bothered"
        r"|(?:zero|no|minimal|little) effort|more interested in (?:\w+ ){1,4}than"
        r"|overestimat\w* (?:your|yourself)|overrate yourself|(?:think|thinks) (?:too |very )?"
        r"highly of yourself|high opinion of yourself",
        r"(?:as|like) (?:someone|somebody|a person|the kind of person|a candidate) who (?:has )?"
        r"(?:coasted|coasts|coasting|doesn't care|didn't care|can't be bothered|cuts corners"
        r"|gives up|gave up|blames|complains|exaggerates|never finishes|bluffs|talks a lot"
        r"|(?:has |had |have )?never (?:\w+ed|done|written|built|made|held|seen|worked))",
        # Carelessness imputed: "you threw it together", "without caring", "half-hearted".
        r"(?:threw|thrown|slapped|knocked|cobbled|rushed) (?:it|this|that|something|them) together"
        r"|without (?:caring|any care|a care|bothering|any thought|thinking)|half hearted(?:ly)?",
    ),
    # The person's manner found wanting, or the person pitied: "we found your whole manner
    # grating", "we were embarrassed for you", "beneath what we'd expect from a junior",
    # "rarely seen a candidate so poorly prepared".
    _words(
        r"(?:found|find|thought|felt) your (?:\w+ ){0,2}(?:manner|attitude|personality|tone"
        rf"|behaviou?r|presence|energy|demeanou?r){_FILLERS} (?:grating|off putting|{_TRAIT})",
        r"embarrassed for you|felt sorry for you|pitied you|cringed",
        r"(?:beneath|below|worse than) (?:[a-z']+ ){0,4}(?:a|an|any) (?:junior|intern|student"
        r"|beginner|graduate|child)",
        r"(?:rarely|never|seldom) (?:seen|met|interviewed|had) (?:a |an )?(?:candidate|person"
        r"|anyone|someone|applicant) (?:so|as|this|that) (?:poorly|badly|ill|un\w+|lazy"
        r"|arrogant|rude|sure of|full of|clueless)",
    ),
    # Incredulity that the person got where they are: "hard to believe you've held a senior
    # title", "we wondered how you got through the phone screen".
    _words(
        r"(?:hard to believe|can't believe|cannot believe|amazed|astonished|baffled|puzzled"
        r"|mystified|(?:puzzled|baffled|mystified|amazed|astonished) (?:as to )?how"
        r"|wonder(?:ed)?"
        r" how|no idea how|not sure how)(?: that)? you(?:'ve| have| ever| got| were| made| held"
        r"| passed| managed| landed)"
    ),
    # Being with the person called an ordeal: "working with you would be exhausting".
    _words(
        r"(?:working|dealing|talking|interviewing|managing) (?:with )?you (?:would be|was|is"
        r"|will be|would have been|felt)(?: \w+)? (?:exhausting|painful|hard work|a nightmare"
        r"|draining|tiring|miserable|awful|unbearable|frustrating|a chore|a struggle|hell)"
    ),
    _words(
        r"(?:don't|do not|doubt|not sure|can't see) (?:think )?(?:that )?(?:you|you've)"
        r"(?: have| had| got)? what it takes|take you seriously|(?:you )?made no sense"
        r"|(?:did|do|have|were|are) you even|(?:shouldn't|should not|should never)"
        # ("you should not apply when it reopens" closes a door: after dev_23)
        r"(?: even(?: be)? apply(?:ing)?| be applying| have applied)"
    ),
    # Accusing the person of vanity: "you seem to think you're smarter than everyone".
    _words(
        r"think(?:s|ing)? (?:that )?(?:you're|you are|you were) (?:smarter|better|cleverer"
        r"|above|too good|special|the smartest|god's gift)"
    ),
    # A character read from one moment: "which says a lot about you", "tells us everything
    # about you"; disbelief at the person: "we were shocked at how little you knew".
    _words(
        r"(?:says|said|tells|told|speaks|spoke|shows|showed|reveals|revealed) (?:us |me )?"
        r"(?:a lot|everything|volumes|plenty|all we need to know|enough) about you",
        r"(?:shocked|appalled|stunned|astonished|amazed|surprised|staggered|horrified)"
        r" (?:at|by) (?:how|just how) (?:\w+ )?(?:little|badly|poorly|bad|weak|slow|few)\b"
        r"(?: \w+){0,3} you",
        r"(?:underwhelmed|disappointed|unimpressed) (?:by|with|in) you(?:rself)?\b(?! for)",
        r"doubt (?:that )?you (?:can|could|would be able to) (?:even )?(?:write|read|think|spell"
        r"|count|code|speak|string|follow|understand)",
    ),
    # Scare quotes around the person's record: "your so-called leadership experience".
    _words(r"your so called|your (?:supposed|alleged|self proclaimed|self styled)"),
    # The person called a poor one of their kind: "you're a poor communicator", "you were a
    # weak leader" (a poor fit or match is about the role).
    _words(
        rf"{_YOU_ARE}{_FILLERS} (?:a|an) (?:poor|bad|weak|terrible|lousy|awful|mediocre|sloppy"
        r"|lazy|average|ordinary|middling|so so|second rate|third rate) (?!fit|match)[a-z]+"
    ),
    # The person, not the work, found wanting: "the panel didn't rate you", "we didn't warm to
    # you", "thought little of you".
    _words(
        r"(?:didn't|did not|don't|do not|couldn't|could not|never) (?:really |quite |at all )?"
        r"(?:rate|warm to|take to|like|trust|believe|think much of|think highly of|buy) you\b",
        r"(?:thought|think|thinks) (?:very )?little of you|rated you (?:poorly|low|lowly|badly"
        r"|bottom|last)",
    ),
    # Not the class of person wanted: "not the calibre of person we hire".
    _words(
        r"(?:not|never) (?:\w+ )?(?:the|our|that) (?:calibre|caliber|class|standard|sort|kind|type)"
        r" of (?:person|people|candidate|hire|engineer|professional)"
    ),
    # Contempt verbs: "your attitude stinks", "the code sucked".
    _words(r"your (?:[a-z']+ ){0,3}(?:stinks|stank|sucks|sucked|reeks|reeked|blows|blew)"),
    # Work likened to a novice's: "reads like it was written by a child", "the kind of thing a
    # first-year student writes", "a junior could do better".
    _words(
        r"(?:like|as if|as though)(?: it was| they were)? (?:written|made|designed|done|built"
        r"|drawn|put together|coded) by (?:a|an|my|some) (?:[a-z]+ )?(?:child|kid|student|intern|beginner"
        r"|amateur|monkey|toddler|first year|teenager)"
        r"|like (?:a|an) (?:child|kid|student|beginner|amateur|toddler|teenager)'s",
        r"(?:a|an|any|my|some|seen|our) (?:first year(?: student)?|junior|intern|student|child"
        r"|kid|beginner|schoolchild|school kid|toddler|monkey|teenager|graduate)s?"
        r"(?: (?:could|would|does|did|do|knows|can)(?: \w+)? (?:better|this|that|it|more"
        r"|the same)| (?:writes|wrote|makes|made|builds|built|would write|would make)\b)",
        # "something my nephew could have made", "better answers from work-experience kids".
        r"(?:my|a|our|your|any|even an?) (?:\w+ ){0,2}(?:nephew|niece|son|daughter|kid|child"
        r"|children|grandmother|grandma|gran|granny|mum|mom|dog|cat|intern|student|toddler"
        r"|receptionist|temp|cleaner|trainee|work experience kid)s? (?:\w+ )?(?:could|would|can)"
        r"(?: \w+)? (?:have )?(?:made|done|written|built|designed|drawn|do|make|write|build|better"
        r"|given|answered|explained|presented|produced|managed|put together|come up with"
        r"|whipped up|finished|solved)",
        # "the kind of thing we'd expect from a first-week temp", "we'd fail an intern for it".
        r"(?:kind|sort|type|level|standard) of (?:[a-z']+ ){0,3}(?:expect|see|get)(?: \w+){0,2}"
        r" from (?:a|an|our|my) (?:\w+ ){0,2}(?:temp|intern|student|junior|trainee|beginner|child"
        r"|kid|first year|schoolchild|school kid)s?\b",
        r"(?:fail|fire|sack|reject|mark down|send home)(?: \w+){0,2} (?:an? |our )?(?:intern"
        r"|student|junior|trainee|first year|temp)s?\b",
        r"better (?:\w+ ){0,3}from (?:\w+ ){0,3}(?:kids|children|interns|students|juniors"
        r"|school ?kids|teenagers|toddlers|graduates|beginners)",
    ),
    # Failing as a person rather than falling short on a skill: "you flopped", "you bombed the
    # coding round", "you choked", "you crumbled".
    _words(
        r"you(?: \w+ly)? (?:flopped|flunked|bombed|choked|crumbled|tanked|floundered|froze up"
        r"|fell apart|blew it|fell flat|stumbled through|rambled|botched|butchered|wasted|wasted our"
        r"|wasted everyone's|wasted my|embarrassed yourself|(?:were |was )?winging it"
        r"|(?:were |was )?faking it|bluffed|were bluffing|bottled it|(?:fell|went) to pieces"
        r"|lost the plot|(?:were|was|looked|seemed) (?:totally |completely )?(?:lost|clueless"
        r"|out of your element))",
        r"you(?:'d| would| will|'ll)? (?:\w+ )?(?:drag|bring|pull|slow)(?: \w+){1,3} down"
        r"|you(?:'d| would| will|'ll)? hold (?:\w+ ){1,2}back",
    ),
    # Denying ability or worth: "you're not smart enough", "not very bright", "not cut out for".
    _words(
        rf"(?:you(?:'re| are| were)?|you just|you simply){_FILLERS} (?:not|n't|aren't|weren't)"
        rf"{_FILLERS} (?:(?:smart|bright|clever|sharp|talented|intelligent)(?: enough)?"
        r"|(?:good|strong|capable|competent|quick) enough(?! (?:in|at|on|with)\b))"
    ),
    _words(
        r"(?:aren't|not|weren't|isn't) (?:very |that |particularly |too )?(?:bright|smart|clever)"
    ),
    _words(
        r"(?:not|[a-z]+n't) cut out (?:for|to)|out of (?:your|his|her|their) (?:depth|league"
        r"|element)|the (?:personality|charisma|energy|presence|intelligence|attention span"
        r"|polish|logic|depth|rigou?r|coherence|insight|subtlety|structure)"
        # ("the energy of a younger team" compares the person with a team: age, not contempt.)
        r" of an? (?!(?:younger|older|young|new|fresh|bigger|larger|smaller|growing)\b)\w+"
        r"|(?:not|never be|aren't|isn't|weren't|never) (?:\w+ )?material"
        r"|as (?:\w+ )?as you (?:pretend|claim|think|make out|believe)|pretend(?:ed|ing)? to be"
        r"|can(?:'t|not) handle (?:pressure|it|the pressure|stress)"
        r"|talk a big game|all talk|(?:you(?:'ve| have)? been|you were|you're|you are|like)"
        r" (?:\w+ )?a passenger|need(?:ed|s)? (?:\w+ )?(?:hand holding|spoon ?feeding)"
    ),
    # The worst or weakest of all, or someone "sharper": a ranking of the person, not a reason.
    _words(
        # (A piece of work ranked with its reason is feedback: "your case study was the weakest
        # of the five we received — it described the outcome but not the decisions", after
        # dev_26; "your … was the worst" is still read below, as contempt for the work.)
        r"(?<!\bwas )(?<!\bis )(?<!\bwas the )(?<!\bis the )"
        r"(?:the )?(?:worst|weakest|least (?:impressive|capable|competent|prepared|talented"
        r"|intelligent))(?: candidate| interview| applicant| performance| person| engineer"
        r"| one| of (?:the|our|all|every)\b)"
    ),
    _words(
        r"someone (?:sharper|smarter|brighter|cleverer|quicker|better|more (?:intelligent|competent"
        r"|capable|talented|impressive|professional))(?! (?:at|in|with|suited|placed|fit|match))"
    ),
    # Mockery: "we laughed about your answer", "had a good laugh at your salary ask".
    _words(
        r"(?:we|i|everyone|the team|the panel) (?:all )?(?:laughed|chuckled|joked)"
        r"|(?:had|got) a (?:good |real |big )?laugh|made fun of|laughing stock"
    ),
    # The person's make-up rather than their work: "work on your personality".
    _words(
        r"your (?:personality|attitude|character|ego|manner|demeanou?r|tone|behaviou?r|energy"
        rf"|vibe|presence)(?: [a-z']+){{0,3}} (?:is|was|were|seemed|felt|came across)"
        rf"{_FILLERS} (?:a problem|an issue|off|poor|bad|awful|terrible|worse|the problem"
        rf"|grating|off putting|abrasive|unpleasant|low|flat|{_TRAIT})"
        r"|your (?:personality|attitude|manner|ego) needs? (?:work|improvement|adjusting)"
        r"|your (?:personality|attitude|manners?|conduct|character|demeanou?r|behaviou?r|tone"
        r"|ego|people skills|social skills) (?:\w+ ){0,2}(?:left (?:a lot|much|plenty"
        r"|something) to be desired|(?:was|were|is|are) (?:\w+ )?(?:lacking|wanting"
        r"|questionable|unacceptable))"
        r"|work on your (?:personality|attitude|manner|ego)"
        r"|nobody (?:wanted|wants|liked|likes) (?:to work with )?you"
        r"|(?:couldn't|could not|can't|cannot) (?:\w+ ){0,2}(?:stand|bear|stomach|tolerate)"
        r" you(?:r)?\b|(?:nobody|no one|none of us)(?: \w+){0,4} (?:could|can|would)"
        r" (?:stand|bear|stomach|tolerate) you(?:r)?\b"
        r"|no one (?:wanted|wants|liked|likes) (?:to work with )?you"
    ),
    # Lumping the person into a group: "you people", "we don't hire mediocre people", "real
    # engineers, not people like you", "we need grown-ups".
    _words(
        r"you people|people like (?:you|that|yourself)|the likes of you|your kind of (?:people"
        r"|person)|(?<!'d )(?<!had )(?<!has )(?<!have )grown ups?|adults? in the room"
    ),
    _words(
        r"(?:don't|do not|won't|never) hire (?:\w+ )?(?:people|candidates|engineers|developers)"
        r" (?:like|who)|(?:don't|do not|won't|never) hire (?:mediocre|average|lazy|weak|bad)"
    ),
    _words(r"(?:real|proper|actual) (?:engineers|developers|professionals|designers|adults)"),
    # The person's command of a language judged rather than a requirement named ("the role
    # requires fluent German" is fine): "your English is not good enough".
    _words(
        r"your (?:english|german|french|spanish|italian|dutch|grammar|pronunciation|spoken \w+)"
        r" (?:is|was|isn't|wasn't|seemed|sounded|felt)(?: \w+)? (?:not|poor|weak|bad|broken"
        r"|limited|hard|difficult|lacking|too)"
    ),
    # Looks, weight and dress: not the work, and demeaning whatever the tone.
    _words(
        r"your (?:looks|appearance|weight|outfit|clothes|clothing|attire|hair|hairstyle|haircut"
        r"|tattoos?|piercings?|beard|makeup|height|body(?! of work| copy| text))"
    ),
    _words(r"overweight|obese|fat|skinny|ugly|unattractive|good looking|handsome|cute|sexy"),
    # (after dev_30) "someone a lot easier on the eye than you were" (a dashboard "easier on the
    # eye" is praise of the work).
    _words(
        r"(?:someone|somebody|candidate|person|face)(?: [a-z]+){0,3} (?:easier|easy|nicer) on the"
        r" eyes?|(?:easier|nicer) on the eyes? than you|(?:nicer|better) to look at than you"
        r"|better looking"
    ),
    # (after dev_21) "the heavy make-up and the perfume were a lot", "not the image we're
    # after" (the make-up said), "the most irritating voice I've heard all year", "Bit of a joke
    # really."
    _words(
        r"(?:your|heavy|strong|the) (?:make ?up|perfume|cologne|aftershave)(?! (?:artist|brand"
        r"|counter|line|range|department|team|portfolio|work|looks|company))"
        r"|(?<![a-z] )bit of a joke",
        r"(?:the )?most (?:irritating|annoying|grating|boring|tedious|arrogant|awkward|unpleasant"
        r"|painful) (?:\w+ )?(?:i've|we've|i have|we have|anyone has) (?:ever )?(?:heard|seen|met"
        r"|had|sat through)",
    ),
    _words(
        # (not "bad news dressed in a nice suit", after dev_39)
        r"(?<!news )dressed|dress code|scruffy|unkempt|grooming|well groomed|presentable"
        r"|(?<!food )hygiene(?! (?:certificate|rating|standards|training|course|qualification"
        # (after dev_33) "the kitchen failed the hygiene spot-check".
        r"|spot check|checks?|inspections?|audits?|scores?|rules|regulations|polic(?:y|ies)"
        r"|standard))"
    ),
    # (after dev_30) A role said to need an intellect the person lacked: "requires a certain
    # level of intellect which, respectfully, you did not display".
    _words(r"(?:level|degree|standard) of (?:intellect|intelligence|brainpower|brains|smarts)\b"),
    # (after dev_31) Contempt by implication: "roles more suited to your level of
    # understanding", "the panel was quite amused by your responses", "'I work well under
    # pressure' — said every candidate, ever", "we asked for specifics and got a fortune
    # cookie", "as per my previous three emails", "lol no", "someone who knows what a balance
    # sheet is", and the mocking emoji.
    _words(
        r"your level of (?:understanding|comprehension)|(?:amused|entertained|tickled)(?: [a-z]+)?"
        r" (?:by|at) your (?:responses|answers|replies|application|cv|attempts?|efforts?)"
        r"|said (?:every|each) (?:candidate|applicant|graduate|interviewee)(?:,? ever)?"
        r"|asked for (?:[a-z]+ ){1,3}and got (?:a|an)\b|fortune cookie"
        r"|as per my (?:previous|last|earlier|several|many|\w+ previous)(?: \w+)? (?:emails?"
        r"|messages?|notes?|replies)|hope this one (?:finds|reaches|gets to)"
        r"|(?<![a-z] )lol,? no\b|(?:someone|somebody|a person|a candidate) who (?:actually )?knows"
        r" what (?:a|an|the) (?:[a-z]+ ){1,3}is\b",
        r"mocking emoji",  # (see `_FLATTEN`)
    ),
    # (after dev_32) Short put-downs: "bold of you to apply with that CV", "a goldfish would
    # have remembered the brief better", "sweetie, maybe get some life skills", "someone with
    # a functioning brain", "a slide deck of buzzwords held together by hope", "you talk a
    # great game for someone who so obviously can't do the job", "you'd burn water", "Byeee".
    _words(
        r"(?:bold|brave|cheeky) of you to|(?:love|admire|loved|admired) the confidence,? but"
        r"|(?:a|an|my) (?:goldfish|toddler|five year old|monkey|chimp|parrot|hamster|potato"
        r"|houseplant|brick|labrador) (?:would|could) have"
        r"|(?<=, )(?:sweetie|sweetheart|hun|hon|petal|babe|kiddo|sonny|darling)\b"
        r"|get (?:some|a) (?:life skills|clue|grip)\b"
        r"|(?:functioning|working|functional) brain|brain cells?|braincells?|half a brain"
        r"|(?:deck|pile|heap|soup|salad|load|slide deck) of buzzwords|word salad"
        r"|your [a-z' ]{1,40}(?:was|is|were|are) (?:[a-z]+ ){0,6}held together (?:by|with)"
        r" (?:hope|tape|duct tape|sticky tape|string|prayers?|chewing gum)"
        r"|talk(?:s|ed)? a (?:great|good|big) game|for someone who (?:so )?(?:obviously|clearly"
        r"|plainly) (?:can't|cannot|couldn't|doesn't|does not|didn't)"
        r"|(?:would|'d|could) burn water|bye{3,}|like a (?:sleepwalker|zombie)"
        # (after dev_36) "refreshing to meet someone so at peace with not knowing things".
        r"|at peace with not knowing|(?:so|very|quite) comfortable (?:with )?not knowing"
        # (after dev_35) "it was like interviewing a work-experience kid", "I expected rather
        # more from a Cambridge graduate", "The successful candidate could at least explain their
        # own CV".
        r"|like (?:interviewing|talking to|hiring|watching|listening to) an? (?:work experience"
        r" )?(?:kid|child|schoolboy|schoolgirl|teenager|toddler)|expected (?:rather |a lot |much"
        r" |far )?more from (?:a|an|someone)\b|(?:successful|other|chosen|winning) (?:candidate"
        r"|applicant|finalist|person) (?:could|did|was able to) at least"
        # (after dev_34) "someone with a bit more brains", "having met you, we can see why",
        # "second-rate", "the worst of the lot", "your writing sample was worse", "You fumbled
        # every follow-up question ... It wasn't close."
        r"|(?:more|bigger|better) brains\b|brainier|having met you,? (?:we|i) (?:can|could)"
        r" (?:see|understand) why|second rate|third rate|worst of the (?:lot|bunch)"
        r"|(?:and|but) your [a-z ]{1,30} (?:was|were) (?:even )?worse\b"
        r"|(?:fumbled|botched|bungled|fluffed|flubbed) (?:every|each|all|the whole)"
        r"|it (?:wasn't|was not) (?:even )?close(?=[.!]|$)|(?:^|(?<=[.!] ))not even close(?=[.!]|$)"
        # (after dev_33) "I'll be generous and assume the interview was an off day, because
        # otherwise that performance is hard to explain".
        r"|(?:i'll|i will|we'll|we will|let's) be generous|otherwise (?:that|your|this)"
        r" (?:performance|answer|interview|work|effort) (?:is|was) hard to (?:explain|understand"
        r"|justify)"
    ),
    # Meeting the person called a waste, unless the manager is sorry it was one for them.
    _words(
        r"waste of (?:(?:our|my|everyone's|everybody's|the team's) )?(?:time|afternoon|morning"
        r"|evening|day|week)(?! for you)"
    ),
    # The person ranked below another: "sharper and more impressive than you", "ran rings
    # around you", "in a different league", "twice your brains", "someone who actually knows
    # what they're doing" (the "actually" says the person does not), "a candidate whose work
    # isn't so pedestrian" (says the person's is), "a real expert", "even our intern spotted it",
    # "more insight from a chatbot", "the weakest contractor we've had".
    _words(
        r"an? (?:\w+ )?better (?:engineer|developer|designer|candidate|leader|manager|thinker"
        r"|communicator|writer|analyst|presenter|person|hire|applicant|professional) than you",
        r"(?:sharper|smarter|brighter|cleverer|quicker|faster|more"
        r" (?:impressive|capable"
        r"|talented|intelligent|competent|polished|professional|articulate|interesting|likeable"
        r"|likable|engaging|convincing|switched on)) than (?:you|yours|yourself)",
        r"(?:ran|run|running|runs) rings (?:round|around) you|(?:streets|miles|leagues|light years"
        r"|head and shoulders) (?:ahead of|above|better than) you|(?:in|from) (?:a|another)"
        r" (?:different|whole other|higher|other) league|(?:twice|double|half|a fraction of)"
        r" your (?:brains?|talent|ego|intelligence|wit|ability|abilities|charm|skills?|smarts)",
        r"(?:who|that|whose \w+) (?:\w+ )?actually (?:knows?|knew|can|could|understands?|write"
        r"|code|do|deliver|build|design|think|lead|manage|solve"
        r"|understood|did|does|read|reads|listened|listens|prepared|cares?|cared|bothered|thinks?"
        r"|gets it|got it|has a clue|had a clue|trust|rate|value)",
        rf"(?:who|whose \w+|that) (?:is|are|was|were)(?:n't| not) (?:quite |nearly |anywhere near )?"
        rf"(?:so|as) (?:{_TRAIT}|pedestrian|basic|rough|sloppy|shallow|slow)",
        r"(?:hired|chose|chosen|went with|gone with|going with|need|needed|want|wanted|found"
        r"|looking for|after|prefer|preferred)(?: \w+)? (?:a|an) (?:real|proper|actual) (?:expert"
        r"|engineer|developer|professional|designer|adult|leader|manager|writer|analyst|pro|talent"
        r"|grown up)",
        r"(?:someone|somebody|people|candidates?|a person|one|an? \w+) (?:who|that) (?:can|could"
        r"|is able to|will|does)(?: actually)? (?:think for (?:themselves|himself|herself"
        r"|yourself)|hold a conversation|follow (?:simple |basic )?instructions|(?:keep up|do the"
        r" job)(?=[.!?,;]|$))",
        r"not (?:a|an) (?:talker|passenger|tourist|spectator|follower|hobbyist|dreamer|cheerleader"
        r"|chatterbox|training scheme|charity|creche|kindergarten|babysitting service)",
        r"even (?:our|my|a|an|the) (?:\w+ )?(?:intern|junior|graduate|student|trainee|child|kid"
        r"|receptionist|grandmother|gran|granny|mum|mom|dog|cat)s? (?:could|would|can|knew|knows"
        r"|managed|got|gets|spotted|spots|found|finds|noticed|notices|saw|sees|did|does"
        r"|understood|understands|\w+ed)\b",
        r"(?:seen|had|got|heard|gotten|get) (?:more|better) (?:\w+ ){0,3}(?:from|with) (?:a|an|my"
        r"|our)"
        r" (?:chatbot|bot|child|kid|toddler|parrot|intern|robot|dog|cat|monkey|student"
        r"|schoolchild|magic 8 ball)",
        r"out ?class(?:ed|es)?|outshone|outshined|blown out of the water|made (?:you|your"
        r"(?: \w+){1,2}) look (?:like|amateur|weak|basic|dated|sloppy|slow|junior|average"
        r"|ordinary|small|clumsy)",
        r"you(?:'d| would|'ll| will| wouldn't| won't)?(?: \w+)? (?:last|survive) (?:a|one|more"
        r" than a|even a|a single) (?:week|day|month|fortnight)",
        r"(?:the |one of the )?(?:worst|weakest|poorest|least (?:impressive|capable|competent"
        r"|prepared))(?! (?:month|week|year|day|quarter|season|time|period|stretch|spell|patch"
        r"|winter|summer|crisis|outage|storm)s?\b)(?: [a-z]+){0,2} (?:we|they|i|anyone|anybody)"
        r"(?:'ve|'d| have| had| has)?"
        r" (?:ever )?(?:seen|had|met|interviewed|received|read|reviewed|worked with|hired"
        r"|engaged|employed)",
        r"(?:rarely|never|seldom) (?:seen|met|interviewed|had) (?:a |an )?(?:candidate|person"
        r"|anyone|someone|applicant)(?: [a-z]+){1,5} (?:so|as|this|that) (?:spectacularly|badly"
        r"|poorly|wrong)",
    ),
    # Backhanded contrast and dismissal: praise then an elided "not" ("your confidence was
    # impressive. your knowledge, sadly, was not"), enthusiasm mistaken for ability, "long on
    # opinions, short on facts", "memorable for the wrong reasons", "keep your day job", nobody
    # believing the person, a role the person misunderstood, the question repeated.
    _words(
        r"your [a-z' ]{1,30},? (?:sadly|unfortunately|alas|however|less so|not so much),?"
        r" (?:was|were|is|are) (?:not|less so)(?=[.!?]|$)",
        r"(?:mistaken|mistook|mistaking|confus(?:ed|ing)) (?:\w+ ){1,2}(?:for|with) (?:ability"
        r"|competence|skill|talent|expertise|experience|knowledge|substance|depth)",
        # (not "your portfolio was heavy on visuals and light on the problem-solving", after
        # dev_37: what was plentiful is the person's talk or manner, not the work's content)
        r"(?:full of|long on|big on|heavy on|rich in) (?:opinions|talk|words|confidence|charm|ego"
        r"|bluster|buzzwords|jargon|promises|style|swagger|attitude|hot air|claims|self belief"
        r"|bravado|excuses)(?:,| and| but) (?:short|light|low|thin) on",
        r"for (?:all )?the wrong reasons|(?:keep|don't give up|do not give up|stick to) (?:your|the)"
        r" day job",
        r"(?:nobody|no one|none of us)(?: \w+){0,2} (?:believed|bought|trusted) (?:you|your|a"
        r" word|the)|(?:didn't|did not|couldn't) believe a word",
        r"(?:not sure|no idea|unclear) what you thought (?:this|the) (?:role|job|position) (?:was"
        r"|is|would be)",
        r"(?:need(?:ed)?|needing) (?:the question|things|everything|it) (?:repeated|explained"
        r" twice)|repeat(?:ed)? (?:the question|ourselves|everything) (?:three times|twice"
        r"|several times)",
        r"(?:longer|more time) (?:[a-z']+ ){0,3}(?:untangling|fixing|correcting|deciphering"
        r"|cleaning up|decoding) your",
        r"(?:asked|used|got) (?:chatgpt|an ai|a chatbot|copilot)(?: \w+){0,3} (?:and )?(?:pasted"
        r"|copied)|pasted the first (?:answer|result)|red ink",
        r"not (?:very |particularly |terribly |that )?good at (?:this|it|interviewing|your job"
        r"|much|anything)(?=[.!?,;]|$)",
    ),
    # Belittling without an insult word: the person's mind ("more between the ears", "explain
    # everything to you twice"), reach ("aiming this high", "a lot less responsibility"), peak
    # ("peaked a decade ago"), class ("not in the same class as"), effort ("skimmed the job
    # description"), the meeting endured ("relieved when the interview ended", "a masterclass in
    # saying nothing", "let's not pretend that went well").
    _words(
        r"between (?:the|your) ears|explain\w* (?:everything|things|it all|it)(?: to you)?"
        r" (?:twice|again and again|slowly|three times)|spell (?:everything|it all) out",
        r"before aim(?:ing)? (?:this|so|that) high|aim(?:ing|ed)? too high|(?:above|beyond) your"
        r" (?:station|level|reach|weight)|punch(?:ing|ed)? above your|(?:suited|suit|better|fit)"
        r" (?:[a-z']+ ){0,4}(?:a lot|much|far|way) less (?:responsibility|complexity|pressure"
        r"|autonomy|challenge)",
        r"you(?:'ve| have| had|'d)? peaked|(?:who|that) (?:has |had |'d )?peaked|peaked (?:a|years"
        r"|decades|\w+ years|long) ago|past (?:your|his|her|their) (?:best|peak)",
        r"not (?:in )?the same (?:class|league|calibre|caliber|tier) as",
        r"(?:skimmed|glanced at|barely (?:read|looked at)|half read) (?:the|our) (?:job|role|brief"
        r"|description|spec|website|pack)",
        r"(?:relieved|glad|grateful) (?:when|that|once) (?:the (?:interview|call|meeting|session)"
        r"|it|you) (?:ended|was over|finished|left|wrapped up)|masterclass in (?:how not|saying"
        r" nothing|nothing|avoid\w*|evasion|waffl\w*|padding|rambling)|(?:let's|let us) not"
        r" pretend|no point pretending",
        r"like (?:someone|somebody|a person) who(?:'d| had)? (?:wandered|stumbled|strolled|walked"
        r"|turned up|blundered) in(?:to)?",
    ),
    # Sarcasm and condescension: praise that takes itself back ("great enthusiasm! shame about
    # the skills", "you're a nice person, but"), scare ellipses ("your... talents"), pity
    # ("bless", "aww", "good effort for someone at your stage", "where the bar is lower"), a
    # verdict dressed as tact ("how shall I put it", "let me be kind", "let's just say", "not your
    # finest hour"), low expectations confirmed ("wasn't expecting much", "surprised you
    # applied"), the person told to learn the basics ("learn what a unit test is").
    _words(
        r"(?:shame|pity) about (?:the|your) (?!(?:timing|budget|freeze|headcount|news|role"
        r"|weather|delay|wait|position|vacancy|funding|location|commute|distance)\b)[a-z]+"
        r"|(?:where|when) the bar is (?:lower|low)|(?:a )?lower bar"
        r"|nice try|(?<!god )bless\b(?! you for (?!trying|having a go|giving it a go))|aww+"
        r"|(?:your best|your all|gave it a go)"
        r",? i suppose|(?:what counts|good|fine|okay|ok|impressive|decent|not bad) (?:at|for)"
        r" (?:your|someone at your|someone of your) (?:level|stage)|for someone (?:at|of|in) your"
        r" (?:level|stage)",
        r"(?:your|was|were|is|are|certainly|definitely|quite|very|rather|so|such)\.\.\. ?(?:talents?"
        r"|skills?|creative|creativity|interesting|unique|original|different|ambitious|optimistic"
        r"|bold|brave|special|confident|enthusiastic|experience|expertise|effort|work|abilities"
        r"|ideas?|a choice|a statement|an experience|an education|something)",
        r"(?:thanks|thank you|great|well done|good job|nice|cheers),? i guess(?=[.!?]|$)"
        r"|i'll give you that"
        r"|(?:impressive|remarkable|amazing|astonishing|incredible|quite something) how (?:little"
        r"|badly|poorly|few|bad|wrong)|(?:what|something) (?:i'd|we'd|i would|we would|you might"
        r"|one might) (?:call|describe as) ['\"]",
        r"(?:nobody|no one|none of us|couldn't|could not|can't|cannot|didn't)(?: \w+){0,4}"
        r" (?:figure out|work out|tell|follow|understand|make sense of|decipher) what you (?:were"
        r"|are) (?:trying to (?:say|do)|on about|getting at|saying)",
        r"how (?:shall|should|can|do) (?:i|we) put (?:it|this)|let me be kind|let's just say"
        r"|let's be real|to put it (?:kindly|politely|nicely|mildly|gently)|not (?:exactly |quite )?"
        r"(?:your|the) (?:finest|best|proudest) hour",
        # Spelt out as if to a child: "I'll keep it simple so it's easy for you to follow".
        r"(?:easy|simple) (?:enough )?for you to (?:follow|understand|grasp)|(?:keep|put|make) it"
        r" (?:simple|short|basic) (?:for you|so you (?:can )?(?:follow|understand|get it))",
        r"(?:wasn't|weren't|was not|were not|didn't|did not) (?:really )?expect(?:ing)? (?:much"
        r"|a lot|great things|miracles)|surprised (?:that )?you (?:even )?(?:applied|bothered|got"
        r"|made|came|turned|showed)|not sure why you (?:did|bothered|applied|came|even)|how little"
        r" you (?:knew|know|understood|prepared|cared|did|had)",
        r"(?:showing|turning) up (?:was|would be|is) enough|(?:learn|look up|google|find out) what"
        r" (?:a|an|the) (?:\w+ ){1,2}(?:is|are|means)|brush up on (?:the |your )?basics"
        r"|(?:made|make|making) (?:it|that|this) look (?:hard|difficult|complicated)"
        r"|talk a good game|you(?:'ll| will) need it(?=[.!]|$)|wanted to like you|you made it"
        r" (?:very |really"
        r" |so )?(?:difficult|hard)\b(?! (?:for us )?to (?:choose|decide))"
        r"|(?:isn't|is not|wasn't) the same as being (?:good|competent|capable|any good)"
        r"|(?:weren't|wasn't|isn't|aren't|was not|were not) (?:much|any) better|so little to"
        r" (?:back|show)|nothing to back (?:it|that) up|(?:didn't|did not|failed to) impress"
        r" (?:anyone|anybody|a soul|any of us|a single)|(?:hop(?:ed|ing)|counting on) (?:we"
        r"|nobody|no one) (?:wouldn't|would not|won't|didn't|would) notice",
        r"not quite the (?:rock ?star|superstar|genius|star|unicorn|hotshot|wizard|ninja|expert)"
        r"|(?:promised|advertised|claimed|billed|sold|hyped)(?: \w+){0,2},? (?:was it|were you"
        r"|didn't it|wasn't it|did you)",
        r"(?:an? \w+|firm|company|team|agency|studio|business) of our (?:standing|stature|calibre"
        r"|caliber|prestige|reputation)|(?:a|an|our) (?:team|company|place|group|firm|studio"
        r"|agency) (?:this|that|so) (?:strong|talented|senior|good|competitive|elite|smart)\b",
        r"(?:not sure|no idea|can't think) (?:what|which) (?:job|role|career|company|team|line of"
        r" work) (?:is|would be|will be)|never worked (?:\w+ )?(?:anywhere|somewhere|for anyone"
        r"|at a company) (?:serious|proper|real|decent)",
        r"you (?:were|was|are)(?: \w+)? never (?:going|gonna) to|(?:was|were) always (?:going"
        r"|gonna) to (?:struggle|fail|flop|be out of)",
        r"(?:someone|anyone|a person|people|candidates?) (?:with|of) your (?:limited|modest"
        r"|narrow|thin|weak|poor|patchy|meagre|meager)",
        r"(?:a|an) (?:\w+ )?(?:nice|lovely|pleasant|friendly|sweet|kind) (?:person|guy|bloke"
        r"|individual|human),? but|(?:nice|niceness|enthusiasm|effort|trying|passion|being nice)"
        r"(?: alone| by itself| on its own)? (?:doesn't|does not|won't|isn't|is not|can't) (?:ship|pay|cut it|make up|replace|get"
        r"|deliver|build|count)",
        r"expected (?:much |a lot |far )?better (?:from|of) (?:you|someone|somebody|a candidate"
        r"|an applicant|a senior|a person)|(?:for|as|than) even (?:a|an) (?:junior"
        r"|entry level|graduate|intern|trainee|beginner|first year)",
        r"(?:hadn't|didn't|don't|haven't|did not|had not|do not) (?:\w+ )?(?:understood|understand"
        r"|know|known|learn(?:ed|t)?|grasp(?:ed)?|get|got|read) (?:a (?:single )?thing|the first"
        r" thing|anything at all)",
        r"(?:thrown|slapped|knocked|cobbled|rushed) together|riddled with|(?:flustered|rattled"
        r"|panicked|worked up|upset|stressed) (?:over|about|by) nothing",
        r"(?:like|as if|as though)(?: it was| they were)? (?:a|an|some) (?:\w+ )?(?:student|school"
        r"|schoolboy|schoolgirl|homework|high school|undergraduate|first year|beginner|hobby"
        r"|tutorial)(?: \w+)? (?:project|assignment|exercise|essay|piece|effort|attempt|example)"
        r"|(?:copied|lifted|pasted|taken) (?:straight )?(?:from|out of) (?:a|an|the) (?:textbook"
        r"|tutorial|template|blog|wikipedia)",
        r"(?:which|that|this|it) (?:says|said|tells|told|speaks) (?:a lot|volumes|everything"
        r"|it all|plenty)(?=[.!?,;]|$)",
    ),
    # Contempt by implication, as constructions rather than insult words (after dev_8):
    # rhetorical questions aimed at the person ("did you actually read the brief?", "who told
    # you ...?", "was that really your best work?", "is there a reason you applied ...?").
    _words(
        r"(?:did|do|have|had) you (?:actually|even) (?:read|look|prepare"
        r"|try|listen|think|check|test|open|run|understand|know|bother)"
        r"|(?:was|is) (?:that|this|it) really (?:your|the best)|who (?:told|convinced|advised"
        r"|persuaded) you (?:this|that|it)|is there a reason you applied"
        r"|who knew (?:someone|anyone|somebody|a person|you|a candidate)"
        r"|not sure what you (?:were|are) expecting|what (?:were|was) you (?:thinking|expecting)"
    ),
    # Sarcasm markers: mock admiration, mock sympathy and scare qualifiers ("I admire the
    # confidence it took", "it's adorable that you think", "quite the imagination", "your
    # claimed experience", "I use the word loosely", "I can only assume", "less so").
    _words(
        r"(?:admire|respect|applaud|love|salute) (?:the|your) (?:confidence|nerve|audacity"
        r"|optimism|cheek|guts|boldness|self belief) (?:it took )?to (?:apply|send|submit|show)"
        r"|(?:adorable|cute|sweet|charming|precious|endearing|quaint) (?:that|how) you"
        r"|quite the (?:imagination|performance|show|character|statement)"
        r"|certainly an experience"
        r"|your (?:claimed|alleged|supposed|so called|self proclaimed|self described|purported)"
        r" (?:experience|expertise|skills?|knowledge|seniority|background|track record"
        r"|achievements?|leadership)"
        r"|(?:i|we) use (?:the|that) (?:word|term) loosely|doing a lot of (?:heavy lifting|work)"
        r" (?:there|here)|(?:i|we) can only (?:assume|presume)"
        r"|as (?:a|an) [a-z]+(?: [a-z]+)?,? less so|,? (?:let's|shall we|we'll) say(?=,)"
        r"|brave (?:of you )?to (?:show|send|submit|present) (?:us )?(?:that|this|those|these)"
        r"|brave in the way|would be (?:even )?more (?:impressive|convincing"
        r"|useful|credible) if|if (?:any of )?it (?:were|was) (?:earned|deserved|backed|true)"
        r"|(?:don't|do not) (?:actually )?regret (?:it|this|that|saying)"
        r"|you won't have to (?:suffer|endure) through|neither will we"
        r"|(?:was|were|weren't|wasn't) (?:not )?imagining (?:it|things)"
        r"|(?:panel|team|we|interviewers|i)(?: are| is|'re|'m)? still recovering(?=[.!?]|$)"
        r"|(?:think of|consider) (?:this|it) (?:as )?a (?:kindness|favou?r|mercy)"
        r"|(?:did|doing) you a favou?r"
    ),
    # The person's mind, effort or reach belittled without an insult word: spelt out as if to
    # a child, feedback that would not land, an explanation repeated, advice to aim lower or to
    # prepare "even a little", a career for simpler minds, the person as a burden carried.
    _words(
        r"in terms you(?:'ll| will| can| could)? (?:follow|understand|grasp|get)"
        r"|no confusion this time|not sure (?:it|the feedback|feedback|that) would"
        r" (?:land|sink in|register|get through)|(?:explained|been over|gone over|gone through)"
        r" (?:the |this |it )?(?:\w+ )?(?:twice|three times|more than once|several times"
        r"|repeatedly)|(?:three|several|two|four|many|multiple) times and (?:still )?(?:can't"
        r"|couldn't|cannot|could not)",
        r"with (?:lower standards|fewer moving parts|less thinking)"
        r"|bar (?:for (?:this|the) (?:role|job) |here )?(?:is|was)(?:n't| not) (?:very |that"
        r" |particularly |exactly )?high|(?:maybe|perhaps) (?:try (?:to )?)?prepar(?:e|ing)(?:,? even a little| at"
        r" all| something|(?=[.!?,;]|$))|silence (?:beats|is better than)|luck (?:wasn't|was not|isn't|is not)"
        r" (?:really )?the (?:issue|problem)",
        r"(?:carrying|carried|propping up|propped up|dragging) you|managing you (?:took|cost|was"
        r"|would)|you'?d need (?:all|most) of it|eaten alive|chewed up and spat out"
        r"|you (?:may|might|will) never be(?= ready| good enough|[.!?]|$)|(?:built|made|cut out) for (?:following|taking|doing"
        r" what)|(?:the |about the )?only thing (?:you|he|she|they) (?:brought|had|offered"
        r"|showed|contributed)|expected you to know better"
        r"|(?:bluff|blag|wing)(?:ed|ing)? your way",
        r"the kind you'?d (?:find|get|see) in|what you'?d get if|none of it would"
        r" (?:survive|work|hold|stand)|confused (?:us|this|the role|the job) with (?:a|an|another"
        r"|some)|neither(?:,? [a-z]+ [a-z]+,?)? (?:could|did|do|can|would|have) you"
        r"|more than (?:you|your (?:[a-z]+ )?[a-z]+) (?:managed|did|could|ever)"
        r"|(?:shame|pity|too bad) (?:it|that|none of it|nothing) (?:didn't|did not|never) (?:show"
        r"|come through|translate)|didn't look like it(?=[.!?]|$)|(?:mostly|largely|purely|entirely|merely)"
        r" decorative|(?:a lot|all|most|plenty) of ours|breathed a sigh of relief|felt like (?:(?:two|three"
        r"|four|five|several) hours|an eternity|forever|a lifetime|days)"
        r"|(?:it|that|this) (?:only |just |merely )?confirmed it(?=[.!?]|$)"
        r"|(?:this|that|it) (?:passed|passes|would pass|wouldn't pass) for"
        r"|(?:barely|hardly|couldn't|could not|can't|cannot) string (?:a |two )?(?:thoughts?"
        r"|sentences?|words?) together|people like this one"
        r"|(?:very|so|quite|rather|certainly) ?\.\.\.? ?you\b|(?:beyond|escapes) me how"
        r"|how (?:someone|somebody|anyone|you|a candidate|a person)(?: [a-z0-9']+){1,12} is beyond"
        r" me"
        r"|(?:honestly |genuinely |really )?(?:don't|do not|can't|cannot) (?:\w+ )?(?:know|see"
        r"|understand|fathom) how(?=[.!?]|$)|the (?:lowest|worst|slowest) (?:one|ever|yet)"
        r"(?=[.!?,;]|$)|same [a-z]+, same [a-z]+,? (?:and )?same|(?:thanks|thank you) for the"
        r" entertainment|not (?:a|an) (?:comedian|clown|entertainer|magician"
        r"|novelist|poet|storyteller)(?=[.!?,;]|$)",
    ),
    # Ranked below a machine, a child, a student or a stranger, or below someone who has
    # "actually" done what the person did not; imagery likening the person or their work to
    # something laughable ("reads like", "interview like someone", "all the X of a Y").
    _words(
        r"(?:i've|we've|i have|we have|i'd|we'd|i've had|we've had) (?:had|seen|read|heard"
        rf"|received|got) (?:more (?:[a-z]+ )?|better |[a-z]+er )(?:[a-z]+ )?(?:{_WORK}"
        r"|conversations?|ideas|thinking|insight|logic) (?:from|in|by) (?:a|an|our|my|the)"
        r" (?!other\b|candidates?\b|applicants?\b)",
        r"(?:a|an|any|our|my) (?:[a-z]+ )?(?:graduate|intern|student|child|kid|toddler|trainee"
        r"|first year|teenager|chatbot|search engine|school ?kid|work experience kid)"
        r"(?: [a-z']+){0,4} (?:would|could) (?:have )?(?:done|do|managed|written|answered|finished"
        r"|completed|solved|built|fixed|handled|nailed) (?:better|more|that|this|it|faster"
        r"|quicker|in half)",
        r"(?:someone|somebody|a candidate|a person|people|anyone|candidates?) (?:who|that)"
        r" (?:has|have|had|can|could|does|did|will|knows?|is|was) actually [a-z']+(?: [a-z']+){0,4},?"
        r" (?:rather than|instead of|not just|unlike)",
        r"for (?:a|an|someone'?s?) (?:first (?:week|day|month)|beginner|child|kid|hobby(?:ist)?"
        r"|novice)|(?:fine|good|great|ok|okay) if (?:we|you)(?:'d| had"
        r"| wanted| were)",
        r"(?:you |your (?:[a-z]+ ){1,2})(?:reads?|looks?|looked|sounds?|sounded|interview(?:s|ed)?"
        r"|present(?:s|ed)?|writes?|wrote|codes?|coded|talk(?:s|ed)?|answer(?:s|ed)?) like"
        r" (?:(?:someone|somebody) (?:reading|who(?:'s| has| had| is| was)? never|who doesn't"
        r"|who didn't|who can't|who couldn't|trying|guessing|bluffing)|a list of|watching)|(?:was|felt|is) like watching"
        # (not praise: "like watching someone who has done this for years", "a pro", after
        # dev_26)
        r"(?! (?:someone|somebody) who(?:'s| has| had) (?:done|been)| an? (?:pro|professional"
        r"|master|natural|expert|veteran)\b)"
        r"|(?:had|has|with) all the [a-z ]{1,30} of (?:a|an) |(?:the way|like) (?:a|an)"
        r" (?:toddler|child|kid|puppy|baby|schoolboy|schoolgirl|teenager) "
        r"|(?:behaved|acted|carried on|sulked|reacted|responded) like (?:a|an|some) (?:[a-z]+ )?"
        r"(?:toddler|child|kid|brat|baby|schoolboy|schoolgirl|teenager|diva|prima donna)"
        r"|would make (?:a|an)"
        r" (?:lovely|nice|great|fine|good|cute) (?!addition|fit|colleague|candidate|lead|manager"
        r"|engineer|hire)|i'?m sure (?:(?:your|his|her) (?:mum|mom|mother|dad|family|friends"
        r"|gran) (?:thinks?|finds?)|you(?:'re| are) (?:a delight|lovely|great fun|fun|very nice)"
        r" (?:at|to|in)|in (?:your"
        r"|his|her) (?:previous|last|old|former))",
    ),
    # Backhanded and dismissive constructions (after dev_probe_9): praise undone by "in the
    # sense that" or "almost", "even you", work held up as what not to do or as a story to
    # dine out on, warning others away, the person as belonging elsewhere or beneath decisions,
    # going through the motions passed off as understanding, the brief never opened.
    _words(
        r"(?:creative|interesting|original|bold|ambitious|unique|brave|memorable|impressive"
        r"|innovative|novel)(?: [a-z]+)?,? in the sense that (?:none|nothing|no\b|it (?:didn't|wasn't"
        r"|never|couldn't))|(?:almost|nearly|practically)"
        r" (?:admired|admire|impressive|impressed|an achievement|a talent|an art)\b"
        r"|even you (?:knew|know|could|would|must|realised|realized|saw|can|will)"
        r"|example of (?:what not to do|what to avoid)|(?:story|stories|anecdote) (?:they'll|we'll|they will"
        r"|we will|the panel will|we'll all) be (?:telling|dining out on)|dining out on (?:it|that"
        r"|this|your)|warn (?:others|people|everyone|anyone|colleagues) (?:away|off|about)"
        r"|(?:wandered|stumbled|walked) into the wrong|someone else (?:making|taking|calling)"
        r" the (?:decisions|shots)|one year repeated",
        r"(?:nodding|bluffing|guessing|talking|name dropping|buzzwords|confidence|enthusiasm"
        r"|sounding [a-z]+)(?: along| fluently| confidently| a lot)? (?:is|are|was|were)(?:n't| not)"
        r" the same as",
        r"(?:never|hadn't|had not|didn't|did not) (?:even )?(?:opened|open|read|looked at|look"
        r" at) the (?:job description|brief|spec|job ad|advert|role profile)",
    ),
    # Contempt by implication (after dev_9): the effort imputed trivial ("knocked out on a lunch
    # break", "stitched together from forum answers"), the person's best called the worry,
    # praise with the substance excepted ("everything except a coherent thought", "anything
    # resembling skill", "it certainly wasn't competence"), the qualities wanted named as if
    # the person lacked them ("we need people who are sharp", "engineers who think"), mock
    # sympathy ("it must be nice to have so much free time", "a bold choice to skip testing"),
    # backhanded comparison ("surprisingly well for someone", "learned so little"), advice that
    # implies the person never bothered ("when you've bothered to find out"), a standalone
    # verdict sentence ("Amateur hour."), a meeting that wasted the panel's time.
    _words(
        r"(?:was|were|been|be) (?:\w+ )?(?:knocked|dashed|rattled|banged|tossed|whipped)"
        r" (?:out|off)\b(?! of)|(?:stitched|patched|glued|bodged|botched) together",
        r"(?:your best|your hardest|your all|you tried|your effort)(?: [a-z']+){0,3},? (?:which|and"
        r" that)(?: is|'s)? (?:exactly |precisely |actually |rather )?(?:what|the (?:part|bit|thing))"
        r" (?:that )?(?:worries|worried|concerns|concerned|scares|scared|troubles|bothers)",
        r"everything (?:except|but|apart from|bar|save) (?:a|an|any) (?:single |shred of |hint of )?"
        r"(?:[a-z]+ )?(?:thought|idea|point|argument|insight|substance|sense|logic|understanding"
        r"|competence|skill|talent|depth|clue|plan)",
        r"anything (?:resembling|approaching|remotely like) (?:a |an )?(?:[a-z]+ )?(?:skill"
        r"|competence|talent|ability|thought|understanding|insight|expertise|preparation|effort"
        r"|plan|answer|argument|rigou?r|structure|substance|quality)",
        r"(?:certainly|definitely|clearly|surely) (?:wasn't|was not|isn't|is not|weren't) (?:any )?"
        r"(?:competence|skill|talent|expertise|insight|intelligence|ability|understanding)"
        r"(?=[.!?,;]|$)",
        r"(?:shame|pity) (?:that )?(?:it|they|this|that) (?:wasn't|weren't|was not|were not)"
        r" (?:matched|backed|supported|accompanied) by",
        rf"(?:need|needs|needed|want|wanted|hire|hires|hiring|looking for|after|prefer)"
        rf"(?: \w+)? {_PERSON} (?:who|that) (?:are|is) (?:actually |genuinely |really )?(?:sharp"
        r"|smart|bright|clever|competent|intelligent|switched on|quick(?: witted)?|capable"
        r"|thoughtful|serious)(?! (?:on|at|in|with|about|of|enough to)\b)"
        rf"|{_PERSON} (?:who|that) (?:can |actually |really )?think(?: for themselves)?"
        r"(?=[.!?,;]|$| and\b)",
        rf"{_PERSON} (?:who|that) (?:can|could|will|does)(?: actually)? think for (?:themselves"
        r"|himself|herself)",
        r"must be nice (?:to (?:have|be) (?:so|such|that|all that|the luxury)|being so|to think)"
        r"|(?:a |an )?(?:bold|brave|daring|curious) (?:choice|decision|move|strategy) to (?:skip"
        r"|ignore|leave out|omit|not|forgo|forget|drop|skimp|apply|submit|send|turn up|show up"
        r"|wing)",
        r"(?:surprisingly|impressively|remarkably|astonishingly|suspiciously|oddly) (?:[a-z]+ )?"
        r"for (?:someone|somebody|a person|a candidate|an applicant|anyone) (?:who|with|of|like)",
        r"(?:learn(?:ed|t)?|achieved|retained|absorbed|picked up|grasped|understood"
        r"|contributed) (?:so|remarkably|surprisingly|astonishingly) little",
        r"(?:when|if|once) you(?:'ve| have)? (?:actually |even )?bother(?:ed)? to",
        r"(?:^|(?<=[.!?] ))(?:pure |total |utter |complete |absolute |real )?(?:amateur hour"
        r"|amateurish|pathetic|laughable|woeful|dire|cringe\w*|rubbish|garbage"
        r"|(?:what )?a (?:joke|shambles|mess))(?=[.!?]|$)",
        r"(?:your (?:[a-z]+ ){1,2}|it |that |which )(?:was|is|were|had been|has been) doing (?:a lot"
        r" of|all (?:of )?the|most of the|the) heavy lifting",
        r"(?:not sure|no idea|unclear|can't tell) what you thought you were (?:[a-z]+ing)",
        r"(?:stop|quit) wasting (?:my|our|the|everyone's|[a-z]+'s) (?:[a-z']+ )?(?:time|afternoons?"
        r"|mornings?|days?|evenings?|weeks?)",
        r"(?:nowhere near|not even close to) (?:our|the) (?:bar|standard|level|calibre|caliber)"
        r"|raise your (?:standards|bar)",
        r"(?:just|simply|only|but) not (?:someone|somebody|a person|the person|one) (?:to have|we'd"
        r" (?:want|have|hire)|we want|we need|to hire|to work with)",
        r"(?:kind|sort|type|level|standard) of (?:[a-z']+ ){0,3}(?:expect|see|get)(?: \w+){0,2}"
        r" from (?:someone|somebody|a person|people|anyone) who(?:'s| has| had| is)? never",
        r"(?:who|that) (?:\w+ )?know what (?:they're|they are) doing",
        r"(?:maybe|perhaps) (?:try|do|take|consider|start with) (?:a|an) (?:[a-z]+ )?(?:bootcamp"
        r"|beginners?'? course|course for beginners|intro course)|(?:get|getting) the (?:fundamentals"
        r"|basics) down",
        r"(?:can't|cannot|couldn't|could not|don't|do not) (?:quite )?(?:work out|figure out"
        r"|understand|fathom|see|imagine) how you(?:'ve| have| ever| got| made| passed| landed)",
    ),
    # Contempt by implication (after dev_10), as constructions: the field denied to the person
    # ("coding isn't really your thing", "reliability just isn't in your DNA") and advice to aim
    # lower ("maybe look at something less technical"); the standard called beyond them ("a
    # high bar for you") and the others "actually" able; the person as someone who cannot do
    # the basics ("wasted on someone who can't finish a sentence", "for someone who clearly
    # can't read a map"); grudging praise ("fine, I suppose", "all we could expect from you",
    # "I guess someone had to"); incapacity scaled down ("you'd struggle to keep order in a
    # playground, let alone a classroom"); "unlike you, actually"; never a contender; praise
    # turned on whoever gave it ("how low their standards must be"); the panel's time wasted;
    # disbelief that the person could ("I'd be amazed if you could keep up"); mock admiration
    # of an evasion ("impressive that you managed to get through ... without"); the work fit for
    # rewriting "by someone competent"; an animal or an object that would have done better ("a
    # snail would have been quicker", "a houseplant could have handled the phones"); a lesson
    # "in what not to do"; praise limited to "someone who only did a bootcamp"; nobody having
    # "bothered to read" the brief.
    _words(
        r"(?:clear|clearly|obvious|obviously|evident|evidently|apparent|apparently|seems|seemed"
        r"|suspect|frankly|honestly|sadly|afraid)(?: that)?(?: [a-z']+){0,4} (?:isn't|is not"
        r"|wasn't|was not) (?:really |quite |exactly |just |clearly |simply )?(?:your (?:thing"
        r"|forte|strong suit|calling|cup of tea)\b|in your (?:dna|nature|blood|genes|make ?up"
        r"|vocabulary)\b)",
        r"(?:maybe|perhaps|consider|try|you might) (?:look(?:ing)? (?:at|for)|try(?:ing)?|go(?:ing)?"
        r" for|consider(?:ing)?|stick(?:ing)? to) (?:something|a role|a career|roles|a job|jobs"
        r"|a field|work)(?: [a-z]+)? (?:a bit |a little |much |far |rather )?(?:less (?:technical"
        r"|demanding|challenging|complex|complicated|intellectual|skilled|analytical)|simpler"
        r"|easier)\b",
        r"(?:a |too )?(?:high|tall) (?:a )?(?:bar|order|standard) for you\b|(?:a|too much of a)"
        r" stretch for you\b|(?:other|rest of the) (?:candidates|applicants|finalists"
        r"|interviewees|people)(?: [a-z']+)? actually (?:knew|know|prepared|understood|read"
        r"|answered|bothered|listened|did|could|can|had a clue)\b",
        r"(?:on|for|from|by|to|with) (?:someone|somebody|a person|a candidate|anyone) who"
        r" (?:clearly |obviously |evidently |still |just )?(?:can't|cannot|couldn't|could not)"
        r" (?:even )?(?:finish|string|read|write|spell|follow|count|keep up|hold a|answer|tie)\b"
        r"|wasted on (?:someone|somebody|you)\b",
        r"(?:fine|good|ok|okay|decent|adequate|passable|alright|solid|competent),? i suppose(?=,)"
        r"|all (?:we|anyone|one|i) (?:could|can|would|should)(?: have)? (?:reasonably )?"
        r"expect(?:ed)? (?:from|of) (?:you|someone)|(?:i|we) (?:guess|suppose) (?:someone"
        r"|somebody)(?:'s)? (?:had|has|needed|got) to\b",
        r"you(?:'d| would| will|'ll)?(?: [a-z']+){0,4} (?:struggle|couldn't|could not|can't"
        r"|cannot|wouldn't be able|would not be able|be unable|barely|hardly|fail)"
        r"(?: [a-z',]+){1,10},? let alone",
        r"unlike you(?:rs)?,? (?:[a-z']+ ){0,2}actually\b",
        r"you (?:were|was|are|weren't)(?: \w+)? never (?:really |even |actually |seriously )?"
        r"(?:in (?:the running|contention|the frame)|a (?:real |serious )?(?:contender|option)"
        r"|close)\b|not that it (?:matters|mattered) (?:much |a great deal )?(?:in your case"
        r"|for you)",
        r"how low (?:[a-z']+ ){0,2}(?:standards|bar|expectations)",
        # (Not the manager's own: "sorry we wasted the afternoon". The lookbehinds follow the
        # first letter so that the scan tries them only at a "w".)
        r"w(?<!we w)(?<!i w)(?<!we've w)(?<!i've w)(?<!been w)(?<!not w)(?<!sorry for w)"
        r"(?<!apologies for w)ast(?:ed|ing) (?:my|our|the|a|an|everyone's|everybody's|[a-z]+'s)"
        r"(?: [a-z']+){0,2}"
        r" (?:time|afternoons?|mornings?|days?|evenings?|weeks?)\b",
        r"(?:amazed|surprised|astonished|shocked|stunned) if you(?:'d)? (?:ever |actually |even )?"
        r"(?:could|can|managed|were able|would|did|made it|lasted|kept)\b(?!'t| not| never)",
        r"(?:impressive|remarkable|amazing|astonishing|incredible|quite something|quite a feat"
        r"|an achievement|a feat|a talent|a skill)(?: [a-z']+)? (?:that|how) you (?:managed"
        r"|got through|made it|were able)(?: [a-z',]+){0,10} without (?:answering|saying|giving"
        r"|making|addressing|asking|explaining|showing|mentioning|a single)\b",
        r"(?:by|for|from|to|with|needs?) someone (?:actually |properly )?(?:competent|capable"
        r"|sensible|intelligent|smart|with a clue)(?=[.!?,;]|$)",
        r"(?:a|an|my|our|any|the office) (?:[a-z]+ )?(?:snail|tortoise|sloth|houseplant|pot plant"
        r"|potted plant|rock|brick|goldfish|parrot|monkey|chimp|hamster|cardboard cut ?out"
        r"|answering machine) (?:would|could|can|might)(?: \w+){0,2} (?:have )?(?:been|done"
        r"|handled|managed|answered|finished|made|written|run|covered)\b",
        r"(?:an education|a lesson|a masterclass|a tutorial|a (?:good |great |perfect |fine )?"
        r"example|a case study|an object lesson)(?: [a-z]+){0,2} (?:in|of|on) (?:what not to do"
        r"|what to avoid)\b",
        r"(?:bright|smart|clever|good|capable|articulate|competent|impressive|polished|confident"
        r"|sharp) for (?:someone|somebody|a person|a candidate|an applicant) (?:who|with|from)"
        r" (?:only|just|never|barely|hardly)\b|tak(?:e|ing) you seriously",
        r"(?:nobody|no one|didn't|did not|never|hadn't|had not|couldn't be)(?: [a-z']+){0,3}"
        r" bothered to (?:read|look at|open|check|prepare|research|find out|learn)\b",
    ),
    # Sarcasm (after dev_14): a pause before faint praise ("your... particular talents", "it
    # was... certainly a submission"), "shame about everything else", the team "still laughing
    # about your answer", "which end of a screwdriver to hold", "if that is the best your agency
    # can offer".
    _words(
        r"(?:your|it was|that was|this was|you're|you are|you were)\.\.\. ?(?:certainly|particular"
        r"|unique|special|interesting|creative|bold|memorable|quite|something|a choice)",
        r"(?:a )?shame about (?:everything|all|the rest)(?: else)?",
        r"(?:still )?laugh(?:ing|ed) (?:about|at|over) your",
        r"which end of (?:a|an|the) \w+(?: \w+)? (?:to hold|is which|goes)",
        r"if (?:that|this|they|those) (?:really )?(?:is|are) (?:really )?(?:the best|all)(?: that)?"
        r" (?:you|your \w+) (?:can|could) (?:offer|do|manage|send|find)",
        # (after dev_15) "were these genuinely the best you had", "not for the reasons you
        # intended", effort that "counts for something, right?", a claim others "might beg to
        # differ" with, work "like watching a student on placement", "a kid could have done".
        r"(?:were|was|are|is) (?:these|this|they|that|those|it) (?:genuinely|really|honestly"
        r"|seriously|truly) (?:the best|all) you",
        r"not for the (?:right )?reasons? you (?:might |may |would )?(?:intended|hoped?|expected"
        r"|meant|wanted|imagine)",
        r"(?:(?:that's|that is) what counts|counts for something|the thought that counts),?"
        r" (?:right|isn't it|doesn't it|eh|surely)(?=\?)",
        r"(?:might|may|would) (?:gently |politely |respectfully |strongly )?beg to differ",
        r"like (?:watching|reading|listening to|hearing) (?:a|an) (?:[a-z]+ )?(?:student|child"
        r"|kid|toddler|schoolchild|schoolboy|schoolgirl|teenager|beginner|trainee)\b",
        r"(?:kid|child|toddler|intern|schoolchild)(?: had| could have| could've| might have)?"
        r" (?:done|made|written|drawn|designed) (?:them|it|this|that|these|better)\b",
        # (after dev_16) "that's where the good news ends", "had a good chuckle at your gala
        # budget", "month-end will somehow manage without you", "chosen by drawing names out of
        # a hat", "reminded several of us of our own first attempts, back in school".
        r"(?:that's|that is) where the good (?:news|part|bit) ends",
        r"(?:a good |a )?(?:chuckl(?:e|ed|ing)|giggl(?:e|ed|ing)|snigger(?:ed|ing)?)"
        r" (?:about|at|over) your",
        r"(?:will|would|shall) (?:somehow|surely|probably) (?:manage|cope|survive|get by|muddle"
        r" through) without you",
        r"out of a hat",
        r"reminded (?:us|me|several of us|some of us|the panel|the team) of (?:our|my|their) own"
        r" (?:first|early|earliest|school)",
        # (after dev_17 and dev_18) surprise that the person applied at all, "concerns about
        # your intelligence", "the basics most of our interns already know", "string a sentence
        # together", a panel fighting to stay awake, "we hire professionals", "all hat and no
        # cattle", persistence "not matched by ability", praise "for someone with such a thin
        # CV", "someone people can actually understand", below what "a school leaver" would
        # do, "how seriously you take this", "unburdened by best practice", effort "all there
        # was to appreciate".
        r"(?:surprised|amused|puzzled|baffled|bemused) (?:that )?you (?:thought|think|felt"
        r"|believed|considered)",
        r"(?:concerns?|doubts?|worries|suspicions?|questions?) about your (?:intelligence"
        r"|competence|common sense)",
        r"basics (?:that )?(?:most|even|any|all|every)(?: of)?(?: our| the| an?)? (?:interns?"
        r"|juniors?|graduates?|students?|beginners?|first years?|trainees?|school ?leavers?"
        r"|children|kids)|brush(?:ing)? up on (?:your )?basic",
        r"string (?:a|two) (?:\w+ )?(?:sentences?|words) together",
        r"(?:difficult|hard|struggl\w+|a struggle|trying|fight\w*) to (?:stay|keep) awake",
        r"we (?:only )?hire (?:professionals|adults|grown ?ups)\b",
        r"all hat and no cattle|talk(?:ed|s)? a (?:big|good) game|all talk|all mouth",
        r"(?:isn't|is not|wasn't|was not|not|never) (?:\w+ )?matched by (?:any )?(?:ability"
        r"|talent|skill|competence)",
        r"for (?:someone|somebody|a person|a candidate|an applicant) with (?:such|so little"
        r"|so few|no real)\b",
        r"(?:people|clients|customers|anyone|everyone|we) (?:can|could|will) actually"
        r" (?:understand|follow|hear)\b",
        r"(?:below|worse than|short of|under) what (?:we(?:'d| would)? )?(?:expect|see) (?:from"
        r"|of) (?:a|an) (?:school ?leaver|first year|intern|student|child|teenager|beginner"
        r"|trainee)",
        r"(?:everything|all) we needed to know about how (?:seriously|little) you|how little you"
        r" (?:care|cared|prepared)\b",
        r"(?:unburdened|untroubled) by (?:\w+ )?(?:experience|knowledge|best practice|expertise"
        r"|competence|skill"
        r"|talent)",
        r"all (?:there was|we could find|we found) to (?:appreciate|like|praise|admire|say)",
        # (after dev_19) thanks for showing "what not to do", for "reminding us why we require a
        # degree", for clarifying "what we don't want"; a reminder "of how far our own team has
        # come"; a chatbot "only slightly better", an AI tool "that does what you do"; "kudos
        # for showing up on time"; "so confident about skills he doesn't have", "the
        # entertainment"; confusing two things "with such conviction"; a note "read aloud at
        # Friday drinks"; "no offence"; "a different direction, obviously".
        r"(?:show|showing|showed|teach|teaching|taught|remind\w*) (?:us|the panel|the team"
        r"|everyone) (?:exactly |precisely )?(?:what not to|how not to|why we (?:require|insist"
        r" on|ask for) (?:a |an )?(?:degree|qualification|certificat\w+|licen[cs]e|minimum"
        r"|experience))",
        r"help(?:ed|ing)? us (?:clarify|understand|see|realise|realize) (?:exactly |precisely )?"
        r"what we (?:don't|do not) want",
        r"(?:reminder|reminded us|reminding us) of how far (?:our|we)",
        r"(?:learned|learnt) a lot about (?:what (?:can|could) go wrong|what not to do)",
        r"(?:ran|put|tested|compared)(?: [a-z']+){0,4} (?:through|against|with) (?:chatgpt|an ai"
        r"|ai|a chatbot|an llm)\b[^.!?]{0,80}\bbetter"
        r"|(?:ai tool|chatgpt|chatbot|an ai|a bot|a script|an algorithm|a macro) (?:that )?(?:does"
        r"|did|can do|could do) what you do",
        r"(?:kudos|credit|points|well done|congratulations|full marks) (?:to you )?for (?:showing"
        r"|turning) up",
        r"(?:confident|sure|certain) (?:about|of|in) (?:skills|abilities|knowledge|experience)"
        r" (?:he|she|you|they) (?:don't|doesn't|didn't|do not|does not) (?:have|possess)",
        r"(?:appreciated|enjoyed|thanks for|thank you for) the (?:entertainment|comedy)\b",
        r"(?:confus|mix|muddl|mistak)\w*(?: [a-z']+){1,4} with such (?:conviction|confidence"
        r"|certainty|gusto|enthusiasm)",
        r"read(?:ing)? (?:it |your \w+ )?(?:aloud|out loud) (?:at|during|over) (?:friday |the"
        r" |our )?(?:drinks|pub|party|lunch|happy hour|team social)",
        r"no offen[cs]e\b(?! (?:intended|meant))",
        r"(?:different|another) (?:direction|way|route),? obviously",
        # (after dev_20, one sentence buried in a kind note) "written by a bored teenager",
        # "amazed your agency is still trading", "too pleased with himself", "wondered how you
        # cleared your degree", "something a first-year student might knock up", "wouldn't
        # last a week", "a sorry bunch", "rolled out of bed", "couldn't tell a business
        # analyst from a barista", "learned to code last Tuesday", "laughing about it all
        # week", "a total lightweight", "sending us whoever is idle".
        r"(?:as though|as if|like)(?: [a-z']+){0,4} (?:written|made|done|designed|drawn|produced"
        r"|put together|coded|built) by (?:a|an|some)"
        r" (?:bored |lazy |clueless |sulky )?(?:teenagers?|child|children|kids?|toddlers?|interns?"
        r"|first years?|students?|amateurs?|monkeys?)\b",
        r"(?:amazed|surprised|astonished|shocked) (?:that )?(?:your|you|the) (?:\w+ )?(?:is|are"
        r"|were|was) still (?:trading|in business|employed|working|around|going)",
        r"(?:too|so|rather|very|a bit|awfully|terribly) pleased with (?:him|her|them)sel(?:f|ves)"
        r"|too pleased with yoursel(?:f|ves)",
        r"wondered (?:how|whether|if) (?:you|he|she|they)(?:'d| had| have)? (?:\w+ )?(?:cleared"
        r"|passed|earned|faked|bluffed|lied|landed)|(?:ever|actually) (?:seen|used|held|done"
        r"|written|worked on) (?:a|an) real\b",
        r"(?:something|work|designs?|code) (?:that )?(?:a|an|any) (?:first year |bored |junior )?"
        r"(?:student|intern|child|kid|teenager|trainee)(?: \w+){0,2} (?:might|could|would)"
        r" (?:knock|throw)"
        r"|surprised (?:anyone|anybody|someone)(?: [a-z']+){0,3} signed (?:it|them|this|that)"
        r" off",
        r"who (?:wouldn't|would not|won't|will not) (?:last|survive) (?:a|one|a single) (?:week"
        r"|day|month|shift)",
        r"(?:a )?sorry (?:bunch|lot|crew|excuse)|rolled out of bed|fell out of bed",
        r"(?:couldn't|could not|can't|cannot|wouldn't) tell (?:a|an|the) [a-z ]{1,30} from"
        r" (?:a|an|the)\b",
        r"learn(?:ed|t) to (?:code|write|read|design|draw|drive|spell) (?:yesterday|last (?:monday"
        r"|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend))",
        r"laugh(?:ing|ed) (?:about|at|over) (?:it|them|this|that) (?:all|for) (?:the )?(?:week|day"
        r"|morning|afternoon)",
        r"(?:a )?(?:total|complete|real|bit of a|such a) lightweight",
        r"(?:sending|send|sent) us (?:whoever|whomever) (?:is|was|happens|you)\b",
        # (after dev_22) The person as a last resort or beneath a standard: "I'll let you know
        # if we get desperate", "not up to even the basic standard", "improve your
        # fundamentals before applying to reputed companies", "a candidate of considerably
        # higher calibre".
        r"(?:if|when|unless|once) (?:we|things|i) (?:get|are|become|got|grow) (?:really |more )?"
        r"desperate",
        r"not (?:up )?to even (?:the )?(?:most )?(?:basic|minimum|lowest)",
        r"(?:before|prior to) (?:applying|you apply) (?:to|for|at|with) (?:reputed|serious"
        r"|proper|real|top|decent|good|respectable) (?:companies|firms|organisations"
        r"|organizations|employers|places|businesses)",
        r"(?:candidates?|someone|somebody|applicants?|people|persons?|firms?|agenc(?:y|ies)"
        r"|providers?) of (?:a )?(?:considerably|much|far|significantly|vastly|altogether|rather)"
        r"? ?(?:higher|greater|better) (?:calibre|caliber)",
        # (after dev_23) Condescension and sarcasm: "something with less responsibility would
        # suit you better", "the most entertaining thing we've watched all week", "not an
        # offer, obviously", "you have proved the advice right", "which, let's be honest, need
        # it", "we question how you obtained your previous positions", "policy documents nobody
        # asked for", "bedtime reading", "without a proper degree", "a serious university".
        r"(?:something|a role|a job|a position|work)(?: [a-z]+){0,2} (?:with )?(?:less|fewer"
        r"|lower) (?:responsibility|responsibilities|pressure|complexity)\b(?: [a-z']+){0,3}"
        r" (?:suit|fit|be better)",
        r"most entertaining thing (?:we|i)(?:'ve| have)? (?:watched|seen|heard)|(?:not an offer"
        r"|no offer|not a yes|a no),? obviously",
        r"(?:proved|proven|proving) (?:the (?:advice|doubters|critics|sceptics|skeptics)|them"
        r"|everyone|my doubts) right",
        r"(?:let's be honest|to be honest|frankly|honestly),? (?:need|needs|could use|could do"
        r" with) (?:it|work|some work)\b",
        r"(?:question|questioned|wonder|wondering|puzzled|unclear|unsure) (?:how|whether|if)"
        r" (?:you|he|she"
        r"|they)(?:'d| had)? (?:ever )?(?:obtained|got|landed|secured|held|kept|earned|cleared"
        r"|passed|been shown|seen|used|heard of|opened)\b",
        # (after dev_26) The work shown round for laughs: "pinned the Gantt chart above the
        # kettle", "passed into office legend", "made it his status message", "made its way
        # around our team channel", "collected more reactions than", "a proper giggle at",
        # "made us guess which was which", "our 'wall of wonders'", "an excellent onboarding
        # video on turning a ten-minute task into…".
        r"(?:pinned|stuck|framed|hung|taped|put) (?:it|them|this|that|(?:your|the) [a-z ]{1,20}?)"
        r" (?:up )?(?:above|on|beside|next to|by|over) (?:the|our) (?:kettle|fridge|coffee machine"
        r"|printer|toilets?)",
        r"(?:passed|gone|went) into (?:office|team|company) (?:legend|folklore)|(?:become|became"
        r"|becoming|now) (?:something of )?(?:an? |our )?(?:office|team) mascot|(?:his|her|their"
        r"|my) status message|(?:collected|got|earned|drew) more (?:reactions|likes|laughs"
        r"|comments) than|wall of (?:wonders|shame)",
        r"(?:had|have|having|got) a (?:proper |good |real |little |quiet |big )?(?:giggle|chuckle"
        r"|laugh|snigger|titter) (?:at|over) (?!(?:ourselves|myself|the weather|my own|our own)\b)"
        r"|guess which (?:was|is) which",
        r"(?:excellent|great|perfect|ideal) (?:onboarding|training|teaching) (?:video|material"
        r"|example|case study) (?:on|of|for) (?:how not|what not|turning)",
        # Figurative contempt: "a bit like watching someone assemble flat-pack furniture with the
        # instructions upside down", "as if a fortune-cookie factory had been asked to draft a
        # white paper", "if I stopped a stranger at the bus stop", "my eight-year-old nephew
        # negotiates his bedtime with a more coherent strategy", "held page six up next to her
        # daughter's nursery drawings", "I've heard sat-nav voices with more warmth",
        # "something a sixth-form media class might throw together".
        r"like watching (?:someone|somebody) (?:try|trying|attempt|attempting|struggl\w+|wrestl\w+"
        r"|assembl\w+|fight|fighting|drown\w*|flail\w*)|like watching a (?:toddler|child|kid|cat|dog"
        r"|monkey|chimp)\b",
        r"as if (?:a|an|some)(?: [a-z']+){1,4} had been (?:asked|told|hired|paid) to",
        r"(?:stopped|asked|grabbed) a (?:stranger|random person|passer ?by|random stranger)",
        r"(?:nephew|niece|son|daughter|toddler|kids?|child|grandma|granny|grandmother|grandad"
        r"|dog|cat)(?:'s)?(?: [a-z']+){0,8} (?:with )?(?:a )?more (?:coherent|convincing"
        r"|persuasive|structured|logical|professional|competent)",
        r"(?:next to|beside|against|alongside) (?:her|his|my|our|a|their) (?:[a-z]+ )?"
        r"(?:daughter|son|nephew|niece|child|kid|toddler)'s",
        r"(?:heard|seen|met) (?:[a-z'-]+ ){1,4}with more (?:warmth|conviction|personality|charisma"
        r"|life|enthusiasm)",
        r"(?:something|work|concept|designs?|code|it) (?:that )?(?:a|an|any)(?: [a-z]+){0,3}"
        r" (?:class|pupils?|schoolchildren|schoolkids?|students?|interns?|kids?|children"
        r"|teenagers?) (?:might|could|would) (?:throw|knock|put|cobble|whip)",
        # Sarcasm: "which I thought was generous", "and not at all in a good way", "we've all
        # learned a great deal about your feelings on fonts".
        r"(?:which|and) i (?:thought|think|found) (?:was |that was )?(?:generous|kind|charitable)"
        r"|not (?:at all )?in a good way|learn(?:ed|t) a (?:great deal|lot) about your (?:feelings"
        r"|opinions|views|love|passion|obsession) (?:on|for|about|with)",
    ),
    # An eye-roll in writing: "(sigh)", "*sighs*".
    r"sighs?\)|sighs?\*",
    _words(
        r"(?:nobody|no one) (?:ever )?asked for\b|bedtime reading",
        r"without (?:a|any) (?:proper|real) (?:degree|education|qualifications?)|(?:a|at a|from a)"
        r" (?:serious|proper|real) (?:university|college|school)",
        # (after dev_24) "did you really think that SQL would run??", "our intern's first draft
        # was better than your final submission, which is saying something".
        r"did you (?:really|honestly|seriously|actually|genuinely) (?:think|believe|expect)",
        r"(?:intern|trainee|student|child|kid|toddler|chatbot)(?:'s)?(?: [a-z]+){0,2} (?:was|were"
        r"|is|are) better than (?:your|yours|you)|which is saying something",
        # (after dev_25) Ridicule reported or made: "ran better during the week you were on
        # holiday", "the committee joked your research statement read like", "more of my
        # patience than you ever deserved", "learned your coaching from playing FIFA",
        # "something a school canteen would be embarrassed to serve", "used as doorstops",
        # "gave everyone a good laugh", "taking the mick", "as a warning to apprentices",
        # "couldn't run a checklist at a picnic, let alone", "clearly never read a policy
        # paper", "the comedy highlight of everyone's week", "embarrassed on your behalf",
        # "whether it had been written by a first-year student", "wondering how you ever got
        # through your training".
        r"(?:better|smoother|faster) (?:during|while|when)(?: [a-z]+){0,3} you were (?:away|on"
        r" holiday|on leave|off|absent|out|gone)",
        r"(?<!you )(?<!you've )(?:joked|laughed|quipped|sniggered)(?: that)? (?:your|you)\b",
        r"than you (?:ever |really )?deserved",
        r"(?:learned|learnt|picked up) (?:your|it|this|that)(?: [a-z]+){0,2} from (?:playing )?(?:fifa"
        r"|video games|a video game|computer games|the playstation|xbox)\b",
        r"(?:would|'d) be (?:embarrassed|ashamed) to (?:serve|show|submit|sell|publish|send"
        r"|present|hand in)",
        r"used as (?:a )?(?:doorstops?|paperweights?|coasters?|firewood|a joke)",
        r"taking the (?:mick|mickey|piss)|as a warning to (?:apprentices|others|everyone|new"
        r" starters|juniors)",
        r"you (?:could|couldn't|can't|could not|cannot|can)(?: [a-z']+){1,8},? let alone",
        r"(?:someone|somebody|who) (?:has |had )?clearly never (?:read|written|seen|done|used"
        r"|worked)",
        r"comedy (?:highlight|gold|show|hour)|(?<!\ba )highlight of (?:everyone's|our|the team's)"
        r" (?:week|day|month)|not in the entertainment business",
        r"embarrassed (?:on your behalf|for you)|(?:whether|if) it (?:had been|was) written by"
        r" (?:a|an|some)\b",
        # (after dev_27) "nothing says serious business quite like clip art, does it?",
        # "listening to you was like being stuck on hold", "leave the bargain-bin suit at home".
        r"nothing says [a-z' ]{1,40} (?:quite )?like [^.!?]{1,80}, (?:does|do|is|isn't|doesn't)"
        r" (?:it|they)\b",
        r"(?:listening to|talking to|talking with|working with|interviewing|dealing with) (?:you"
        r"|your [a-z]+) (?:was|felt|is|were) (?:a bit |rather |somewhat |a lot )?like (?:being"
        r" stuck|being trapped|watching paint|pulling teeth|talking to a (?:wall|brick)|an?"
        r" (?:broken|faulty|endless|never ending|dull|boring))",
        # (after dev_28) "reads like it was written by a caffeinated squirrel", "looked like the
        # inside of a teenager's locker door", "went off faster than milk on a radiator",
        # "I've seen sharper reasoning on the back of a shampoo bottle", a sample "adorable".
        r"(?:written|drawn|designed|made|put together|assembled|coded|painted|built) by an?"
        r" (?:[a-z]+ )?(?:squirrel|toddler|monkey|hamster|chimp|chimpanzee|drunk(?! driver)|goat"
        r"|parrot|five year old|six year old|committee of (?:toddlers|children|monkeys))\b",
        r"(?:looked|looks|sounded|sounds|read|reads|felt|feels) like (?:the (?:inside|back"
        r"|bottom) of )?an? (?:teenager's|toddler's|child's|kid's|schoolboy's|schoolgirl's)",
        r"(?:went|goes|wore|wears|going|wearing) (?:off|thin|stale|sour) (?:faster|quicker) than",
        # (after dev_29) "I'll use small words", "someone far better at invoicing than at
        # thinking", "your little tantrum", "less of a know-it-all", "a shirt that actually
        # fits", "a little less droning", "your creative director's ego filled the room",
        # "congrats on being the first apprentice to set off the fire alarm twice", "barely
        # competent", "like nervous schoolboys", "struck several directors as pompous",
        # "believes his own press releases", "about as warm as a parking ticket", "came across
        # as rather desperate".
        r"(?:i'll|i will|let me|i'm going to) use (?:small|simple|short|little) words",
        r"look(?:ed|ing)? (?:a bit |a little |so |rather )?(?:less )?bored out of your",
        r"someone (?:far |much |a lot |rather )?better at [a-z ]{1,20} than (?:at )?(?:thinking"
        r"|working|doing|delivering|listening)",
        r"your little (?:tantrum|outburst|meltdown|episode|stunt|display|rant|strop|sulk)",
        r"less of an? (?:know it all|busybody|clown|show off|loudmouth|drama queen|diva|bore)",
        r"(?:a|an) (?:shirt|suit|outfit|jacket|blazer) that (?:actually )?fits"
        r"|(?:a little|a bit|a lot) less (?:droning|waffling|rambling|whining|mumbling|preaching"
        r"|arrogance|smugness|ego)",
        r"(?:your|his|her|their) (?:[a-z']+ ){0,2}ego (?:filled|took up|needed|dominated|entered"
        r"|arrived)",
        r"congrat\w* on being the first (?:[a-z]+ ){0,3}to (?:set off|break|lose|crash|forget|fail"
        r"|miss|burn|spill|delete)",
        r"barely (?:competent|literate|coherent|capable|awake|functional|professional|adequate)",
        r"(?:reading|behaving|acting|talking|squabbling|giggling|sulking|whining|arguing|fidgeting)"
        r"(?: [a-z]+){0,4} like (?:nervous |naughty |little )?(?:schoolboys|schoolgirls"
        r"|schoolchildren|toddlers|children|kids)\b(?!')",
        r"(?<!never )(?<!didn't )(?<!did not )(?:struck|strikes) (?:[a-z]+ ){0,3}as (?:pompous"
        r"|arrogant|smug|desperate|needy|creepy|whiny|pathetic|clueless|entitled|insufferable"
        r"|condescending)"
        r"|(?<!never )(?<!didn't )(?<!did not )(?<!doesn't )(?:came|come|comes|coming) across as"
        r" (?:rather |a bit |quite |somewhat |a little |very )?(?:desperate|needy|pompous|smug"
        r"|creepy|whiny|pathetic|clueless|entitled|insufferable)",
        r"believes? (?:his|her|their|your) own (?:press|hype|publicity)",
        r"(?:is|was|are|were) (?:about |roughly )?as (?:warm|useful|helpful|exciting|sharp|lively"
        r"|friendly|inspiring|engaging|welcoming|charming) as an? (?:parking|tax|speeding|wet|damp"
        r"|brick|dead|cold|broken|traffic|filing|fridge|wall|rock|doorstop|fish|spreadsheet"
        r"|cardboard)",
        r"seen (?:sharper|better|smarter|clearer|more coherent|deeper|stronger) [a-z ]{1,30}"
        r" (?:on|in) the back of an?\b",
        r"(?:sample|answers?|attempt|effort|submission|pitch|presentation|code|essay|cv|resume"
        r"|application|idea|proposal)(?: [a-z]+){0,4} (?:was|were|is"
        r"|looked) (?:so |very |rather |quite |just |really )?(?:adorable|cute)\b",
        r"leave (?:the|that|your) (?:bargain bin|cheap|scruffy|shabby|tatty|ill fitting|crumpled"
        r"|wrinkled|stained|garish|tacky|creased|charity shop) (?:[a-z]+ )?(?:suit|outfit|clothes"
        r"|shoes|tie|jacket|trainers|shirt|blazer) at home",
    ),
    # (after dev_39) "could sit through another interview like yours", "an excellent talk for a
    # first-year undergraduate audience", "ask a friend to proofread", "some kind of record",
    # "scraping the barrel", "in the sense that there were only two of you", "falls under a
    # bus", "doesn't need you to read instructions", "adequate, on a good day", "never a
    # serious consideration", "wondered whether you'd prepared at all".
    _words(
        r"sit through another (?:interview|presentation|meeting|call|session|pitch|demo) like"
        r" (?:yours|that)",
        r"(?:excellent|great|good|fine|lovely) (?:talk|presentation|lecture|answer|essay|pitch)"
        r" for (?:a )?(?:first year|undergraduate|freshman|school|beginners?|high school|primary"
        r" school|children)",
        r"(?:ask|get|have) a (?:friend|colleague|child|kid|teenager) to (?:proofread|check|read"
        r"|spell ?check)",
        r"must be (?:some kind of |some sort of |a )(?:record|personal best)",
        r"scraping the (?:bottom of the )?barrel|(?:don't|do not) get too excited",
        r"in the sense that there (?:were|was) only (?:two|2|one|1) of you",
        r"(?:falls?|gets?|got|is|goes) (?:hit by|under) a bus",
        r"(?:doesn't|does not|won't|will not) (?:need|require|expect) you to (?:read|follow"
        r"|understand|think|listen|spell)",
        r"(?:adequate|passable|competent|acceptable|fine|okay|average|mediocre),? on a good day",
        r"never a serious (?:consideration|option|prospect|contender|possibility)",
        r"wondered (?:whether|if) you(?:'d| had)? (?:prepared|read|tried|bothered|listened"
        r"|practised|practiced)(?: [a-z]+){0,2} at all",
    ),
    # (after dev_38) "you gave it your all, which unfortunately was the problem", "we'd have
    # managed fine without", "perhaps someone on your team could read it?", "they'll finally
    # be able to get on with their work", "thanks for the laugh, though", "something more your
    # speed".
    _words(
        r"(?:gave|give|giving) it your (?:all|best),? (?:which|and that|but that) (?:[a-z]+ly )?"
        r"(?:was|is) (?:the|exactly the|precisely the) (?:problem|issue)",
        r"(?:would|'d) have (?:managed|coped|been) (?:just )?(?:fine|perfectly well|okay|ok)"
        r" without(?: you)?\b",
        r"(?:perhaps|maybe) (?:someone|somebody|anyone) (?:on|in|at) your (?:team|agency|firm"
        r"|end) (?:could|might|can) (?:read|try reading|actually read)",
        r"(?:if|when) we (?:ever )?need quantity over quality",
        r"(?:they|we|the team)(?:'ll| will| can) finally (?:be able to )?(?:get on with|focus on"
        r"|get back to) (?:their|our) (?:work|jobs)",
        # (not "thank you for the laughs in the interview, you were great fun")
        r"thanks?(?: you)? for the (?:laugh|laughs|giggle|chuckle|entertainment|amusement),?"
        r" (?:though|at least|anyway)\b",
        r"(?:something|a role|roles|a job|jobs|a position) (?:more |a bit more |a little more )?"
        r"(?:at )?your speed",
    ),
    # (after dev_37) "go in a more competent direction", "I can see why your last company let
    # you go", "none of you were worth hiring", "your best work is behind you", "were those
    # CVs a joke?", "I'd hate to see your worst", "the way one appreciates a cautionary
    # example", "just not a particularly bright one".
    _words(
        r"(?:a|the) (?:more|less) (?:competent|intelligent|capable|talented|professional|able"
        r"|clever|skilled|qualified|serious) direction",
        r"(?:see|understand|know|get) why (?:your (?:last|previous|old|former|current) (?:company"
        r"|employer|boss|manager|team|firm|job|agency)|they) (?:let you go|fired you|sacked you"
        r"|dropped you|got rid of you|laid you off|let you off|showed you the door)",
        r"(?:none of (?:you|them|the [a-z]+)|you|they) (?:were|was|are|is|weren't|wasn't|aren't"
        r"|isn't|were not|was not|are not|is not) worth (?:hiring|employing|interviewing"
        r"|shortlisting|our time|the (?:effort|bother|trouble))",
        r"(?:your|his|her|their|whose) best (?:work|days|years|ideas) (?:is|are) (?:well |long "
        r"|already |probably |clearly |likely )?behind (?:you|him|her|them)",
        r"(?:was|were) (?:that|those|these|this|your) (?:[a-z]+ )?(?:cvs?|candidates|profiles"
        r"|resumes|answers|samples?|submissions?|applications?|slides|ideas) (?:a |some kind of "
        r"|some sort of |meant as a )?joke",
        r"hate to see (?:your|their|his|her) worst",
        r"(?:one|we|i|people) (?:appreciates?|values?|remembers?|treasures?) an? (?:cautionary"
        r" (?:tale|example)|warning|bad example)",
        r"not an? (?:particularly|very|terribly|especially|overly|all that) (?:bright|smart"
        r"|clever|intelligent|sharp) (?:one|person|guy|man|woman|individual|candidate|spark)",
    ),
)


_DISPARAGING_SCAN = _one_scan(_DISPARAGING)

# Judgement at sentence level, whatever the phrasing: a sentence about the person or what they
# made ("you", "your", "the people you send") that uses a word of contempt or of a character
# flaw ("sloppy", "arrogant and lazy", "laughably bad", "a joke"), unless the word is negated
# ("never rude"), the sentence is the manager's own apology ("sorry our process was a mess"),
# or it praises ("your talk on common stupid mistakes was great"). These words are not what
# fair critique of the work uses ("vague", "missed", "weak on testing", "slow").
_CONTEMPT_WORD = _rule(
    r"lazy(?! (?:load\w*|evaluat\w*|init\w*))|laziness|lazily|arrogan(?:t|ce)|stupid(?:ity)?"
    r"|idiot(?:ic|s)?|dumb|moron(?:ic|s)?|incompeten(?:t|ce)|useless|clueless|pathetic(?:ally)?"
    r"|hopeless(?:ly)?|worthless|slopp(?:y|ier|iest|iness|ily)|careless(?:ness|ly)?"
    r"|mediocr(?:e|ity)|half baked|laughabl[ey]|ridiculous(?:ly)?|embarrass(?:ing|ingly|ment)"
    r"|shameful|disgrace(?:ful)?|a (?:\w+ )?joke|(?:a|an) (?:\w+ )?(?:mess|shambles)"
    r"|garbage|rubbish|trash|junk(?! (?:folder|mail|box|filter))|crap(?:py)?|shoddy|lousy"
    r"|atrocious|abysmal|pitiful"
    r"|amateurish|know it all|underwhelm(?:ed|ing)|rude(?:ness)?|condescending|smug"
    r"|obnoxious|insufferable|unbearable|childish|immature|delu(?:sional|ded)|unprofessional"
    r"|clowns?|a bore|inept(?:itude)?|unmotivated|a nightmare|a waste of|woeful(?:ly)?"
    r"|(?:not|un) ?professional|a (?:weekend |school |kid's )?hobby|unprepared|rambl\w+"
    r"|thoughtless(?:ly)?|a chore|a slog|tiresome|tedious|juvenile|puerile|infantile|petty"
    r"|(?:churn|crank|bang|pump)(?:s|ed|ing)? (?:\w+ )?out|sulk(?:s|ed|ing|y)?|dismissive"
    # Filler and drivel, a pedestrian effort, a performance called painful, or ranked last with
    # nothing after it ("yours was easily the weakest"; "your weakest area" names a gap).
    r"|hollow|filler|drivel|twaddle|gibberish|pedestrian|painful(?:ly)?(?! (?:news|decision|choice"
    r"|message|email|for (?:you|us|me)|to (?:share|say|tell|write|deliver|make|hear)|aware))"
    r"|the (?:weakest|worst|poorest)(?=[.!?,;]|$| of\b(?! the (?:[a-z0-9]+ ){0,2}(?:we|that we"
    r"|submitted|received)))"
    r"|bottom of the barrel|scrap(?:e|ed|ing) the (?:bottom of the )?barrel|the dregs"
    # The panel's wince or boredom, or a minder needed: "your code made our reviewers wince",
    # "I forgot the question", "hiring you would have meant babysitting you".
    r"|winc(?:e|ed|es|ing)|cring(?:e|ed|ing)|groan(?:ed|ing)?|rolled (?:our|their|my) eyes"
    r"|eye ?rolls?|facepalm\w*|nodded off|fell asleep|zoned out|glazed over|lost the will"
    r"|forgot (?:the|my|what the) question|babysit\w*|mumbl\w+"
    r"|(?:which|that|it|this) was (?:\w+ )?(?:exhausting|draining|tiring)"
)
# The word describes something else in the world when it stands before a noun that is not
# the person's or their work: "you fixed a stupid bug", "the rubbish weather", "a lazy Friday
# afternoon" (but "your sloppy slides", "a lazy candidate" and "laughably bad" are about them).
_BEFORE_A_NOUN = re.compile(
    r" (?!(?:and|or|but|nor|to|in|at|on|about|for|with|of|as|than|from|by|when|if|because"
    r"|since|so|that|which|who|too|even|overall|throughout|here|there|again|during|all|from"
    r"|is|are|was|were|be|been|being|seem\w*|look\w*|felt|feel\w*|sound\w*|has|have|had"
    r"|would|will|could|should|might|may|can|did|do|does|not|never|very|really|quite|indeed"
    r"|i|i'\w+|we|we'\w+|you|you'\w+|they|they'\w+|he|she|it|it's|me|us|them|yourself"
    r"|someone|somebody|anyone|anybody"
    rf"|{_WORK}|{_PERSON})\b)[a-z]"
)
_YOURS_BEFORE = re.compile(r"\byour (?:[a-z']+ )?$")
# Or it is what the person or their work is, not what describes the next word: "your answers
# were pretty clueless tbh" (the word after it is a tag, not a noun it qualifies).
_PREDICATE_BEFORE = re.compile(
    r"\b(?:you|your|yours)(?: [a-z']+){0,4} (?:is|are|was|were|seemed|seems|looked|looks|felt"
    r"|feels|sounded|sounds|came across as)"
    r"(?: (?:pretty|very|really|quite|rather|so|too|a bit|a little|fairly|totally|completely"
    r"|utterly|just|frankly|honestly|[a-z]+ly))* $"
)
# Or it sits in a clause about something else: "your take that most TDD advice is stupid".
_CLAUSE_BEFORE = re.compile(
    r"\b(?:that|which|who|whether|why|how) (?:[a-z']+ ){1,6}(?:is|are|was|were)$"
)
# "you", "your", "yourself", but not "thank you", "see you" or "wish you".
_ABOUT_THE_PERSON = _rule(
    r"(?<!thank )(?<!see )(?<!wish )you(?:r|rs|rself|'re|'ve|'d|'ll)?",
    # A note to an agency names the person in the third person: "this one was hopeless".
    r"(?:this|that) (?:one|candidate|applicant|contractor)(?= (?:was|is|were|seemed|came))",
)
_NEGATED = re.compile(
    r"\b(?:not|never|no|hardly|nothing|without|far from|\w+n't)(?: [a-z']+){0,2} $"
)
# The manager's own side found wanting: "I'm sorry our scheduling was such a mess".
_OURS_BEFORE = re.compile(
    r"\b(?:our|my) (?:[a-z']+ ){1,5}(?:was|were|is|are|has been|have been|had been) (?:[a-z']+ )?$"
)
# How the person never seemed (after dev_33): "you never once came across as arrogant".
_NEVER_SEEMED = re.compile(
    r"\b(?:never|not|didn't|did not|don't|doesn't|hardly)(?: once| for a moment| for a second"
    r"| at all| ever| really)? (?:come|came|comes|coming|seem|seemed|seems|struck|strike|strikes"
    r"|sound|sounded|look|looked)(?: across)?(?: to (?:us|me|anyone))?(?: as| like)?"
    r"(?: [a-z']+){0,2} $"
)
_OWN_FAULT_OR_PRAISE = _rule(
    r"sorry|apolog(?:i\w+|y)|our (?:fault|mistake|side|end)|on our part",
    r"great|excellent|brilliant|loved|enjoyed|superb|fantastic|terrific|wonderful|insightful"
    r"|impress(?:ed|ive)|sharp|funny|clever|smart|nice|well done|kudos|refreshing|fun"
    r"|enjoy\w*|pleasure|lovely",
)


# --- discriminatory ----------------------------------------------------------------------------

_DEMONYM = _any(
    "american", "british", "english", "irish", "scottish", "welsh", "indian", "chinese",
    "japanese", "korean", "vietnamese", "filipino", "thai", "nigerian", "ghanaian", "kenyan",
    "african", "mexican", "brazilian", "latino", "latina", "hispanic", "russian", "ukrainian",
    "polish", "romanian", "bulgarian", "turkish", "arab", "arabic", "persian", "iranian",
    "pakistani", "bangladeshi", "asian", "european", "western", "eastern", "dutch", "dutchman",
    "german", "french", "italian", "spanish", "portuguese", "greek", "swedish", "norwegian",
    "danish", "finnish", "scandinavian", "nordic", "swiss", "austrian", "canadian", "australian",
    "caucasian", "syrian", "iraqi", "afghan", "somali", "ethiopian", "egyptian", "moroccan",
    "algerian", "jamaican", "haitian", "cuban", "colombian", "venezuelan", "peruvian",
    "argentinian", "chilean", "israeli", "palestinian", "lebanese", "gypsy", "roma", "anglo",
    "anglo saxon", "celtic", "slavic", "middle eastern", "south asian", "east asian",
    "immigrant", "migrant",
)  # fmt: skip

# Each protected characteristic: its name in a suggestion, and the words that bring it in.
# Euphemisms count: "earlier in their career, with more energy" is about age.
_PROTECTED: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "age",
        "Leave age and career stage out; if experience decided it, name the skills the role "
        'needs, for example "We chose a candidate with more hands-on Kubernetes experience."',
        _rule(
            r"too (?:old|young)|(?:at|of|for) your age|your age|how old|years old|over the hill",
            rf"{_YOU_ARE}{_FILLERS} (?:old|older|young|younger|elderly|past it|over the hill)",
            r"old timers?|digital natives?|boomers?|millennials?|gen ?[xyz]"
            # (after dev_28) "someone fresher who grew up with a smartphone in hand".
            r"|grew up with (?:a |the )?(?:smartphones?|the internet|social media|tablets?|ipads?"
            r"|phones? in hand)"
            r"|(?:your|younger|older|a younger|an older|different) generation",
            r"younger|youngest|oldest|elderly|aged (?:\d+|over|between)|vintage|retirement|retirees?"
            r"|(?:near|nearing|close to|about to) retir\w*|someone winding down"
            r"|you(?:'re| are|'d be| would be|'ll be| will be| were| might be) winding down"
            r"|winding down (?:your|their|his|her)"
            # The years behind the person or their age stated in the reasoning: "with such a
            # long career behind you", "someone earlier on", "at 58 we felt".
            r"|(?:long|lengthy|whole|entire|full) career behind (?:you|them|him|her)"
            r"|(?:someone|somebody|candidates?|people|a person) (?:earlier|younger|fresher) on\b"
            r"|(?:^|(?<=[.!?,;] )|(?<=\band ))at (?:[2-7]\d),"
            # Nearing the end of a working life, however put: "ready to wind down soon", "at the
            # start of their journey rather than the end".
            r"|(?:ready|about|looking|wanting|want|likely) to (?:wind|slow) down|wind down soon"
            r"|(?:start|beginning|end|tail end) of (?:their|his|her|your|the) (?:own )?journey",
            # (after dev_22) Fit with a team described by its age: "a culture fit with our young,
            # high-energy team".
            r"(?:fit|fits|mesh|gel|click) (?:in )?(?:well )?with (?:our|the|a) young\b(?! (?:company"
            r"|business|startup|firm|organi[sz]ation|brand|industry|field|market|product))",
            # (after dev_23) "the stamina you tend to find at earlier career stages".
            r"(?:stamina|energy|drive|hunger)(?: [a-z']+){0,8} (?:at|in) (?:an |the )?earlier"
            r" (?:career|stages?)",
            # (after dev_24) "very seasoned, but we're after someone at an earlier stage".
            r"(?:someone|somebody|a candidate|a person|people) at an? (?:earlier|younger)"
            r" (?:stage|point|age)",
            r"older (?:candidates?|people|person|workers?|engineers?|applicants?|colleagues?"
            r"|than|team|hires?)|someone older|(?:are|were|be|being) older",
            r"(?<!with )(?<!for )(?<!support )(?<!serve )(?<!serving )(?<!supporting )"
            r"young(?:,)?(?: and)?(?: \w+){0,2} (?:team|crowd|blood|people|person|candidate|face"
            r"|colleague|engineer|company culture|energy|talent|hire|vibe|image|brand|feel|look"
            r"|office|workforce|culture)",
            r"(?:new|fresh|fresher|young) (?:blood|faces?|legs)|young energy",
            # (after dev_31) "someone who matches our brand: young, single and free to travel".
            r"(?:brand|image|culture|vibe|profile|look)(?: is)?: young\b",
            # (after dev_36) "a bit grey around the temples for our squad", "someone who still
            # remembers their uni passwords", "someone who grew up with them" (the apps).
            r"grey (?:around|at) the temples|grey haired|still remembers? (?:their|his|her) (?:uni"
            r"|university|college|school)|(?:someone|somebody|a person|a candidate) who grew up"
            r" with (?:them|it|this|that|the language|the technology|the tools)\b",
            # (after dev_35) "a candidate from the same generation as our users", "grow with the
            # company for the next fifteen or twenty years ... at this stage of your working life".
            r"(?:same|similar) generation|of whom are (?:under|over) (?:[2-7]0|twenty|thirty|forty"
            r"|fifty)\b|stage of (?:your|their|his|her) (?:working life|career)(?! development)"
            r"|grow with (?:us|the company|the business|the firm|the team) for (?:the next |another"
            r" )?(?:ten|fifteen|twenty|thirty|[1-3]\d)\b",
            # (after dev_34) "you're impressive for 23, but ... someone a good deal older".
            r"(?:impressive|good|mature|sharp|bright|accomplished) for (?:1[6-9]|[2-7]\d)\b(?!"
            r" (?:days?|weeks?|months?|years?|hours?|minutes?|percent|per cent|people|seats|more))"
            r"|(?:someone|somebody|a person|a candidate)(?: [a-z]+){1,3} older\b",
            # (after dev_32) "the team's mostly under 30".
            r"(?:mostly|all|largely|mainly|nearly all|almost all) (?:under|over) (?:[2-7]0|twenty"
            r"|thirty|forty|fifty|sixty)\b",
            r"skew(?:s|ed|ing)? (?:young|younger|old|older)|(?:young|youthful|trendy|hip) image"
            r"|(?:who'll|who will|who'd|who would|still|to stay|stay)(?: [a-z']+){0,4} (?:in|for)"
            r" (?:the next |another )?(?:twenty|thirty|forty|[234]\d)(?: \w+)? years",
            # Youth wanted or years counted: "youthful drive", "a young gun", "a lot of years
            # on the rest of the team", "counting down to their pension", "well past that".
            r"youthful(?:ness)?|(?:more|less|some|a bit of) youth\b|young guns?|fresh faced|(?:twenty|thirty|forty|fifty|sixty)"
            r" somethings?|years on (?:the rest|us|everyone|the team|your (?:colleagues|peers"
            r"|manager))|(?:your|their|his|her) pension|pension age|founder age"
            r"|(?:the )?(?:right|wrong|ideal) age|(?:you're|you are|you were) (?:\w+ )?past"
            r" (?:that|it|the age)",
            # Someone else's career stage is preferred: age. The person's own ("you're early in
            # your career") is their experience, which may be a fair reason.
            r"(?:early|earlier|beginning|start|starting|outset|dawn) (?:in|of) (?:their|his|her"
            r"|a|the)(?: own)? (?:careers?|working lives?|working life|professional life|life)",
            r"(?:early|earlier|late|later|final) stages? (?:of|in) (?:their|his|her|a|the)"
            r" (?:careers?|working li(?:fe|ves))",
            r"(?:late|later|end|twilight|tail end|autumn) (?:in|of) (?:your|their|his|her)"
            r" (?:career|working life|professional life|life)",
            r"(?:stage|time|point) (?:of|in) (?:your|their|his|her|) ?life",
            r"(?:fewer|less|more) years (?:behind|ahead|left|of runway)|long runway"
            r"|decades ahead|(?:stay|stick) (?:with us )?for decades|runway (?:left|ahead)"
            r"|more runway",
            r"(?:very|quite|really|pretty|fairly|so|mostly) young",
            r"(?:at|of) (?:an|the|that) age|the age (?:where|when|at which)",
            r"(?:candidates?|people|someone|anyone|applicants?|person|one|only) (?:over|past|in"
            r" (?:their|his|her)) (?:40|50|60|forty|fifty|sixty)s?|in your (?:40|50|60)s",
            r"(?<!teams )(?<!staff )(?<!headcount )(?<!scaling )"
            r"(?:over|past|nearly|almost|nearing|approaching|under) (?:[3-7]\d|thirty|forty"
            r"|fifty|sixty)\b(?!%| (?:\w+ )?(?:applications?|candidates|people|percent|hours|days"
            r"|years of|clients|countries|roles|projects|engineers|million|thousand|k|cv|resumes"
            r"|messages|interviews|users|customers|employees|staff|sites|offices|minutes"
            r"|characters|words|pages|members|hires|seats|beds|kg|km|miles|mph))",
            # (after dev_17) "at 22 the team felt you wouldn't command respect", "someone more
            # mature".
            # (after dev_39) "but at 24 the directors felt".
            r"(?:^|(?<=[.!?,;] )|(?<=\band )|(?<=\bbut ))at (?:1[6-9]|[2-7]\d) (?=(?:the|we|you|i"
            r"|our|they"
            r"|it|she|he)\b)|(?:someone|somebody|a candidate|a person)(?: a (?:bit|little))? more"
            r" mature|more mature (?:candidate|person|applicant|hire|colleague)",
            r"grand(?:mother|father|parent|ma|pa|kids|children)s?|granny|grandad|twenties|thirties"
            r"|(?:their|our|your|his|her|the) (?:20|30|40|50|60)s"
            r"|(?:forties|fifties|sixties)",
            r"recent (?:graduate|grad)s?|fresh (?:graduate|grad)s?|straight out of (?:school|uni"
            r"|college)",
            # Years left or years behind, and the stereotype of age (after dev_10): "someone with
            # a bit more life left in them", "decades behind you", "set in your ways".
            r"(?:life|years|miles|energy|fuel|gas)(?: [a-z']+){0,2} left in (?:them|you|him|her"
            r"|the tank)|(?:decades|a lifetime|half a century)(?: of [a-z]+)? behind (?:you|them"
            r"|him|her)|(?:set|stuck|fixed) in (?:your|their|his|her) ways",
            # A career assumed to be ending (after dev_11): "since you're likely to be winding
            # down in the next few years".
            r"(?:you(?:'re| are| were)|you'll be|you will be)(?: [a-z']+){0,3} (?:winding down"
            r"|slowing down|easing off|(?:nearing|approaching|close to|closer to|near) retirement)",
            # (after dev_15) "building their career with us rather than winding down"; (after
            # dev_16) "someone with a few more grey hairs".
            r"(?:rather than|instead of|than) (?:winding|slowing) down|gr[ae]y hairs?",
        ),
    ),
    (
        "pregnancy or family",
        "Leave pregnancy, children and family plans out; say what the role needs, for example "
        '"The role needs someone on site in Lyon four days a week."',
        _rule(
            r"only to go on leave|pregnan(?:t|cy)(?! pause)|(?<!post on )(?<!ward on )(?<!shifts on )"
            r"(?<!job on )maternity(?! (?:cover|ward|unit|department|services?|team|triage"
            r"|locum|contract|post|role|position|vacancy))|paternity|parental leave|expecting (?:a |your )?(?:baby"
            r"|child|twins)|(?:you|she|they)(?:'re|'s| are| is) expecting|baby|babies|newborn"
            # (after dev_35) "as your due date falls in our busiest quarter".
            r"|(?:your|her|their) due date"
            # (after dev_34) "since you'll be heading on leave in a few months".
            r"|(?:since|as|because|given) (?:you|she|they)(?:'ll| will|'re| are|'s| is)(?: be)?"
            r" (?:heading|going|off|away)(?: [a-z]+){0,2} on (?:leave|maternity|paternity"
            r"|parental)"
            # (after dev_38) "since you'll be expecting in the spring".
            r"|(?:you|she|they)(?:'ll| will|'d| would) be expecting(?! (?:to|an?|the|our|us|your"
            r"|more|feedback|it|that|this|some|news|word)\b)"
            # (after dev_36) "with you heading off on leave a few months after starting", "three
            # kids under seven is a lot".
            r"|with (?:you|her|them) (?:heading|going) (?:off )?on (?:leave|maternity|paternity"
            r"|parental)|(?:kids|children) under (?:\w+) (?:is|are) a lot"
            r"|(?:on|with) (?:the|your) (?:baby )?bump\b|baby bump"
            r"|(?:you'll|you will|you'd|you would|you're going to) be (?:going )?on (?:\w+ )?leave"
            r"|on leave so soon"
            r"|(?:you'll|you will|you'd|you would|you're going to) be (?:off|away|out) (?:soon|for"
            r" (?:a while|months|some time|most of the year))",
            r"family (?:plans?|ties|commitments|life|situation|responsibilities|obligations)",
            r"(?:start|starting|plan|planning|have|having|want|wanting|with|young|small|little"
            r"|your|no) (?:a |one |two |three |four |five |\d+ |small |young |little )?(?:family"
            r"|kids|children|child|toddlers?)(?!'s|'| (?:business|firm|company|run|owned"
            r"|restaurant|farm|shop|practice|bakery|hotel|pub|winery)\b)"
            r"|(?:the|their) (?:kids|children|little"
            r" ones)(?!'s|')",
            r"(?<!my )(?:single )?(?:mum|mom|mother|father|dad|parent)s?(?! (?:company|tongue"
            r"|board))"
            r"|childcare|school runs?|dependa[nt]ts?|caring (?:duties|commitments)|twins"
            r"|little ones|(?:kids|children|a baby|a toddler) at home"
            r"|caring responsibilities|carer",
            r"nurser(?:y|ies)|(?:school|nursery|childcare|kids'?|children's|the) pick ups?|school (?:run|gates)|childminder"
            r"|nanny(?! (?:placement|role|position|job|post|agency|work|vacancy))|day ?care|ivf"
            r"|fertility|trying for a (?:baby|family)",
            # (after dev_15) "your commitments at home", "whose home life won't pull them away",
            # "someone whose personal circumstances are more settled".
            r"home life|commitments at home|home commitments|(?:personal|domestic)"
            r" (?:circumstances|situation)|(?:fewer|less|no|without) (?:distractions|ties) at home",
        ),
    ),
    (
        "marital status",
        "Leave marriage and partners out; if travel or relocation is the issue, say what the "
        "role requires and let the person decide.",
        _rule(
            r"married|unmarried|marriage|marital|newlyweds?|divorced?|widow(?:ed|er)?|wedding",
            r"single (?:person|people|man|woman|candidates?|applicants?|staff|employees|someone)"
            r"|someone single|being single",
            # (after dev_31) "young, single and free to travel".
            r"young,? single\b|single,? (?:and )?(?:free|unattached|with no ties|without ties)\b",
            r"(?:your|her|his|a|no|without a|without the) (?:husband|wife|spouse|fiance|fiancee)"
            r"(?:'s)?",
            # (not engaged for work: "barred from being engaged on any future work", after
            # dev_23)
            r"(?:recently|newly|just|getting|got|being) engaged(?! (?:on|for|as|by|in|with"
            r" (?:us|the|our)))|engaged to|honeymoon"
            # (after dev_32) "now that you're engaged".
            r"|(?:you're|you are) engaged(?! (?:on|for|as|by|in|with|to work))",
        ),
    ),
    (
        "national origin, race or accent",
        "Leave origin, race and accent out; if the role needs a language, name the level it "
        'needs, for example "The role requires fluent German for client calls."',
        _rule(
            r"where you(?:'re| are| were) (?:really |originally )?from|where you come from",
            # A name or background others would find strange, or someone "like them" wanted:
            # "your name might be unfamiliar to our clients", "a more mainstream profile",
            # "relate more easily to someone from a similar background to theirs".
            r"your name(?: and [a-z]+)?(?: [a-z']+){0,3} (?:unfamiliar|hard to (?:pronounce|say"
            r"|remember|spell)|difficult to (?:pronounce|say|spell)|foreign|unusual|exotic)"
            r"|(?:more )?mainstream (?:profile|background|candidate|image|look|name|face)"
            r"|(?:similar|same|shared) (?:background|culture|heritage|ethnicity|upbringing)"
            r" (?:to|as) (?:theirs|them|ours|us|their own|our own)|(?:relate|connect|identify)(?: more)?"
            r"(?: \w+)? (?:to|with) (?:someone|people|a person) (?:from|like) (?:them|us|a similar"
            r"|the same)",
            r"(?:white|black|brown) (?:british|english|american|european|irish|scottish|african"
            r"|caribbean|asian)",
            r"country of origin|your (?:nationality|ethnicity|race|heritage|origins?|roots|skin)"
            r"|(?<!bring )(?<!send )(?<!show )(?<!upload )(?<!copy of )(?<!scan of )(?<!photo of )"
            r"(?<!see )your passport",
            # (after dev_17 and dev_18) "planning to stay in the country", "as a refugee you may
            # not stay".
            r"(?<!right to )(?<!permission to )(?<!leave to )stay in (?:the|this) country"
            r"|(?:put|putting|puts) down (?:\w+ )?roots"
            r"|refugees?(?! (?:resettlement|support|services|council|charity|programme|program"
            r"|centre|center|camp|week|sector|caseworkers?|caseload))|asylum seekers?",
            r"nationality|ethnic\w*|racial|race(?! (?:condition|conditions|car|track|day))|skin"
            r" (?:colou?r|tone)|third world|foreigners?|immigrants?|migrants?",
            r"born (?:here|abroad|in|outside|overseas|and (?:raised|bred))|(?:raised|grew up"
            r"|grown up|brought up) (?:here|locally|in this country|round here|around here"
            r"|in (?:the )?(?:uk|us|usa|britain|england|scotland|wales|ireland|america|europe"
            r"|west))\b"
            r"|blends? in|fit in (?:socially|culturally)"
            # (after dev_28) "someone who sounds like they're from round here".
            r"|(?:understand|understands|get|gets|know|knows) (?:the )?(?:british|english|american"
            r"|scottish|irish|welsh|australian|canadian|german|french|dutch|local) way of (?:doing"
            r" things|life|working)"
            r"|sounds? like (?:they're|they are|he's|she's|you're|you are|someone|a person)"
            r" (?:from|born) (?:round|around|over) here"
            r"|(?:your|their|his|her) own (?:community|people|kind)|people from your",
            # (after dev_34) "UK-born consultants only".
            r"\b(?:uk|us|usa|british|english|american|australian|canadian|irish|locally|home"
            r"|native|eu) born\b",
            r"foreign (?:name|accent|background|candidate|worker|people|person|national)s?"
            r"|(?:too|a bit|very) foreign",
            r"accents?|broken english|non native|native (?:\w+ )?speakers?|mother tongue"
            r"|(?:queen's|king's|proper|posh|received|bbc) (?:english|pronunciation)"
            r"|whose (?:spoken |written )?english|english (?:doesn't|does not|won't|wouldn't)"
            r" need (?:tidying|fixing|correcting|editing|polishing)"
            r"|first language|(?:sounds?|sounded|sounding|speaks?) (?:more |less |too |a bit |very"
            r" |like a )?(?:local|foreign|native|natural|exotic|\w+ish)\b",
            r"if you (?:understand|know what i mean|get my (?:drift|meaning)|catch my drift)"
            r"|(?:someone|somebody) (?:more )?(?:mainstream|normal|regular looking)",
            r"(?:given|because of|due to|considering|(?<!someone )(?<!somebody )(?<!anyone )with)"
            r" your (?:background|heritage|upbringing"
            r"|culture|roots|origins?)|homogeneous|(?:feel|be|look|seem)(?:ing)? out of place",
            r"(?:fit|click|gel|mesh|connect|blend)(?: in)?,? culturally|cultural(?:ly)? (?:fit"
            r"|match|mismatch|differences?|background|heritage|similarity|values|similar)"
            r"|[a-z]+ speaking background",
            # A workforce that should look like a place: "settle into the culture here",
            # "reflect our neighbourhood, which isn't very diverse".
            r"(?:settle|fit|adjust|adapt|assimilate|integrate) (?:in)?to (?:the|our|local|this)"
            r" (?:culture|way of life|country|community)|the culture here|(?:reflect|mirror"
            r"|match) (?:our|the) (?:neighbou?rhood|community|local area|area|town|city"
            r"|demographic)|(?:not|isn't|aren't|wasn't) (?:very |that |particularly )?diverse",
            rf"{_DEMONYM}s\b",
            r"pronounce your name|your (?:last |family |sur)?name (?:might|may|would|could|will"
            r"|is (?:hard|difficult|unusual|foreign)|sounds)",
            r"from (?:your|that|those|such) (?:country|countries|region|part of the world"
            r"|culture|community|background)",
            rf"(?:a|an|fellow|someone|person|people|mostly|all|are|is|be|being|more|less|too|very"
            rf"|quite|so|typically|predominantly|largely|traditionally|stereotypically|properly"
            rf"|authentically|truly|quintessentially|recognisably|recognizably) (?!(?:(?<=more )|(?<=less )|(?<=too )|(?<=very )"
            r"|(?<=quite )|(?<= so )|(?<= a ))polish\b(?! (?:people|person|man|woman|candidates?"
            r"|staff|team)))"
            rf"{_DEMONYM}(?! (?:{_DEMONYM} |into |to )?(?:[a-z]+ ){{0,2}}(?:translat|interpret|subtitl)"
            r"|(?: to| into)? (?:language|only|fluency|speaking|speaker|law|market|office|clients?"
            r"|essential|medium|learners?|level|skills|proficiency|test|exam|lessons?|classes"
            r"|course|tutor"
            r"|partners?|time|work permit|permits?|visas?|licen[cs]es?|tax|qualifications?"
            r"|certifications?|residency|security clearance))",
            rf"{_DEMONYM} (?:person|people|candidates?|man|woman|guy|team|background|name|staff"
            r"|employees|workers|colleagues|faces"
            # (after dev_34) "we already have two Asian engineers on the team".
            r"|engineers|developers|nurses|hires|applicants|women|men|members|consultants"
            r"|descent|origin|heritage|values|looks?|face)",
            # Citizenship preferred over a right to work the person has (after dev_10): "we'd
            # rather keep the team to British citizens only, even though your visa covers the
            # work". ("The role requires existing right to work" and "we can't sponsor" pass.)
            r"citizens? only|(?:keep|limit|restrict|prefer|rather have|only (?:hire|employ|take"
            r"|recruit))(?: [a-z']+){0,4} (?:citizens|nationals)\b|(?:even though|although|though"
            r"|despite|even if) (?:your|you have (?:a|the)) (?:visa|work permit|permit|right to work"
            r"|residency|settled status)",
            # An accent named by how it sounds: "a more local-sounding voice".
            r"(?:local|foreign|native|regional|neutral|british|english|american|posh|northern"
            r"|southern|exotic) sounding",
            # Hair held to "grooming standards": a proxy for race (after dev_10).
            r"(?:your|their|his|her) (?:hair|hairstyle|hair style|braids|locs|dreadlocks|dreads"
            r"|cornrows|afro|twists|natural hair|headwrap)(?: [a-z',]+){0,8} (?:grooming|professional"
            r"|presentable|appropriate|corporate|client facing)(?: [a-z']+)? (?:standards?|image"
            r"|look|polic(?:y|ies)|guidelines)",
            # Hair or skin as the look wanted (after dev_12): "your locs wouldn't suit the look",
            # "your complexion didn't quite match the campaign".
            r"(?:your|their|his|her) (?:braids|locs|dreadlocks|dreads|cornrows|afro|natural hair"
            r"|headwrap|complexion|skin(?: (?:tone|colou?r))?)\b(?! (?:care|condition|cancer))",
            # Where the person was born or raised (after dev_12): "candidates who were born and
            # educated here", "carers who were brought up in the area", "homegrown applicants".
            r"born (?:and (?:raised|bred|educated|brought up) )?(?:here|locally|in (?:this|the)"
            r" (?:country|area|region|town|city))|(?:brought up|raised|grew up|grown up)"
            r" (?:here|locally|in (?:this|the) (?:country|area|region|town|city))"
            r"|home ?grown (?:applicants?|candidates?|staff|carers|workers|people)"
            r"|(?:who|that) share (?:their|our|the) (?:background|heritage)",
            # (after dev_21) "candidates from a similar community background", "someone from a
            # background similar to their own"; hair not "in keeping with our image".
            r"(?:similar|same|shared) (?:community|cultural|ethnic|religious|caste) background"
            r"|(?:past|bad|previous|negative|poor|mixed) experiences? with (?:crews|teams|staff"
            r"|people|workers"
            r"|candidates|employees|hires|contractors)"
            r" from\b"
            # (after dev_20) "the same community as the promoters", "don't send anyone from
            # India or Pakistan".
            r"|(?:same|similar) community as\b",
            r"(?:anyone|anybody|no one|nobody|candidates?|people|staff|workers|applicants"
            r"|those) from (?:india|pakistan|nigeria|china|poland|romania|bulgaria|africa|asia"
            r"|the middle east|eastern europe|bangladesh|the philippines|mexico|ghana|kenya"
            r"|somalia|afghanistan|iraq|iran|syria|turkey|vietnam|sri lanka|nepal|jamaica"
            r"|the caribbean|latin america|south america|albania|ukraine|russia)\b"
            r"|background (?:similar|closer) to (?:their|our|his|her) own",
            # (after dev_23) "your natural hairstyle did not quite meet the polished presentation".
            r"your (?:natural )?(?:hair|hairstyle|braids|locs|dreadlocks|afro)\b(?: [a-z']+){0,3}"
            r" (?:did not|didn't|does not|doesn't|would not|wouldn't|was not|wasn't|is not|isn't)"
            r"|(?:fit|fits|click|clicks|gel|mesh|blend)(?: in)?(?: with [a-z ]{1,24})? culturally\b",
            r"(?:your|their|his|her) (?:natural )?(?:hair|hairstyle)(?: [a-z']+){0,5} (?:in keeping"
            r"|fit|suit|match)\w* (?:with )?(?:our|the) (?:image|look|brand)",
            r"(?:white|black|brown|asian|hispanic|latino) (?:people|person|candidates?|man|woman"
            r"|guy|men|women|team|customers|clients)|(?:are|is|be|being|mostly|all) (?:white|black"
            r"|brown)(?! (?:label|board|paper|list|box|collar|space|hat|water|goods|glove|belt"
            r"|friday|market|tie|hole)s?\b)|look(?:s|ing)? like (?:our|the|their|your)(?: own)? (?:customers|clients|team"
            r"|users|people|staff|employees|workforce|community)"
            r"|looks? like (?:us|them)\b",
            # (after dev_15) "someone who sounds like them" (the guests, the customers); (after
            # dev_16) "someone who grew up in this country", "a more traditional look at the
            # front desk", "a more familiar face".
            r"(?:sounds?|speaks?|talks?) (?:more |a bit more |a little more )?like (?:them|us|our"
            r" (?:guests|customers|clients|team|residents|community))\b",
            # (after dev_31) "more comfortable with someone who fits the usual profile of our
            # front-of-house staff", "a less, shall we say, loaded background".
            r"(?:fits?|matches?) the (?:usual|typical|traditional) (?:profile|look|image|type)"
            r"|(?:be|feel|are|were) more comfortable with (?:someone|somebody|a person|a candidate)"
            r" (?:who|like|from|of)\b|(?:loaded|complicated|sensitive) background",
            # (after dev_36) "a team that looks a bit more like the neighbourhood you grew up in",
            # "a voice on the phone that sounds like home to them", "someone whose speech is
            # easier on their ears", "the right schools, the right way of speaking".
            # (after dev_37) "not click with the rest of the team, who all come from quite
            # similar backgrounds".
            r"(?:all|mostly|largely) (?:come|came) from (?:quite |very |rather |pretty )?(?:similar"
            r"|the same) (?:backgrounds?|places?|communities|cultures|countries|neighbou?rhoods)"
            r"(?! (?:in|of work|professionally|technically))",
            r"neighbou?rhood you grew up in|sounds? like home|(?:speech|voice|accent) (?:is |was )?"
            r"easier on (?:their|the|our) ears|the right (?:schools|way of speaking|accent"
            r"|family|families)\b",
            # (after dev_32) "a more local face on this account", "someone who instinctively gets
            # Western business norms — culturally you might struggle here".
            r"local faces?|(?:western|british|english|american|european|local) (?:business )?"
            r"(?:norms|ways|manners|etiquette|sensibilities)|culturally,? (?:you|they|he|she)"
            r" (?:might|may|would|will|could) (?:struggle|not fit|find it)",
            # (after dev_25) "candidates who were born and educated in the UK", "a certain kind
            # of face at the front desk", "locs or braids".
            r"(?:was|were|been) born (?:and (?:raised|educated|bred|schooled) )?in (?:the uk|britain"
            r"|england|scotland|wales|ireland|the us|america|the usa|this country|the country)\b"
            r"|certain (?:kind|type|sort) of (?:face|look|person|people|background)"
            r"|\b(?:locs|dreadlocks|cornrows|afros?|braids)\b",
            r"(?:grew up|was born|were born|brought up|raised) (?:in this country|here|locally)"
            r"|traditional (?:look|face|appearance|image)|more familiar face",
            # (after dev_22) "someone a bit more mainstream", "you wouldn't fit the image of our
            # flagship store team".
            r"(?:someone|somebody|a candidate|a person|people|candidates)(?: [a-z]+){0,2} more"
            r" mainstream\b|(?:you|you'd|you would|you wouldn't|you didn't|you don't)(?: [a-z']+){0,2}"
            r" (?:fit|suit|match) (?:the|our) (?:image|look)\b",
            # (after dev_30) the clients' image or background as the measure: "someone who fits
            # our clients' image", "a more natural match for that aesthetic", "a local candidate
            # who shares our clients' background".
            r"(?:fits?|suits?|match(?:es)?) (?:our|the) (?:clients|customers|guests|audience"
            r"|members)'?s?'? (?:image|look|aesthetic)|natural (?:match|fit) for (?:that|the|our"
            r"|this) (?:aesthetic|image|look)|shar(?:e|es|ing) (?:our|the|their) (?:clients"
            r"|customers|guests|patients|audience|members|community)'?s?'? (?:background|heritage"
            r"|culture|ethnicity)",
        ),
    ),
    (
        "religion",
        "Leave faith and religious practice out; if the schedule is the issue, describe the "
        "schedule and ask what would work.",
        _rule(
            r"religio(?:n|ns|us)|(?<!good )(?<!bad )faith(?! in)|(?<!and a )pray(?:er|ers|ing)?|church"
            r"|mosque|synagogue|temple",
            # (after dev_31) "someone who celebrates the same holidays as the rest of the team".
            r"(?:celebrates?|observes?|keeps?|shares?) the same (?:holidays|festivals|faith"
            r"|religion|holy days|beliefs)",
            r"(?:your|their|his|her) (?:beliefs|belief system|convictions|observance)|hijab|headscarf|your head covering|turban(?:ed)?|kippah|yarmulke|muslims?|islam(?:ic)?|jewish|jews?|hindu"
            r"|sikh|buddhist|atheist|catholic|protestant|evangelical|mormon",
            r"christian (?:values|faith|beliefs|company|team|culture|ethos)|christians|being"
            r" (?:a )?christian|you(?:'re| are) (?:a )?christian",
            r"(?:observe|observes|observing|keep|keeps|keeping) (?:a |the )?(?:fast|sabbath"
            r"|holy days?)|religious observance|ramadan|fasting|sabbath|shabbat|kosher|halal|eid|diwali|passover|holy days"
            # (after dev_26) "unavailable from Friday sunset".
            r"|(?:friday|saturday) (?:sunset|sundown|evening prayers?)"
            r"|religious holidays|rosh hashanah|yom kippur|sukkot|lent\b|vaisakhi|navratri"
            r"|hanukkah|chanukah",
            # Fit with a drinking crowd as the measure (after dev_10): "not a natural fit for our
            # Friday drinks crowd" shuts out those who don't drink, mostly for their faith.
            r"(?:fit|fitting|fits|blend|gel|mesh|click|join in)(?: [a-z']+){0,5} (?:drinks|drinking"
            r"|pub|beer|bar)(?: [a-z']+)? (?:crowd|culture|scene|set|nights?|sessions?|team)",
            # A dress rule that a faith cannot meet (after dev_15): "strictly no headwear of any
            # kind", "clean-shaven and without head coverings".
            r"(?:no|without|remove|removing|take off|taking off|allow|allows|permit|permits)"
            r" (?:any )?(?:headwear|head ?coverings?"
            r"|head ?scar(?:f|ves)|turbans?|hijabs?|religious (?:dress|symbols|clothing|jewell?ery))"
            r"|clean shaven",
        ),
    ),
    (
        "sex or gender",
        "Leave sex and gender out; describe the skills and experience the role needs.",
        _rule(
            r"gender|female|male|feminine|masculine|gentleman|gentlemen|lady|ladies",
            # (after dev_31) "the transition is your business, of course, but ..." (not a move
            # to a role: "your transition to management").
            r"(?:your|the|her|his|their) transition is (?:your|her|his|their) (?:own )?(?:business"
            r"|affair|private)|(?:your|her|his|their) (?:gender )?transition(?! (?:to|into|from"
            r"|plan|period|team|phase|programme|program|back))",
            # (after dev_23) "our dev team is all guys".
            # (after dev_38) "the lads can be a handful, and we didn't want to put you in that
            # position".
            r"(?:lads|blokes|guys|boys|men|fellas)(?: on the [a-z]+)? (?:can be|are|get) (?:a bit"
            r" )?(?:a handful|rough|rowdy|a tough crowd|boisterous|laddish)",
            r"(?:team|office|crew|department|floor|squad|group) (?:is|are) (?:all|mostly|almost all"
            r"|entirely|basically all) (?:guys|men|lads|blokes|women|girls)\b",
            r"(?:you're|you are|you've been|being|your|who is|who's) (?:\w+ )?transition(?:ing)?(?! (?:to|into"
            r"|from|period|plan))|gender transition",
            r"(?:a|an|another|the only|as a|for a|being a)(?: (?:strong|big|tough|young|burly"
            r"|pretty|nice|good|solid|capable|older|married|single))? (?:woman|man|guy|girl|lady"
            r"|boy|bloke|lad|chap|gal)"
            r"(?! in the middle)",
            r"women|(?:the )?guys on|another guy|men on|(?:a )?man's|woman's|sex(?! work)",
            r"(?:all|only|mostly|entirely|with|to|other|more|fewer|prefer|by|of) (?:men|males"
            r"|blokes|lads|chaps|fellas)|(?<!the )(?:blokes|fellas)|(?:boys|girls)'? club"
            # ("the lads on the floor were impressed with you", "half the blokes" are the
            # colleagues, after dev_21 and dev_20)
            r"|(?:with|among|one of|join|joining|like) the (?:lads|blokes|boys|fellas)"
            r"|(?<!the )lads(?! (?:on|in|at|from) the (?:floor|site|team|shop|yard|crew|workshop|line"
            r"|desk|office)| (?:were|was|are|all) (?:impressed|keen|chuffed))",
            # Gender identity as the reason (after dev_10): "someone going through a transition",
            # "weren't sure whether to say he or she".
            r"(?:someone|somebody|anyone|a person|a candidate|you(?:'re| are)?|who(?:'s| is))"
            r" (?:currently |still )?(?:going through|undergoing|in the middle of|mid) (?:a |your"
            r" |their |her |his )?(?:gender )?transition\b(?! (?:to|into|from|period|plan))"
            r"|(?:say|use|call (?:you|them)|address (?:you|them) as|refer to (?:you|them) as)"
            r" (?:he|she|him|her) or (?:she|he|her|him|they|them)|(?:your|which|what) pronouns",
            # (after dev_21) "which changing room you'd be using".
            r"which (?:changing room|toilet|bathroom|restroom|locker room|loo)s? (?:you|they|he"
            r"|she)",
        ),
    ),
    (
        "sexual orientation",
        "Leave sexual orientation and partners out; describe the skills the role needs.",
        _rule(
            r"gay|lesbian|bisexual|queer|transgender|trans (?:person|woman|man|people|candidate"
            r"|applicant|colleague|employee|hire|manager|engineer)"
            # (after dev_24) "the 'lifestyle' stuff in the Pride photos on your Instagram".
            r"|(?:the|your|that|this) '?lifestyle'? (?:stuff|thing|choices?|side|photos|posts)"
            r"|pride (?:photos|posts|pictures|pics|flags?|parade)(?: [a-z]+){0,3} (?:on your|you"
            r" posted|you shared)"
            # Others' discomfort given as the reason: "our clients are conservative and we
            # think they'd be uncomfortable", "some of our older staff may find it an adjustment".
            r"|(?:they|clients|customers|staff|colleagues|team|board|partners|people)(?: [a-z']+)?"
            r" (?:would|'d|might|may|could) (?:\w+ )?(?:be|feel) (?:uncomfortable|uneasy"
            r"|awkward)|they'd (?:\w+ )?(?:be|feel) (?:uncomfortable|uneasy|awkward)"
            r"|(?:staff|colleagues|team|clients|customers|people) (?:may|might|would"
            r"|could) find (?:it|that|this) (?:an adjustment|difficult|hard|strange|odd)"
            r"|sexuality|sexual orientation|same sex|lgbt\w*|heterosexual|homosexual",
            r"your (?:lifestyle|private life|personal life|love life|girlfriend|boyfriend"
            r"|partner(?! (?:agency|company|firm|organi[sz]ation)))",
            r"(?:someone|somebody|anyone|a|more) (?:who is |who's )?straight\b(?! (?:away|after"
            r"|to|from|out|into|back|through|talking|answers?|forward|up|off|with|in|on|a|faces?))",
            r"straight (?:man|woman|guy|couple|people|person|candidate)s?",
            # (after dev_19) "the team noticed you're quite camp".
            r"(?:you(?:'re| are| were| seemed| come across as)|quite|a bit|very|too|so) camp\b",
            # (after dev_37) others' conservatism made into the reason: "the board is quite
            # conservative, so another candidate felt like the safer choice".
            r"(?:conservative|traditional|old fashioned),?(?: [a-z']+){0,4} (?:candidate|person"
            r"|applicant|someone|somebody|hire)(?: [a-z']+){0,3} (?:the )?safer (?:choice|bet"
            r"|option|pick|hire)",
        ),
    ),
    (
        "disability or health",
        "Leave health and disability out; if a task is essential, describe the task and ask "
        "what adjustments would help.",
        _rule(
            # (after dev_22) "not the right place for someone with that condition".
            r"(?:someone|somebody|anyone|a person|people|candidates?) (?:living )?with (?:that"
            r"|this|your|such an?|a|an) (?:medical |health |mental health )?(?:condition"
            r"|diagnosis|illness|disorder)\b",
            r"disabilit(?:y|ies)|handicap(?:ped)?|wheelchair(?! (?:users?|access for))"
            r"|autis(?:m|tic)|adhd|dyslexi(?:a|c)|neurodiverg\w*|epilep\w*"
            r"|(?<!role in )(?<!specialist in )(?<!nurse in )(?<!service in )diabet\w*"
            r"(?! (?:nurse|nursing|service|care|clinic|team|specialist|education|patients|unit|ward"
            r"|research))",
            # (after dev_36) "the months your doctor signed you off", "someone who might wobble
            # under pressure".
            r"(?:your )?doctor signed you off|signed (?:you )?off (?:sick|work)|(?:might|may"
            r"|could|would) wobble",
            # (after dev_31) "a cleaner bill of health", "someone fully mobile".
            r"(?:clean|cleaner|clear|clearer) bill of health|(?:someone|somebody|a person"
            r"|candidates?) (?:who is |who's )?fully (?:mobile|able bodied)|able bodied",
            r"mental (?:health|illness)|illness|medical (?:condition|history|leave|needs|issues?"
            r"|appointments?|records?)|sick (?:leave|days|notes?)|(?:being|get|got|are|were) sick",
            r"health (?:issues?|problems?|conditions?|history)|your (?:health(?! (?:and|&) safety)|condition|stutter"
            r"|hearing|sight|eyesight|mobility)|stutter\w*|stammer\w*|cancer|chemo\w*|(?:medical"
            r"|cancer|ongoing|recent) treatment|hospital (?:visits?|stays?|appointments?)"
            r"|in (?:the )?hospital(?! (?:procurement|administration|management|pharmacy|settings?"
            r"|finance|logistics|operations|it|systems?|sector|billing|software|environments?"
            r"|departments?|wards?|teams?|services|supply|purchasing|catering|estates|facilities"
            r"|projects?|contracts?|recruitment))|depress(?:ion|ed)|anxiety|therapy|relapse"
            r"|(?<!you )(?<!who )diagnosed(?! (?:the|a|an|it|this|that|our|their)\b)"
            r"|chronic (?:illness|condition|pain|fatigue)|surgery"
            # (after dev_27) "as you're due to go in for your heart procedure next month".
            r"|your (?:upcoming |planned |scheduled |next )?(?:heart|cardiac|knee|hip|back|eye"
            r"|spinal|spine|brain|kidney|liver|lung|cancer|medical|surgical) (?:procedure|operation"
            r"|op)\b",
            r"(?:you(?:'re| are| were)|being|you being) (?:an? )?(?:disabled|deaf|blind|sick|ill"
            r"|stutterer|pregnant)|(?:with|your) (?:your )?condition",
            r"(?:physically|mentally) (?:able|fit|unfit)|able bodied",
            # An adjustment refused: "our office isn't set up for it and we'd rather not make
            # changes for one hire".
            r"(?:isn't|is not|aren't|are not|not) (?:set up|equipped|accessible|adapted) for"
            r" (?:it|you|that|wheelchairs?|someone)\b|(?:rather not|won't|will not|not willing to"
            r"|unwilling to) make (?:any )?(?:changes|adjustments|adaptations) for",
            r"crutch(?:es)?|walking (?:stick|frame)|(?:your|a) cane|prosthe\w+|hearing aids?"
            r"|guide dog|mobility aid|(?:as|being|you're|you are) an? wheelchair user"
            # (after dev_38) "you mentioned using a wheelchair".
            r"|(?:use|uses|using|used) a wheelchair"
            r"|(?:seen|saw|see|watched|watching|noticed) you(?: [a-z]+){0,6} in your chair\b"
            r"|an? wheelchair user (?:would|might|could|will|wouldn't|can't|couldn't|may|won't)",
            r"stroke(?! of)|heart attack|rehab\w*|burn ?out",
            r"crohn'?s|colitis|arthritis|asthma|lupus|hiv|migraines?|ibs|endometriosis|pcos"
            r"|bipolar|ocd|ptsd|schizophreni\w*|parkinson'?s|sclerosis|your ms|fibromyalgia"
            r"|tourette'?s|cerebral palsy|paraly\w+|amputee|hearing loss|long covid"
            r"|chronic fatigue|dementia|alzheimer'?s|eating disorder|anorexi\w*|bulimi\w*"
            r"|addiction|alcoholi\w*|sobriety|panic attacks?|seizures?|insulin(?! pumps?)",
            # (after dev_24) "you take lithium", "our insurer and I are a bit nervous about that".
            r"lithium|antidepressants?|antipsychotics?|methadone|(?:insurer|insurers|insurance)"
            r"(?: [a-z]+){0,5} (?:nervous|worried|concerned|uneasy|reluctant)",
            r"(?:your|his|her|their) (?:[a-z]+ ){0,2}(?:(?<!race )(?<!edge )(?<!error )(?<!test )"
            r"(?<!boundary )(?<!loop )(?<!stop )(?<!exit )condition|illness|injury|injuries"
            r"|disability|impairment|medication(?! safety| management| rounds?| errors?"
            r"| administration| charts?)|surgery)",
            r"(?:your|his|her|their) (?:[a-z]+ ){0,2}(?:diagnos[ie]s|treatments?)(?! of)",
            r"your (?:back(?! end| office| catalog| log)|knees?|hips?|legs?|arms?|eyes|ears|spine"
            r"|joints)",
            # (after dev_15) "health-wise we weren't confident", "a robust constitution".
            r"health ?wise|(?:robust|strong|hardy|delicate|weak) constitution|hard of hearing"
            r"|partially (?:sighted|deaf)|for an? wheelchair user",
            # (after dev_17 and dev_18) "too much for someone on the spectrum", "someone
            # neurotypical", "having a wheelchair user on the team would slow us down".
            r"on the (?:autism |autistic )?spectrum|neurotypical|neurodivers\w*"
            r"|(?:having|hiring|employing|taking on|bringing on) an? wheelchair user",
        ),
    ),
)
_PROTECTED_SCAN = _one_scan(rule.pattern for _, _, rule in _PROTECTED)
# Thanking or praising someone for something personal is not giving it as a reason, unless the
# same sentence also weighs it: "thanks for the chat about your career break to care for your
# father" passes, "thanks, but as a mother you'd find the travel hard" does not.
_WEIGHS = _rule(
    r"chose|chosen|choose|decid\w*|because|since|so (?:we|the|i)|given (?:your|that|the)"
    r"|worr\w*|concern\w*"
    # (not "the last few months have been hard", after dev_35)
    r"|would|wouldn't|might|could|rather|prefer\w*|need\w*|fit|suit\w*|struggl\w*"
    r"|(?<!been )(?<!must be )hard"
    r"|difficult|too|problem\w*|issue|won't|not|(?:wasn|weren|isn|aren|didn|doesn|don|hasn"
    r"|haven|hadn|couldn|shouldn|wouldn|mustn|needn|mightn)'t|unable|can't|instead|better"
    # (not "I want to be clear about that", after dev_24)
    r"|want\w*(?! to (?:be clear|make (?:it|that|this) clear|reassure|stress|emphasi[sz]e))"
    r"|expect\w*"
    r"|but|however|unfortunately|risk\w*|doubt\w*|manage|cope|handle"
    # (after dev_32) "we're after a native English speaker who fits our culture".
    r"|fits|suits|(?:we're|we are|we were) after|looking for|seeking"
)
# The characteristic is someone else's, on the organisation's side: "the hiring manager is on
# parental leave", "I'm fasting this week".
_FACILITY_BEFORE = re.compile(
    r"\b(?:we|the office|our office|the building|each floor) (?:have|has|provide|provides|offer"
    r"|offers|run|runs)(?: (?:a|an|our|dedicated|on site|free|quiet|two|several))? $"
)
_THIRD_PARTY = re.compile(
    r"(?:\b(?:the|our|my) (?:[a-z']+ ){0,2}(?:manager|recruiter|director|founder|ceo|cto"
    r"|colleague|interviewer|boss|chair|host|presenter|editor|producer|owner|lead|supervisor"
    r"|head teacher|headteacher) (?:is|was|has been|will be|went|goes|'s) (?:on|off"
    r"|away|out|back from|recovering from)|\b(?:i'm|i am|i was|i'll be|i will be)"
    # What the organisation offers or is: "we offer full parental leave", "we're a small team
    # of mostly parents".
    r"|\b(?:we|we all|the company|our company) (?:offer|offers|provide|provides|support"
    r"|supports|fund|funds)|\b(?:we're|we are|we) (?:a |an )?(?:[a-z]+ )?(?:team|company|firm"
    r"|office|group|bunch|startup|business) of(?: [a-z']+)?"
    # Someone else's circumstance (after dev_22): "covering during our team lead's parental
    # leave".
    r"|\b(?:the|our|my|his|her|their) (?:[a-z]+ ){0,2}[a-z]+'s"
    # (after dev_23) "Julia is coming back from her maternity leave", "Claire has started her
    # parental leave".
    r"|\b(?:started|begun|began|starts|start|took|taken|taking|went on|goes on|going on|is on"
    r"|are on|back from|returning from|returns from|return from) (?:her|his|their)"
    # (after dev_25) "as Hannah returns from maternity leave".
    r"|\b(?!you\b|i\b|we\b)[a-z]+ (?:returns|returned|is returning|is back|comes back|came back"
    r"|is coming back) from) (?:[a-z']+ ){0,2}$"
)
# The people the role serves, not the person (after dev_13): "our residents are older adults",
# "several of our residents and staff are Polish" (the characteristic said of them, right after
# them: "our patients prefer a male nurse" is a preference weighed, and clients' and customers'
# preferences are the classic disguise, so they are not here); and "you were wonderful with the
# children", "care for older people", "youth work with young people".
_SERVED_BEFORE = re.compile(
    r"\b(?:our|the|its|their) (?:[a-z']+ )?(?:residents|patients|pupils|children|service users"
    r"|learners|students|tenants)(?: and (?:[a-z']+ ){1,2}| )$"
    # (after dev_25) the class or the clinics the role serves: "a Year 2 class with three
    # children on care plans", "chronic disease clinics, particularly asthma".
    r"|\b(?:class|classroom|ward|caseload|cohort) $|\b(?:clinics?|reviews?|appointments?"
    r"|caseloads?|services?),? (?:particularly|especially|such as|including|like|mainly"
    r"|mostly) (?:[a-z]+ and )?$"
)
# ... and, for the groups a role serves, what the person did with them.
_SERVED_GROUP = re.compile(r"(?:the )?(?:children|kids|young people|older (?:people|adults))$")
_WITH_THEM_BEFORE = re.compile(
    r"\b(?:with|for|about|serving|supporting|support|care for|caring for|work(?:ing)? with"
    r"|teach(?:ing)?) (?:the )?$"
)
# ... or the condition of the people served: "sessions for people with dementia", "residents,
# many living with dementia".
_SERVED_WITH_BEFORE = re.compile(
    r"\b(?:people|adults|children|residents|patients|pupils|those|many|service users)"
    r"(?: who are)?(?: living)? with $"
)
# ... or the characteristic names the people the role serves or the work's own subject, right
# before them (after dev_14): "our elderly residents", "early pregnancy scanning", "a
# retirement village", "a diversional therapy qualification".
_SERVED_AFTER = re.compile(
    r" (?:residents|patients|pupils|learners|service users|village|villages|homes?|care|scanning"
    r"|scans|screening|qualification|certificate|diploma|module|course|first aid|training"
    r"|supervision|kitchens?|menus?|food|catering|apprentices|joiners"
    # (after dev_30) "many of our clients are rehab referrals".
    r"|referrals?)\b"
)
# ... or the age of the people served, right after them: "young people aged 11 to 18".
_SERVED_AGED = re.compile(
    r"\b(?:young people|children|kids|pupils|students|learners|residents|patients|members"
    r"|adults|people) $"
)
# ... or what they did: "The children were engaged", "the children will miss you".
_SERVED_DID = re.compile(
    # (after dev_25) "watching the kids run rings round you"
    r" (?:were|will miss|loved|enjoyed|responded|seemed|really|run|ran|ignored|talked|behaved"
    r"|misbehaved|listened)\b"
)
# ... or other people who spoke up (after dev_23): "several parents have written in to say so".
_OTHERS_GROUP = re.compile(r"(?:parents|mothers|fathers|families|carers)$")
# ... or a carer at work, or the young person a youth service serves (after dev_25): "before
# the second carer had checked the sling", "the young person's safety at home".
_COLLEAGUE_CARER = re.compile(r"\b(?:second|senior|other|lead|night|day|trained|another|agency) $")
_SERVED_ONE = re.compile(r"\bthe $")
# A relative's words or work, not the person's circumstance (after dev_36): "your
# grandmother's advice about always bringing a pen".
_RELATIVES_OWN_AFTER = re.compile(
    r"'s (?:advice|words|saying|recipes?|stor(?:y|ies)|motto|wisdom|garden|farm|shop|business"
    r"|cooking|lessons?|tips?)\b"
)
# A partner at work (after dev_36): "you took over the keyboard and didn't bring your partner
# along" in a pairing session.
_PARTNER_AT_WORK = re.compile(
    r"(?:pair(?:ing)?|coding|business|project|lab|sparring|training|practice|role play)"
    r" partner|partner along\b"
)
# The people a product serves (after dev_36): "the product is aimed at young children".
_AIMED_AT_BEFORE = re.compile(r"\b(?:aimed at|designed for|built for|made for|marketed to) $")
# A thing's age, not a person's (after dev_31): "our coffee machine is older than our building".
_A_THING_BEFORE = re.compile(
    r"\b(?:our|the|my|its|this|that) (?:[a-z]+ ){0,2}(?:machine|kettle|building|office|computer"
    r"|printer|laptop|software|system|website|van|car|truck|kit|equipment|furniture|server"
    r"|codebase|stack|app|fridge|microwave|sofa|chairs?|desks?) (?:is|was|are|were|looks|seems) $"
)
_OTHERS_SAID = re.compile(
    r" (?:have|had|all) (?:written|said|told|called|commented|praised|thanked|mentioned|asked)\b"
)
# The organisation's own unit named by a place: "our European team", "our Polish office".
_OUR_UNIT_AFTER = re.compile(
    r" (?:team|teams|office|offices|division|branch|operations|market|markets|distributors"
    r"|customers|clients|sites?)\b"
)
# Naming a community or an event is not using the characteristic: "your talk at the Women in
# Data meetup".
_COMMUNITY = re.compile(
    # (a conjunction between joins another clause: "grew up in this country and understands the
    # community's ways", after dev_16)
    r"(?:'s)?(?: (?!(?:at|to|with|for|during|on|by|and|or|but|who|which|that)\b)\w+){0,3}"
    r" (?:meetup|conference|summit|network|hackathon|chapter|podcast|association"
    r"|society|group|community|event|award|scholarship|evening|mixer"
    r"|breakfast)s?\b"
    # Or a programme, a service or a certification (after dev_13): "the Disability Confident
    # scheme", "gender pay gap reporting", "a halal-certified kitchen", "a faith-based charity",
    # "the women's health clinic", "our main surgery reception".
    # (a preposition between makes it something else: "older candidates for the unit")
    r"|(?:'s)?(?: (?!(?:at|to|with|for|during|on|by|in|of|from|into|than|and|or)\b)\w+){0,2}"
    r" (?:scheme|programme|program|reporting|audit|certified|certification|charity|clinic|aid"
    # (after dev_23) "our parental leave policy".
    r"|polic(?:y|ies)|entitlements?|benefits?"
    # (after dev_25) plurals, a job that covers a leave, an event's plan: "dementia-friendly
    # programmes", "your maternity-cover contract", "the sample wedding timeline".
    r"|programmes|programs|schemes|clinics|cover|timelines?|planners?|planning|venues?"
    r"|bookings?|packages?"
    r"|services?|unit|ward|reception|refuge|networks?"
    # (after dev_30) a named check: "a current Working With Children check".
    r"|checks?|clearances?|cards?"
    # (after dev_33) a test of the work: "your medication-calculation test".
    r"|tests?|exams?|papers?|assessments?|rounds?|administration"
    # (after dev_36) "your heritage restoration expertise", "the old church registers", "the
    # church council", "church organist".
    r"|restoration|conservation|registers?|council|organist|choir|archives?"
    # (after dev_31) the work's subject: "the wedding set showed blown highlights".
    r"|sets?|shoots?|photos?|photography|albums?|galler(?:y|ies)|portfolios?|films?)\b"
    r"| based (?:charity|organi[sz]ation"
    r"|employer|school|trust|group)\b"
)
# Congratulating or accommodating is the one place a personal circumstance belongs in a note:
# "Congratulations on the new baby, no rush", "Happy to move the call around Ramadan".
_KIND_MENTION = _rule(
    r"(?:we've|we have|we) (?:moved|rescheduled) (?:your|the) (?:\w+ )?(?:interview|call|meeting"
    r"|panel|round|visit)|(?:we've|we have|we'll|we will) (?:arranged?|booked?|set up)"
    r" (?:a|the|your)\b",
    # An offer made to the person: "there's a quiet room you're welcome to use for prayer",
    # "we've kept 1:00 to 1:30 free".
    r"you(?:'re| are| would be| would have been| will be)(?: very| more than| most)? welcome to"
    r" (?:use|bring|take|step|have|join"
    r"|book)|(?:we've|we have|i've|i have) (?:kept|left|blocked|set aside|reserved)"
    r"(?: [a-z0-9:]+){0,4} (?:free|clear|open|aside|for you)\b",
    r"no problem(?: at all)? (?:moving|with|to|at all)|(?:were|was|are|am) (?:happy|glad|pleased)"
    r" to (?:confirm|do|arrange|plan|help|support)|which we were (?:glad|happy|pleased) to",
    # (after dev_17 and dev_18) "we'll plan your start date around your maternity leave", "our
    # rota can easily accommodate that", "we'll move your assessment day so you can make your
    # hospital appointment", the lawful exception cited ("a genuine occupational requirement").
    r"(?<!can't )(?<!cannot )(?<!couldn't )(?<!won't )(?<!not )(?<!unable to )"
    r"(?:plan|fit|schedule|arrange|work) (?:[a-z']+ ){0,3}around (?:your|it|that|this|them"
    # (after dev_30) "schedule your breaks around Friday prayers".
    r"|(?:[a-z]+ )?(?:prayers?|appointments?|fasting|ramadan|shabbat|sabbath|treatment|therapy"
    r"|school run|childcare))\b"
    r"|(?<!\w)(?:can|will|would|could)(?!'t|not) (?:easily |happily |gladly |certainly"
    r" |absolutely |definitely )?accommodate|(?:move|moved|moving|reschedule|rescheduled|shift"
    r"|shifted|push|pushed|pushing|delay|delayed|postpone|postponed)(?: [a-z0-9']+){1,6} so"
    r" (?:that )?you can|genuine occupational requirement"
    r"|(?:the|an|your) exemption (?:applies|covers)|(?:is|are) exempt\b"
    # (after dev_20) "about Shabbat so we could move your second interview", "I'm happy to
    # confirm we have a multi-faith room".
    r"|so (?:that )?we could (?:move|reschedule|arrange|adjust|plan|fit|accommodate)"
    r"|(?:i'm|we're) (?:happy|glad|pleased) to (?:confirm|arrange|help|support)"
    # (after dev_28) "any future role we offer you can be weekday-only".
    r"|can (?:be|stay|remain) (?:weekdays?|weekends?|mornings?|afternoons?|days?|evenings?) only",
    # (after dev_24) A note kept of what the person needs, a slot booked for it, or what the
    # organisation offers, asked about: "I've kept a note that you need interviews after 2pm",
    # "so we could book a morning slot", "you asked whether we offer parental leave ... yes",
    # "same-sex partners are covered under our health plan", "our relocation support covers
    # partners".
    r"(?:kept|made|taken) a note (?:that|of)|so (?:that )?we could (?:book|schedule|find|offer"
    r"|set up)|you (?:asked|wondered|wanted to know) (?:whether|if|about)(?: [a-z'-]+){0,3}"
    r" (?:we|our) (?:offer|provide|cover|support|fund|have|include)\w*|(?:covered|included)"
    r" (?:under|by|in) our (?:[a-z]+ )?(?:plan|policy|scheme|benefits?|insurance|cover)"
    r"|(?:support|policy|plan|package|benefits?|insurance|cover) (?:covers|includes|extends"
    r" to) (?:partners|spouses|families|dependants|dependents)",
    # (after dev_30) "we'll make sure the accessible entrance is unlocked for your wheelchair",
    # "your maternity leave plans are absolutely fine with us".
    # (after dev_36) "your question about prayer space ... yes, there's a quiet room".
    r"\b(?:yes|of course),? (?:there's|there is|we have|we offer)\b|"
    # (after dev_35) "I understand the move to Porto matters a lot to your family".
    r"matters? (?:a lot |so much |a great deal )?to (?:you and )?your family|"
    r"(?:we'll|we will|i'll|i will) (?:make sure|ensure)\b|(?:is|are) (?:absolutely |completely"
    r" |totally |perfectly )?fine (?:with|by) (?:us|me)(?!,? but)",
    r"congratulations|congrats|happy for you|no rush|take your time|(?:happy|glad) to (?:move"
    r"|reschedule|accommodate|adjust|wait)|(?:glad|happy|pleased) (?:that )?(?:our|we|the)"
    r"|wish (?:you and )?your family|(?:good luck|best of"
    r" luck|all the best|best wishes|wishing you well|enjoy) with (?:the|your)",
)


# A circumstance said not to have counted, with nothing weighed after the disclaimer: "you
# mentioned the school run, and I want to be clear that wasn't a factor"; or the person's own
# question about it answered no in the next sentence: "You asked whether your dyslexia affected
# the outcome. It didn't."
_DISCLAIMED = _rule(
    r"(?:wasn't|was not|isn't|is not|weren't|were not|never|wouldn't have been|would not have"
    r" been|won't be|will not be) (?:a |an |any )?(?:factor|consideration|issue|problem|concern"
    r"|part of (?:the|our|this|my) (?:decision|thinking))|nothing to do with|no part in"
    r"|(?:played|plays|had|has) no (?:part|role"
    r"|bearing|effect|influence|weight)|(?:didn't|did not|doesn't|does not) (?:affect|influence"
    r"|factor into|come into|weigh on|change)"
    # (after dev_30) "It changes nothing about our decision".
    r"|(?:changes|changed) nothing|(?:makes|made) no difference"
    # (after dev_33) "nothing you need to explain to us", "didn't count against you", "it
    # didn't weigh against you".
    r"|nothing you need to explain|(?:don't|do not|never) need to explain"
    r"|(?:didn't|did not|doesn't|does not|won't|will not|never) (?:weigh|weighed|count|counted"
    r"|work|go|hold|held)(?: [a-z]+)? against"
    # (after dev_38) the circumstance met: "we'd happily have accommodated that".
    r"|(?:would|'d) (?:happily |gladly |easily |readily )?have (?:accommodated|worked around"
    r"|made room for) (?:that|this|it)"
)
_THEIR_QUESTION = _rule(
    r"you (?:asked|wondered|wanted to know|raised|checked)(?: us| me| with us| with me)?"
    r"(?: [a-z]+){0,3} (?:whether|if|about)"
)
_DENIED = re.compile(
    r"(?:(?:it|that|this|they)(?: (?:certainly|absolutely|definitely))? (?:didn't|did not"
    r"|wasn't|was not|had no|played no)\b|no\b|not at all)[^.!?]{0,24}[.!?]*$"
)


# A circumstance met, in the next sentence, with support or a denial that it counted (after
# dev_13): "... might need a phased return. We would have supported that.", "You asked if your
# accent would be a problem. Not at all; ...", "... It doesn't; your right to work is fine."
_SUPPORTED_NEXT = re.compile(
    r"(?:we|i)(?:'d| would) have (?:supported|been (?:glad|happy|pleased) to|accommodated"
    r"|arranged|made)|(?:we|i) (?:were|was|are|am) (?:happy|glad|pleased) to (?:plan|work|arrange"
    r"|fit|support)|(?:it|that|this) (?:played|had|plays|has) no (?:part|bearing|role|effect)"
    r"|(?:we|i) (?:were|was|are|am) (?:happy|glad|pleased) to (?:consider|offer|accommodate"
    r"|agree)"
    # (after dev_30) "That's absolutely fine — I'll send a Teams link".
    r"|^(?:that's|that is|this is|it's|it is) (?:absolutely |completely |totally |perfectly"
    r" |entirely )?(?:fine|no problem|not a problem|ok|okay)\b"
    r"|nothing to do with|^(?:not at all|of course not|no problem|(?:it|that|this) (?:doesn't"
    r"|does not|didn't|did not|won't|will not|wouldn't|would not|isn't|is not|wasn't|was not))\b"
)
# However kindly a circumstance is acknowledged, the next sentence or the one after may weigh it
# (after dev_14 and dev_15): "Thanks for disclosing your dyslexia. ... it would be kinder not to
# ...", "... your partner, Michael. ... we worried about how that would land", "... rather than
# make changes".
_WEIGHED_NEXT = _rule(
    r"kinder (?:not )?to|fair(?:er)? (?:to|for|on) (?:you|everyone)|how (?:that|this|it)"
    r" (?:would|might|will) (?:land|go down|be received|be seen)|with (?:that|this) in mind"
    r"|(?:take|taking) (?:the|a|that) risk|think about resilience|(?:need|want|looking for) someone who can (?:stand|walk|lift"
    r"|drive|hear|see|be on (?:their|your) feet)"
    # (after dev_15) "Having thought carefully about timing, ... without a break", "Because of
    # this, ... at full capacity", "rather than look at adjustments".
    r"|without a break|(?:thought|think|thinking) (?:carefully )?about (?:the )?timing"
    r"|(?:because of|due to|owing to) (?:this|that)\b|at full capacity"
    r"|rather than (?:[a-z]+ ){0,2}(?:changes|adjustments|accommodations?)"
    # (after dev_16) "we'd rather not put you in that position", "might be awkward for you",
    # "isn't the right place for you", "someone who'll be here throughout".
    r"|put you in (?:that|this|an? (?:awkward|difficult|uncomfortable)) (?:position|spot)"
    r"|(?:might|would|could) be (?:awkward|difficult|hard|tricky|uncomfortable) for you"
    r"|(?:isn't|is not|wouldn't be|would not be) the right (?:place|environment) for you"
    r"|(?:be )?here throughout|away for (?:much|most|part) of"
    # (after dev_17 and dev_18) "someone who can commit fully from day one", "without
    # interruption", "given the timing".
    r"|(?:someone|somebody|a candidate|a person) who (?:can|could|will|would) commit"
    r"|without (?:any )?interruptions?|given the timing"
    # (after dev_19) "concerns about how it would affect your reliability".
    r"|(?:concerns?|worried|worries|unsure|doubts?) (?:about )?(?:how|whether) (?:it|this|that"
    r"|the condition) (?:would|might|could|will|may) affect"
    # (after dev_21) "too much for someone in your situation", "too overwhelming for you".
    # (after dev_20) "given that history, we're worried ... could cause a relapse".
    r"|given (?:that|this|your) (?:history|background|condition|situation|diagnosis)"
    r"|(?:cause|trigger|risk) (?:a )?relapse"
    # (after dev_35) "Given the pressure this role carries, we don't think it's the right
    # environment for you", "Some of our clients are fairly conservative", "your due date falls
    # in our busiest quarter".
    r"|(?:think|feel|believe) (?:it's|it is|this is) (?:the )?right (?:place|environment|role"
    r"|time) for you|given the (?:pressure|stress|demands|pace)|(?:clients|customers|members"
    r"|guests|team) (?:are|is) (?:fairly |quite |rather |very |a bit )?(?:conservative"
    r"|traditional|old fashioned)|timing is(?:n't| not)? right for you"
    # (after dev_32) "We'll hold off, as this role needs someone who can be fully present".
    r"|(?:fully|completely) present|(?:family|kids|children|baby) (?:is |are )?on the cards"
    r"|too (?:much|overwhelming|stressful|demanding|hard|intense) for (?:you|someone in your"
    r"|somebody in your|a person in your|someone with your|someone like you)"
    # (after dev_38) "might not be the kindest place for you right now", "we think you'd find
    # it frustrating", "kindest not to put you through the pressure of a new role".
    r"|(?:might|may|would|could|will) not be the (?:kindest|best|right|ideal|easiest|healthiest)"
    r" (?:place|environment|setting|fit|role|time) for you"
    r"|(?:you'd|you would|you might|you'll|you will) find (?:it|that|the [a-z]+) (?:frustrating"
    r"|overwhelming|stressful|exhausting|a struggle|too much)"
    r"|kindest (?:not )?to|put you through (?:the )?(?:pressure|stress|strain|demands)"
    # (after dev_39) "a candidate better able to handle a high-pressure environment".
    r"|better able to (?:handle|cope|manage|deal)|(?:handle|cope with|manage) (?:a |the )?high"
    r" pressure"
)
# ... unless the circumstance's own sentence makes the decision, or the support is taken back.
_DECIDES = _rule(
    r"given|because|since|so (?:we|i)|decid\w*|chose|chosen|not (?:proceed|progress|offer|mov)\w*"
    r"|won't|will not|unable|can't|cannot|instead"
)
_CONTRAST = _rule(
    r"but|however|though|although|unfortunately|sadly|so (?:we|i)|that's why|which is why"
    r"|therefore"
)
# Wishing the person well is not weighing anything, unless the same sentence does: "I hope your
# family settles in well", "enjoy your time in Lisbon with your parents", "happy Diwali to you
# and your family", "wishing you a quick recovery" pass.
_WELL_WISHING = _rule(
    r"i hope|hope (?:you|your|the|it|all|that)|(?:i|we) wish you|wishing you"
    r"|(?:doing|feeling|getting) better|on the mend|recovering well"
    r"|enjoy (?:your|the) (?:[a-z]+ )?(?:time|trip|travels?|move|break|holiday|leave|weekend"
    r"|summer|visit|new)"
    r"|happy (?:diwali|eid|hanukkah|chanukah|christmas|holidays|new year|passover|easter"
    r"|lunar new year|thanksgiving|birthday)|mubarak|get well|(?:speedy|quick|full|smooth)"
    r" recovery|take care|best wishes (?:to|for)",
)
# What a hope wishes runs to the end of its clause: the words in it are the wish, not a reason
# ("I hope the interview didn't make your Ramadan fast any harder"). Not a hope that the person
# accepts the decision ("I hope you understand that ..."), nor one that sends them elsewhere
# ("I hope you find a team where your age is less of an issue").
_WISH_CLAUSE = re.compile(
    r"(?:i |we )?(?:really |do |sincerely |truly )?hope (?!(?:that )?(?:you |this |it )?"
    r"(?:understand|see|appreciate|accept|agree|know|realis|realiz|get|can|will|won't|don't mind"
    r"|makes? sense|explains?|helps))(?:(?!,? (?:but|so|because|since|however|though|although"
    r"|and (?:we|i))\b)[^;:.!?])*"
)
_WISH_REDIRECTS = _rule(
    r"less|more|suit\w*|fit|right (?:place|team|role|company|employer)|issues?|problems?|where"
    r"|somewhere|elsewhere|another (?:company|employer|team|role|place)"
)
# The person's own request, granted ("as you asked, we've paused your application until
# you're back from parental leave", "you asked to push the start date past the wedding, which
# is no problem") or, when it is a working pattern, answered by what the role needs ("you told
# us you'd prefer school hours around your children; this role needs someone until 5:30",
# "thank you for asking whether we could offer a four-day week while you care for your
# mother"). Unless the sentence also weighs a view of the person (`_ASSUMES`).
_THEIR_REQUEST = _rule(
    r"(?:as|since|because|like) you (?:asked|requested|suggested|wanted|preferred)"
    r"|at your (?:own )?request|(?:thank you|thanks) for asking (?:whether|if|about|for|us"
    r"|to (?:move|push|pause|delay|postpone|reschedule|shift))"
    r"|you (?:had )?asked for\b"
    r"|you (?:told us|mentioned|said|explained|let us know|asked|requested|wanted|wondered)"
    r"(?: us| me)?(?: that)? (?:you(?:'d| would)? (?:prefer|like|rather|want|need)|to (?:push"
    r"|move|pause|delay|postpone|hold|put|reschedule|withdraw|step back|defer)|(?:whether|if)"
    r" (?:we|the role|it) (?:could|can|would|might))"
)
_DECLINES = _rule(
    r"won't|will not|can't|cannot|unable|not (?:able|proceed\w*|progress\w*|offer\w*|mov\w+"
    r"|continu\w+)|unfortunately|but|however|sadly|regret\w*"
)
_WORKING_PATTERN = _rule(
    r"hours|days? a week|(?:\w+ )?day (?:week|weeks)|schedule|shifts?|part time|full time|rota"
    r"|travel\w*|remote(?:ly)?|on site|in the office|flexib\w+|weekends?|evenings?|nights?"
    r"|relocat\w+"
)
# Understanding met with nothing weighed after it, but the person's own need: "of course we
# understand that you need to care for your father right now", "we completely understand that
# your son's surgery comes first".
_UNDERSTANDING = _rule(
    r"(?:we|i) (?:\w+ )?understand(?: from (?:your|the|our) \w+)?,? (?:that |how )?(?=you)"
)
_THEIR_NEED = re.compile(r"\b(?:you|they|he|she) (?:need|needs|have|has) to\b")
_ASSUMES = _rule(
    r"(?<!don't )(?<!not to )(?<!need to )(?<!never )worr\w*|concern\w*|assum\w*|felt|feel|think"
    r"|thought|believe|suspect\w*|doubt\w*|might|probably|likely|too (?:much|hard|difficult"
    r"|demanding)|hard (?:on|for) you|struggl\w*|cope|commit\w*|distract\w*|focus\w*|reliab\w*"
    r"|healthier|(?:best|better) for (?:you|everyone|all|the team)|(?:so|therefore|which is why"
    r"|that's why|hence) (?:we|i)|decid\w*|chose|chosen|instead|rather (?:have|hire|go|not)"
    r"|someone (?:else|who|without)"
)
# A personal circumstance stated, then congratulated in the next sentence, is news shared, not a
# reason: "you mentioned your wedding is next month. Congratulations!"
_CONGRATULATES = _rule(r"congratulations|congrats|mazel tov|how exciting|wonderful news")
# Interest in something personal, weighing nothing: "your husband's start-up sounded
# fascinating!"
_ADMIRING = _rule(
    r"sound(?:s|ed)? (?:\w+ )?(?:fascinating|wonderful|lovely|great|amazing|exciting|fun"
    r"|interesting|inspiring)|(?:fascinating|inspiring|wonderful|lovely) to hear"
)
# "Young" about the organisation's own age, not a person's: "we're a young team (the company
# is only two years old)".
_ORGANISATION_AGE = _rule(
    r"(?:company|startup|business|firm|team|we)(?:'re| is| are| was| were) (?:only |just"
    r" |barely )?(?:[a-z]+ ){0,2}(?:years?|months?) old"
)


# --- door_slammed ------------------------------------------------------------------------------

_CONTACT = _any(
    r"contact(?:ing)?", r"reach(?:ing)? out", r"e ?mail(?:ing)?", r"call(?:ing)?",
    r"apply(?:ing)?", r"re ?apply(?:ing)?", r"get(?:ting)? in touch", r"message|messaging",
    r"send(?:ing)?", r"pitch(?:ing)?", r"follow(?:ing)? up",
    r"put(?:ting)? (?:yourself|your name|your application|your cv|yourself) forward", r"writ(?:e|ing) (?:to us|again|back)",
    r"bother(?:ing)?", r"approach(?:ing)?", r"ask(?:ing)? (?:for|again|about)", r"submit(?:ting)?",
    r"come (?:to|by|in|back)", r"visit(?:ing)?", r"show(?:ing)? up", r"turn(?:ing)? up",
    r"(?:drop|stop)(?:ping)? by", r"check(?:ing)? back", r"ring(?:ing)?", r"phon(?:e|ing)",
    r"text(?:ing)?", r"come (?:round|around)", r"ping(?:ing)?", r"dm(?:ing)?",
    r"re ?submit(?:ting)?",
    r"represent(?:ing)? (?:them|him|her|this (?:candidate|person|applicant))",
    # Putting a name forward (an agency's candidate) and keeping up contact are contact too.
    r"put(?:ting)? (?:\w+ ){1,2}forward", r"chas(?:e|ing)", r"(?:stay|keep)(?:ing)? in touch",
)  # fmt: skip
_WONT = (
    r"(?:won't|will not|will no longer|no longer|do not|don't|cannot|can't|shan't|would not"
    r"|wouldn't)"
)
_DOOR_SLAMMED: tuple[str, ...] = (
    # "Don't reach out to us again", "please do not contact", "don't bother reapplying",
    # "kindly refrain from reaching out", "please stop emailing us".
    _words(
        # ("I never like sending these emails" is the manager's own reluctance.)
        rf"(?:do not|don't|dont|(?<!i )(?<!we )never|refrain(?:ed)? from|stop|cease|quit|no point(?: in)?|not worth"
        rf"|don't bother|do not bother|(?:wouldn't|would not) bother|no need|needn't|need not"
        rf"|no reason to|pointless to"
        # (after dev_39) "I don't think there's any point in you applying to us again".
        rf"|(?:don't|do not) (?:think|believe|see) (?:that )?(?:there's |there is )?(?:any|much)"
        rf" point(?: in)?"
        rf"|best not(?: to)?|better not(?: to)?|wise not to|advisable not to)"
        rf"(?: \w+){{0,3}}? {_CONTACT}"
    ),
    # "We ask that you not apply", "we'd prefer that you not reach out", "we'd appreciate it
    # if you didn't reach out".
    _words(
        rf"(?:ask|prefer|rather|appreciate(?: it)?|grateful|request|best|better|wiser|kinder)"
        rf"(?: (?:for|to)(?: \w+){{1,3}}?)?(?: that| if)? you (?:not|didn't|did"
        rf" not|don't|do not|no longer|refrain|wouldn't|would not)(?: \w+){{0,2}}? {_CONTACT}"
    ),
    # "We won't consider any further applications", "we will no longer accept", "won't be
    # reviewed", "further emails will go unanswered", "won't respond to follow-ups".
    _words(
        rf"{_WONT}(?: be)?(?: able to)? (?:consider|accept|review|entertain|process|look(?:ing)?"
        r" at|take|read|answer)\w*(?: any| your)? (?:further|future|more|new|other)"
        r" (?:applications?|apps?|emails?|messages?|submissions?|candidates|contact"
        r"|correspondence|roles?|openings?|positions?|profiles?|calls)"
    ),
    _words(
        # (after dev_17) "finalists aren't eligible to reapply, ever", "any others from you".
        # (after dev_19) "requested you not be considered for any role", "excluded you from
        # all future recruitment campaigns", "marked as spam", "not be considered there either".
        # (after dev_21) "asked our recruiters not to engage with you further", "will not be
        # invited to any further recruitment", "a permanent block", "does not re-engage with
        # candidates once declined".
        # (after dev_39) "would appreciate no further messages", "I'd suggest not following up
        # with our other offices", "no need to try them either", "will not be invited to future
        # tenders".
        r"appreciate (?:it if (?:there were|we had|you sent) )?no (?:further|more) (?:messages"
        r"|emails|contact|calls|correspondence|applications)",
        # (not "I'd recommend not applying for the data role", which redirects)
        r"(?:suggest|advise|recommend)(?:ing)? (?:not|against|that you (?:not|don't|do not))"
        r"(?: \w+){0,2}? (?:following up|contacting|reaching out|approaching|chasing|emailing"
        r"|calling|writing|getting in touch)",
        r"no need to (?:try|approach|contact) (?:them|us|our [a-z]+|other [a-z]+)(?: either| again)\b",
        r"(?:asked|instructed|told) (?:our|the|all) (?:\w+ )?(?:recruiters|staff|team|agencies"
        r"|reception|managers) not to (?:engage|contact|deal|work|speak)|(?:not|never|no longer) be invited to (?:any )?"
        r"(?:further|future) (?:recruitment|interviews?|roles?|campaigns?|exercises?|tenders?"
        r"|bids?|pitches|projects?|contracts?)"
        r"|permanent (?:block|ban|bar)|(?:does not|doesn't|do not|don't|never) re ?engage"
        r" (?:with )?(?:candidates|applicants|people|anyone|you)",
        # (after dev_31) "our recruitment team has been instructed not to consider
        # applications from you".
        # (after dev_36) Door slams as policy, logistics or figures of speech: "marked your
        # record 'not for re-engagement'", "we'd ask that this be our last exchange", "think of
        # us as off the map for you", "the system will decline it automatically", "a full stop
        # rather than a comma", "the well's dry for you here", "we only consider each person
        # once", "no second bite at this cherry", "didn't darken our inbox again", "applications
        # from previous candidates are closed indefinitely".
        r"not for re ?engagement|(?:future|further) (?:roles|applications|opportunities) (?:won't"
        r"|will not) be (?:an option|possible|available)(?!,? (?:until|till|before|this|for now"
        r"|yet|right now|at the moment|at present)\b)|this (?:be|is|will be|should be) (?:our"
        r"|the) (?:last|final) (?:exchange|contact|correspondence|communication|email|message)",
        r"off the map for you|(?:decline|reject) (?:it|them|your application) automatically"
        r"|automatically (?:declined|rejected) without review|full stop,? (?:rather than|not) a"
        r" comma|well(?:'s| is) (?:run )?dry for you|(?:only )?consider (?:each|every) (?:person"
        r"|candidate|applicant) once|no second bite|darken our (?:door|doorstep|inbox|threshold"
        r"|doors)|applications from (?:previous|past|former|unsuccessful) (?:candidates"
        r"|applicants) are closed",
        # (after dev_35) "Consider this the end of the conversation".
        r"(?:consider|take) this (?:as )?the end of (?:the|our|this) (?:conversation|discussion"
        r"|correspondence|relationship)",
        # (after dev_34) "a permanent no; there's no need to look at our careers page again",
        # "we never look at them again, for any role", "your access to our recruitment portal
        # has been revoked".
        r"permanent no\b|(?:no need|no point) (?:to |in )?(?:look|looking|check|checking|visit"
        r"|visiting|brows\w+)(?: at)? our (?:careers|jobs|vacancies|recruitment)",
        r"never (?:look at|consider|revisit|reconsider) (?:them|you|your application|candidates)"
        r" again|access to (?:our|the) (?:recruitment|careers|jobs|candidate) (?:portal|site"
        r"|system|platform) (?:has been |is |was )?(?:revoked|removed|blocked|disabled)",
        # (after dev_32) "blocked ur email so no need to reply lol".
        # (not "we've blocked your calendar for Tuesday")
        r"blocked (?:you\b|(?:your|ur|yr) (?:email|e mail|number|address|account|profile|contact"
        r"|details|applications?|messages|calls))|(?:blacklisted|banned) (?:your|ur|yr|you)\b",
        r"(?:asked|instructed|told) not to (?:consider|engage|contact|accept|review|interview"
        r"|shortlist|put forward)(?: [a-z]+){0,4} (?:from )?(?:you|your)\b",
        r"(?:decided|chosen|opted) not to (?:consider|contact|engage)\w* (?:you|your \w+)"
        r" (?:again|for (?:any|all) (?:future|further|other))",
        r"(?:requested|asked|instructed|decided|ruled)(?: that)? you (?:not|never) be"
        r" (?:considered|contacted|interviewed|hired|engaged)|exclud\w* (?:you )?from (?:all"
        r"|any) (?:future|further)|(?:messages|emails|calls|applications) from you (?:will|shall) be (?:marked|treated"
        r"|filed) as (?:spam|junk)|not be considered (?:there|elsewhere"
        r"|anywhere)",
        r"(?:aren't|are not|isn't|is not|won't be|will not be|no longer|never be) eligible to"
        r" (?:re ?apply|apply|be considered)|(?:or|nor) any (?:others|other applications|further"
        r" applications|future applications|more applications) from you",
    ),
    _words(
        rf"{_WONT}(?: be)?(?: able to)? (?:consider|accept|review|entertain|process|tak)\w*"
        r" you (?:again|(?:for|in) (?:this or )?(?:any )?(?:future|further|other|new)"
        r"|for (?:any|all)(?: [a-z']+){0,4} (?:in (?:the )?future|again|going forward|ever)"
        r"|for anything (?:in (?:the )?future|else|again|going forward|ever))"
    ),
    _words(
        rf"{_WONT}(?: be)?(?: able to)? (?:consider|accept|review|entertain|process|tak)\w*"
        r"(?: \w+){0,3} from (?:you|your \w+)\b"
    ),
    # (after dev_30) "you won't be considered for any coaching position at this club going
    # forward" (one role refused is not: "you won't be considered for this role").
    _words(
        rf"you {_WONT} be (?:considered|shortlisted|interviewed|engaged|hired|accepted) for"
        r" (?:any|all)(?: [a-z']+){0,6} (?:in (?:the )?future|again|going forward|ever)\b"
    ),
    _words(
        rf"{_WONT}(?: be)? (?:respond|reply|answer)\w*(?: to you)? (?:if|when|should|whenever)"
        r" you"
    ),
    # (after dev_15) The door closed in the language of records: "your email address has been
    # blocked on our careers portal", "you will not be eligible to apply for any post", "flagged
    # 'do not progress'", "noted on file not to re-engage you", "will not respond to or review
    # any further applications", "will not be considered for future vacancies".
    _words(
        r"(?:email|e mail|address|profile|account|application|candidacy|details|cv|number)"
        r" (?:has|have) (?:now )?been (?:blocked|barred|banned|blacklisted)",
        r"(?:flagged|marked|noted|recorded|listed)(?: on file| in our (?:system|records))?(?: as)?"
        r" '?(?:do not|not to) (?:progress|re ?engage|rehire|re ?hire|hire|contact|book|employ)",
        rf"{_WONT}(?: be)? (?:respond|reply|review|consider|read|accept)\w*(?: to)? or (?:respond"
        r"|reply|review|consider|read|accept)\w*(?: to)?(?: any| your)?(?: further| more"
        r"| future)? (?:applications?|emails?|messages?|submissions?)",
        rf"{_WONT} be (?:considered|reconsidered) for (?:any )?(?:future|further|other)"
        r" (?:vacanc(?:y|ies)|roles?|positions?|posts?|jobs?|openings?|opportunities)",
        # (after dev_16) "removed from all our future campaigns", "we will not enter into
        # correspondence".
        r"removed from (?:all )?(?:of )?(?:our )?(?:future|further) (?:campaigns|vacancies|roles"
        r"|recruitment|consideration|opportunities)",
        rf"{_WONT} enter into (?:any )?(?:further )?correspondence",
    ),
    _words(
        rf"{_WONT}(?: be)? (?:respond|reply|answer|entertain|accept|read|open)\w*(?: to)?(?: any| your)?(?: further| more"
        r"| future)? (?:emails?|messages?|follow ups?|questions|calls|requests|inquiries"
        r"|enquiries|correspondence|(?:applications?|apps?)(?: or \w+)? from you)"
    ),
    # (after dev_37) "any further ones won't be reviewed", "further correspondence on this
    # matter, or any future application, will not be answered"; not "further applications
    # won't be reviewed until the spring".
    _words(
        r"(?:future|further|any more|more) (?:applications?|emails?|messages?|submissions?"
        r"|contact|correspondence|approaches|enquiries|inquiries|calls|ones)(?:,? \w+){0,7},?"
        r" (?:will|would|won't|are|shall)(?: \w+){0,2}"
        r" (?:declined|rejected|unanswered|ignored|deleted|reviewed|considered|returned|read"
        r"|answered|opened|accepted|acknowledged|blocked|filtered|discarded|entertained)(?!,?"
        r" (?:until|till|before|for now|yet|right now|at the moment|at present)\b)"
    ),
    _words(
        r"no (?:further|future|more|other) (?:applications?|emails?|messages?|submissions?"
        r"|contact|correspondence|calls)(?: \w+){0,3} (?:will|shall|would|can) be (?:accepted"
        r"|considered|reviewed|read|answered|entertained|welcome)"
    ),
    _words(
        r"(?:not|no longer|never)(?: be)? (?:eligible|welcome|permitted|allowed) (?:to (?:re ?apply"
        r"|apply|contact|reach)|for (?:any|future|further|other))|not interested in hearing from you|(?:last|final) (?:communication"
        r"|contact|email|message) (?:from us|with us|we|you)|this is our (?:last|final)"
        # (after dev_26) "treat this as our final communication; replies to this address will
        # not be read".
        r"|(?:treat|consider|take) this (?:as )?(?:our|the) (?:final|last) (?:communication|contact"
        r"|message|word)"
        r"|go unanswered|(?:(?<!i'll )(?<!i will )(?<!we'll )(?<!we will )flag|block|blacklist"
        r"|ban|bar)(?:ged|ed|ing|ning|ring|red)?"
        # (not "I've flagged your name to that team", after dev_16)
        # (nor "I'd be glad to flag you for our next Greek-market opening", after dev_36)
        r" (?:your|you|from)\b(?! (?:calendar|time|diary|slot)| for (?:our |the |a |any )?(?:next"
        r"|future|upcoming|new|other|senior|suitable|relevant)| (?:name|details|cv|profile"
        r"|application|interest) (?:to|with|for)\b| (?:to|with) (?:our|the|a|my|their|that"
        r"|this)\b)"
        r"|(?:remove|take|delete|drop) (?:us|our (?:company|firm|details|name|address|team))"
        r" (?:off|from)|lose (?:our|my) (?:number|address|email|details)"
        r"|(?:rather|prefer)(?: not| to not| that you not)(?: \w+)? hear from you"
        r"|(?:don't|do not) (?:want|wish) to hear from you"
        r"|ignore (?:your|any|all|future|further) (?:\w+ )?(?:applications?|emails?|messages?|calls"
        r"|cvs?)"
        r"|(?:re ?applying|applying again|contacting us|reaching out|writing to us)(?: \w+){0,2}"
        r" (?:won't|will not|wouldn't|doesn't|does not|isn't going to) (?:change|help|make)"
        r"|(?:won't|will not|cannot|can't|do not|don't|shall not)(?: be)? (?:discuss|engag"
        r"|correspond|enter into)\w*(?: \w+){0,3} further"
        rf"|{_WONT}(?: be)? (?:discuss|consider|review|accept|entertain)\w*(?: \w+){{0,3}}"
        r" (?:any|your) (?:future|further|other|new) (?:applications?|roles?|positions?)"
        r"|no further (?:correspondence"
        r"|discussion|contact|communication)"
        r"|(?:don't|do not|never) send us"
        r"|(?:not suitable|unsuitable|ineligible|not eligible|not considered) for (?:any |all )?"
        r"(?:future|further|other) (?:vacanc\w+|roles?|positions?|openings?|opportunities)"
        # Blocked in advance: "we've blocked further applications from your address".
        r"|(?:block|ban|bar|blacklist|filter|reject|delete|ignore|discard)(?:s|d|ed|red|ned|ing)?"
        r"(?: on)? (?:all |any )?(?:further|future"
        r"|new|more) (?:applications|emails|messages|contact|submissions)"
        # Closed for ever: "this door is closed for good", "we won't be a match now or later",
        # "close this off permanently", "look elsewhere for good".
        r"|doors? (?:is |are |has been |have been |remains? |stays? )?(?:firmly |now )?(?:closed"
        r"|shut)(?! (?:for now|at the moment|this time|for this round|until))"
        r"|(?:close|closes|closed|closing|shut|shuts|end|ends|ended|ending|elsewhere|move on"
        r"|part ways|leave)(?: (?!(?:the|this|that) (?:role|position|vacancy|opening|req|requisition"
        r"|post|search)\b)\w+){0,4} (?:for good|permanently|for ever|forever)"
        # Barred, listed or screened out (after dev_12): "permanently excluded from
        # consideration", "added to our do-not-hire register", "we'd screen you out if you ever
        # apply again", "unsubscribe from our job alerts", "a no, now and permanently".
        r"|(?:permanently|indefinitely) (?:excluded|barred|banned|blocked) from|(?:excluded"
        r"|barred|banned|blocked) from (?:any|all|future)(?: [a-z]+)? (?:consideration|roles"
        r"|positions|vacanc\w+|applications|sites|premises)|(?:do not|don't|never|no) (?:re ?)?(?:hire"
        r"|employ|engage) (?:list|register|database|file)|not to (?:admit|let in|allow in) you"
        r"|screen(?:ed)? you out|(?:ask|asked|asking|request|please)(?: that)?(?: you)?(?: to)?"
        r" unsubscribe|a no(?: from us| from me)?,?"
        r" (?:now and )?(?:permanently|forever|for ever|for good)|no need to (?:keep an eye on"
        r"|keep checking|check|watch) our (?:careers|jobs|vacanc)"
        r"|(?:future|role|position|place|opening|job)(?: [a-z']+){0,4} under any circumstances"
        # (after dev_13) "marked as not to be reconsidered", "not this time, and honestly not
        # any time", "we don't see you working here in any capacity".
        r"|not to be (?:re ?considered|re ?contacted|re ?engaged|re ?hired|considered again)"
        r"|not (?:any ?time|ever)(?= |[.!?,;]|$)(?! soon)|(?:don't|do not|can't|cannot|won't) see"
        r" you (?:\w+ing )?(?:here |with us |for us )?in any (?:capacity|role|position)"
        r"|(?:never|not|no|won't|wouldn't|don't|can't)(?: [a-z']+){0,6},? (?:now or (?:later|ever"
        r"|in (?:the )?future|at any (?:point|time|stage))|(?:ever|any time|anytime) again)"
        r"|(?:don't|do not|can't|cannot|won't) (?:think|see|imagine|expect|believe)(?: that)?"
        r" (?:any|a|another) (?:future|later|other) (?:role|position|opening|vacancy|application)s?"
        r" (?:will|would|could|is going to)"
        # Never engaged again: "we won't be engaging you again".
        rf"|{_WONT}(?: be)? (?:engag|hir|book|us|contract|rehir|re engag|consider|work)\w*"
        r" (?:with )?you (?:again|in (?:the )?future|ever)"
    ),
    # Contact or applications refused in advance, or threatened: "refrain from any further
    # applications", "any attempt to contact the panel will be ignored", "contacting our staff
    # again will be treated as harassment".
    _words(
        r"(?:refrain from|stop|cease|desist from) (?:\w+ ){0,3}(?:applications?|contact"
        r"|emails?|calls|messages|correspondence|cvs?|submissions?)",
        r"(?:refrain(?:ed)?|desist(?:ed)?) from (?:re ?apply\w*|apply\w*|contact\w*|writ\w*"
        r"|call\w*|follow\w* up)",
        # A refusal made permanent, or this approach made the last: "it will remain a no for any
        # role here", "we ask that this be your last application", "do not seek future work".
        r"(?:remain|stay|always be) a no|a no for (?:any|every|all)(?: \w+)? (?:roles?|positions?"
        r"|jobs?|openings?|vacanc\w+)"
        r"|(?:final|permanent|definitive) (?:for|on|across|covering) (?:this (?:and|or) )?(?:any"
        r"|every|all)(?: \w+)?"
        r" (?:roles?|positions?|jobs?|openings?|vacanc\w+|applications?)"
        r"|(?:this|that) (?:be|is|will be|should be) (?:your|the)"
        r" (?:last|final) (?:application|attempt|contact|message|approach)",
        r"(?:decision|answer|no)(?: [a-z]+){0,3} (?:on|for|covering|applies to) (?:all|any"
        r"|every)(?: current and| present and)? future (?:applications?|roles|positions|openings"
        r"|vacancies)",
        r"(?:do not|don't|not to|never) (?:seek|look for|pursue|apply for) (?:any )?(?:future"
        r"|further) (?:work|roles?|employment|opportunities|positions)",
        r"(?:any|all|further|future|more) (?:attempts?|efforts?|tries) to (?:contact|reach|re ?apply"
        r"|apply|get in touch|follow up)(?: \w+){0,4} (?:will|would|shall)(?: \w+){0,2}"
        r" (?:ignored|declined|rejected|unanswered|reported|blocked|treated|deleted)",
        r"(?:treated|considered|regarded|seen|reported|logged) as (?:harassment|spam|stalking"
        r"|a nuisance)",
        # (after dev_22) "we'd prefer that Ruiz Construction not submit bids to us in the
        # future", "your candidature stands rejected for all future recruitment drives".
        r"(?:prefer|ask|request|rather)(?: that)?(?: [a-z']+){1,3} not (?:submit|bid|tender"
        r"|apply|re ?apply|pitch|contact|approach)\w*(?: [a-z']+){0,4} (?:in (?:the )?future"
        r"|again|going forward)",
        r"(?:rejected|declined|closed|refused) for (?:all|any|every) (?:future|further|later)",
        # (after dev_23) "the end of the road with us for good", "taking you off our books",
        # "won't be putting you forward for anything else", "I'd skip applying here in
        # future", "you should not reapply", "not suitable for any role here", "even when it
        # reopens we won't be reconsidering you".
        r"(?:end of the road|clean break)(?: [a-z']+){0,3},? (?:for good|permanently|for ever"
        r"|forever)",
        # (after dev_24) "closed to all future requisitions", "the decision is permanent",
        # "we'll remember this", "won't be considered by us or our sister companies", "added your
        # firm to our supplier blacklist", "any CVs you send will be deleted unread", "don't
        # expect a different outcome anywhere else", "won't be engaged by this company again".
        r"(?:profile|application|account|candidacy|record|you)(?: [a-z]+){0,4} closed to (?:all|any)"
        r" (?:future|further|other)|(?:decision|answer|outcome) is"
        r" (?:final and )?permanent\b",
        # (after dev_25) "no future for you with us whatever the role", "treat this decision as
        # permanent", "we won't need to hear from you again", "don't put yourself through
        # another application", "it isn't going to happen here", "not working with Apex in any
        # capacity".
        r"no future for you (?:with us|here|at)|treat (?:this|the|our) (?:decision|outcome|answer)"
        r" as (?:permanent|final for (?:all|any|every))",
        rf"(?:{_WONT}|don't|do not) (?:need|want|wish|expect) to hear from you again",
        r"(?:don't|do not) put yourself through (?:another|any more|more|further|a further)"
        r" (?:application|interview|process|round)"
        r"|it (?:isn't|is not|won't|will not|is never|'s never|'s not) going to happen (?:here"
        r"|with us)(?! (?:this time|now|right now|at the moment|yet|for now))",
        rf"{_WONT} be working with(?: [a-z]+){{1,3}} (?:in any capacity|again)",
        r"(?:we'll|we will|i'll|i will) remember this(?=[.!?]|$|, [a-z]+[.!?])",
        rf"{_WONT} be (?:considered|hired|employed|engaged|contacted)(?: [a-z]+){{0,2}} (?:by|with"
        r"|at) (?:us|this company) or (?:our|any of our|any) (?:sister|partner|group|affiliated"
        r"|other) (?:companies|firms|brands|businesses)",
        r"(?:added|put|placed) (?:you|your [a-z]+)(?: [a-z]+)? (?:to|on) (?:our|the|a)(?: [a-z]+)?"
        r" (?:blacklist|black list|block ?list|ban list|do not use list)",
        r"(?:cvs?|applications?|emails?|messages?|profiles?) you send(?: [a-z]+){0,3} (?:will|shall)"
        r" be (?:deleted|ignored|discarded|binned|rejected)",
        r"(?:don't|do not) expect a different (?:outcome|answer|result|decision) (?:anywhere"
        r"|elsewhere)",
        rf"{_WONT} be (?:engaged|hired|employed|contracted|booked|used|re ?hired|re ?engaged"
        r"|considered|looking at you|considering you|using you|booking you)"
        r"(?: [a-z]+){0,4} again",
        r"(?:taking|take|took|taken|removing|remove|removed|struck|striking) you off (?:our|the)"
        r" (?:books|list|register|database|roster|system|panel)",
        rf"{_WONT} be (?:putting|put) you (?:forward )?(?:for|to) (?:anything|any(?:thing)? (?:else"
        r"|other|further|more))",
        r"(?:skip|avoid) (?:re ?applying|applying|applications) (?:here|to us|with us|again)"
        r"|you should(?:n't| not| never) (?:re ?apply|apply|contact|reach out|approach)",
        r"(?:not suitable|unsuitable|ineligible|not eligible) for any (?:role|position|job|vacancy"
        r"|opening)s? (?:here|with us|in (?:the|our|this) (?:company|organisation|organization"
        r"|firm))",
        # (after dev_27) "your firm will not be invited to tender for any future projects",
        # "this applies to all current and future positions at every company in our group".
        rf"(?:you|your (?:firm|company|agency|business|practice|studio|team)) {_WONT} be"
        r" (?:invited|asked|approached|shortlisted) (?:to [a-z]+ )?(?:for|to|on|in) (?:any|all)"
        r" (?:future|further|subsequent)",
        r"(?:this|that|the decision|our decision|this decision) (?:also )?appl(?:y|ies) to (?:all"
        r"|every|any) (?:current and )?(?:future|other) (?:roles|positions|vacancies|openings|jobs"
        r"|posts|projects|tenders)",
        # (after dev_28) "applies to all roles, current and future", "permanently removed from
        # our approved-supplier register", "messages from your consultants will not be answered",
        # "recruiters have been told not to engage with you".
        r"appl(?:y|ies) to (?:all|every|any) (?:roles|positions|vacancies|openings|jobs|posts)"
        r",? (?:current and future|now and in (?:the )?future)",
        r"permanently (?:removed|struck|barred|excluded) (?:you |your (?:agency|firm|company"
        r"|business|name) )?from (?:our|the|all) (?:[a-z]+ ){0,2}(?:register|list|panel|roster"
        r"|books|suppliers?|agencies|vendors?|database|pool|consideration)",
        r"(?:messages|emails|calls|correspondence|applications) from (?:you|your [a-z]+) (?:will"
        r"|shall) (?:not|no longer) be (?:answered|read|returned|responded to|accepted)",
        r"(?:asked|told|instructed) (?:\w+ ){0,3}not to (?:engage|deal|speak|talk|correspond"
        r"|communicate|work) with you",
        # (after dev_29) "will not engage you for any locum work in future", "told not to offer
        # you to us again", "you're not to be placed with us again", "this decision is final
        # and extends to any future appointment", "and will not be invited to tender for any
        # future contracts", "will not be considering your firm for any contract at any point",
        # "you shouldn't expect to be considered for any transfer, ever".
        # (after dev_37) "we won't be in a position to consider you for any roles going forward".
        rf"{_WONT}(?: be in a position to| be able to)? (?:engage|hire|book|use|employ|consider"
        r"|offer) you (?:for|in) any (?:[a-z]+ ){0,2}(?:work|roles?|positions?|shifts|sessions"
        r"|contracts?|assignments?|posts?)(?: [a-z]+)? (?:in (?:the )?future|again|ever|going"
        r" forward|from now on)",
        r"told not to (?:offer|send|place|put forward|propose|submit|refer) you(?: to us| here)?"
        r" (?:again|in (?:the )?future|ever)",
        r"(?:you're|you are) not to be (?:placed|hired|booked|engaged|used|sent|contacted"
        r"|considered|re ?hired)",
        r"decision (?:is final and )?(?:also )?(?:extends|appl(?:y|ies)) to (?:all|every|any)"
        r" (?:current and )?(?:future|other|further)\b",
        rf"(?:and|but) {_WONT} be (?:invited|asked|approached|shortlisted) (?:to [a-z]+ )?(?:for"
        r"|to|on|in) (?:any|all) (?:future|further|subsequent)",
        rf"{_WONT} be considering (?:you|your [a-z]+) for any [a-z ]{{1,30}}(?:at any (?:point"
        r"|time)|ever|again|in (?:the )?future)",
        r"expect to be (?:considered|hired|shortlisted|invited|moved) for any [a-z ]{1,60},?"
        r" ever\b",
        rf"(?:when|if|once) (?:it|the role|the position|the vacancy) (?:re ?opens|comes back)"
        rf"(?: [a-z']+){{0,3}},? {_WONT} be (?:re ?)?consider\w*",
        # (after dev_38) "I'd save yourself the bother of reapplying".
        r"save yourself the (?:bother|trouble|effort|hassle|time) of (?:re ?apply|apply|contact"
        r"|email|writ|call|follow)\w*",
        # (after dev_37) "we see no future scenario in which we would hire you".
        r"no (?:future )?(?:scenario|circumstances?|world|situation|universe) (?:in which|where"
        r"|under which) (?:we|i)(?:'d| would| will|'ll| could)? (?:ever )?(?:hire|employ"
        r"|consider|take on|work with) you",
    ),
    # Every future role closed to the person, or the person declared out of them (after
    # dev_10): "not eligible for rehire with us in any role", "all future positions at our
    # company are closed to you", "you will never be considered for a role here" ("you won't be
    # considered for this role" is the decision itself).
    _words(
        # (after dev_37) "contractors released early aren't eligible for future engagements".
        r"(?:(?:not|no longer|never be|aren't|isn't|won't be) |in)eligible (?:for|to) (?:re ?hire"
        r"|re ?employ\w*|re ?engag\w*|hire|employment|rehiring|(?:any (?:future |other |further )?"
        r"|future |further )(?:roles?|positions?|work|vacanc\w+|openings?|opportunit\w+"
        r"|recruitment|campaigns?|posts?|jobs?|applications?|engagements?|contracts?"
        r"|assignments?))",
        r"(?:future|all|any|every|other) (?:[a-z',]+ ){0,6}(?:are|is|remain|remains|will be|stay"
        r"|stays)(?: now)? (?:closed|shut|off limits|unavailable) to you\b",
        r"you(?:'ll| will|'d| would)? (?:never|no longer) be (?:considered|hired|shortlisted"
        r"|accepted|engaged|employed|interviewed|re ?hired)\b"
        r"|you(?:'ll| will|'d| would|'re|re| are) not (?:going to )?be (?:considered|hired"
        r"|shortlisted|accepted|engaged|employed|interviewed|re ?hired)(?: here| by us| with us)?"
        r" (?:again|(?:for|in) (?:any|a future|future|other"
        r"|further))",
    ),
    # Staff told to shut the person out: "we've asked reception not to put your calls through".
    _words(
        r"(?:asked|told|instructed) (?:\w+ ){0,3}(?:not to|to stop|to no longer) (?:put|forward"
        r"|pass|answer|accept|take|read|respond to|reply to)(?: \w+)? (?:your|any) (?:calls"
        r"|emails|messages|applications|cvs?)"
        r"|(?:asked|told|instructed) (?:\w+ ){0,3}not to (?:take|answer|accept|return|forward"
        r"|put through) (?:any )?(?:calls|emails|messages|applications)(?: \w+)? (?:from|by)"
        r" (?:you|your \w+)"
    ),
)
_DOOR_SLAMMED_SCAN = _one_scan(_DOOR_SLAMMED)
# Kind phrasings that use the same words: "don't hesitate to reach out", "feel free to".
_DOOR_SLAM_EXCUSED = _rule(
    r"hesitate|feel free|welcome to(?! never| not)|you(?:'re| are) welcome(?! to never| to not)"
    # (after dev_16) a bounded rule, with the rest left open: "please don't reapply for this
    # same vacancy within 6 months, but other roles are open to you".
    r"|other (?:roles|vacancies|positions|posts|openings|jobs) (?:are|remain|stay) open"
    # (after dev_24) "please don't let it stop you applying for future openings".
    r"|(?:don't|do not|never) let (?:it|this|that|the decision|this decision) (?:stop|discourage"
    r"|put you off|deter)"
    # (after dev_17) the person's own wish: "marked as do-not-contact at your request".
    r"|at your (?:own )?request|as you (?:asked|requested)"
    # (after dev_30) an agency told one search is over: "please don't send any more candidates
    # for the QA role — we filled it yesterday".
    r"|send(?:ing)? (?:any )?(?:more |further |other |additional )?(?:candidates|cvs|profiles"
    r"|people|applicants|resumes)(?: [a-z]+){0,2} (?:for|to) (?:the|this|that|our) (?:[a-z]+ ){0,3}"
    r"(?:role|position|vacancy|job|opening|search|post)\b"
    # (after dev_31) "we've filled the role ourselves so no need to send more candidates".
    r"|(?:filled|closed) (?:the |this |that |our )?(?:role|position|post|vacancy|job|it|search)"
    r"(?: [a-z']+){0,3},? so (?:there's |there is )?no need to send"
)


# --- empty_or_curt, no_reason, courtesy --------------------------------------------------------

# An outcome: a refusal or the news that the place went to someone else.
_OUTCOME = _rule(
    r"no|none|nope|nah|not|\w+n't|never|negative|pass(?:ing)?|reject(?:ed|ion)?|declin(?:e|ed|ing)"
    r"|unsuccessful|unfortunately|regret",
    r"filled|gone|taken|closed|hired|went|going|chose|chosen|picked|selected|decided"
    r"|elsewhere|other opportunities|ended|over|done|finished|concluded"
    r"|choice|decision|someone else|another (?:candidate|way|direction|route|path)"
    r"|different direction|moving on|moved on|cut|give (?:it|this|you) a miss",
    # (after dev_22) "Sorry, nothing for you at this time.", "contract ends Friday."
    r"nothing (?:for you|suitable|available|right|at (?:this|the moment))|ends",
    # (after dev_25) "your hold is cancelled, role scrapped."
    r"cancell?ed|scrapped|axed",
)
# A substantive reason: a cause, what the role needs, or a circumstance. "We chose another
# candidate" and "the position is filled" are the outcome, not a reason for it.
_SUBSTANTIVE_REASON = _rule(
    r"because|since|due to|owing to|given (?:that|the|our)|so that|as a result|reasons?",
    r"(?<!soon )(?<!well )(?<!such )as (?:we|our|the|this|you|it)",
    r"(?<!what )(?:we|role|team|position|job|project|client|it) (?:really |also |still )?(?:needs?|needed"
    r"|requires?|required)|requirements?|must have|(?:were|are|was|am) looking for",
    r"(?:candidate|someone|person|one|finalist|applicant)s? (?:with|who|whose|that)",
    r"(?:closer|better|stronger) (?:match|fit)|more closely|(?:more|less|deeper|stronger)"
    r" (?:\w+ )?(?:experience|background|expertise)|experience (?:with|in|of)",
    r"did not meet|didn't meet|fell short|not enough|missed|lacked|lacking|without",
    r"timing|budget|headcount|hiring freeze|freeze|frozen|funding|reorg\w*|restructur\w*"
    r"|priorit(?:y|ies)|on hold|paused?|postponed|cancell?ed|withdr[ae]w\w*|internal(?:ly)?"
    r"|from within|promot\w+|referral|salary|compensation|location|relocat\w*|on ?site|remote"
    r"|visa|sponsor\w*|notice period|start date|availability|available|licen[cs]e\w*"
    r"|clearance|certif\w+",
    # What matters for the role, named: "accuracy matters for this finance role", "which this
    # role applies every week".
    r"(?:matters?|mattered|counts) (?:for|to|in|most|a lot)|essential|critical|crucial"
    r"|central to|vital|non negotiable|key (?:to|for|part)"
    r"|which (?:this|the|our) (?:role|job|position|team) (?:[a-z']+ )?\w+",
)
# A looser notion for the warning: naming the decision ("we chose another candidate") at least
# tells the person what happened.
_REASON = re.compile(
    _SUBSTANTIVE_REASON.pattern
    + "|"
    + _rule(
        r"decided|decision|chose|chosen|choose|went with|gone with|(?:another|other) candidates?"
        r"|someone else|filled|closed|role (?:changed|is changing)"
    ).pattern
)
# Thanks, an apology or an appreciation: what makes a short note kind rather than cold.
_COURTESY = _rule(
    r"thanks?|thank you|thankful|grateful|appreciat\w+|enjoyed|pleasure|sorry|apologi[sz]e\w*"
    r"|loved|impressed|admire\w*",
)
# Warmth beyond the formula: the person or the meeting valued in words of their own ("it was a
# pleasure", "you made it tough", "a brilliant interview", "wish you every success"). A short
# refusal that says so is kind, not curt; "Thanks. No." and "Good luck." are formulas.
_WARMTH = _rule(
    r"pleasure|lovely|enjoy(?:ed|able)|loved|brilliant|impressive|impressed|excellent|wonderful"
    r"|fantastic|thoughtful|warm(?:ly|est)?|genuine(?:ly)?|truly|stood out|every success"
    r"|(?:a |the )?close (?:call|decision|one|second|run thing)|decision was close"
    r"|(?:made|make|making) (?:it|this|that|the decision) (?:really |so |very )?(?:tough|hard"
    r"|difficult)|(?:tough|hard|difficult) (?:call|decision|choice)"
    r"|somewhere (?:great|brilliant|wonderful|fantastic)|the best (?:one|answer|question)s?"
    # Gratitude or empathy in words of the manager's own: "thank you for all your effort",
    # "with real appreciation", "your kindness throughout", "sorry it's not better news".
    r"|all (?:your|the) (?:effort|hard work|care|patience|energy)|thanks for everything"
    r"|(?:real|genuine|deep|sincere|great) appreciation|your kindness|not (?:the )?better news"
    # (after dev_27) "we really liked your application".
    r"|(?:really|truly|genuinely|very much) (?:liked|valued|appreciated) your"
    r"|not the news you (?:wanted|hoped|were hoping)"
    r"|great (?:conversation|chat|interview|to meet|meeting|questions?|answers?)"
    r"|(?:one of )?the (?:strongest|best|finest|most (?:impressive|thoughtful|original"
    r"|creative)) (?:[a-z']+ )?(?:we|i)(?:'ve| have)?"
    r" (?:saw|seen|read|had|met|received|interviewed|reviewed)",
)
# A bare refusal is short: "Hi Sam, we will not be moving forward at this time." is eleven
# words. A cold one-liner with no courtesy at all is curt a little longer.
_BARE_MAX_WORDS = 12
# A welcome is news, not a refusal, however short: "Welcome aboard, Kiri!"
_WELCOME = _rule(
    r"welcome (?:aboard|on board|to the team)|(?:delighted|thrilled|pleased|happy) to (?:offer"
    r"|welcome)"
)
# A form letter that says it is one: with no reason and no warmth it is curt at any length.
_AUTOMATED = _rule(
    r"(?:automated|automatic|auto generated|system generated) (?:message|email|e mail|response"
    r"|reply|notification)|(?:do not|don't|please do not) reply to this|no ?reply address"
    # (after dev_25) "this email confirms the outcome of your application: no offer".
    r"|this (?:email|e mail|message|letter) (?:confirms|is to confirm|serves to confirm)"
    # (after dev_36) Words that say nothing: "the outcome of the process has now been processed.
    # The outcome is a no", "The determination is not favourable. This communication concludes
    # the matter", "Please treat this as our response to it", "This notice is system-generated".
    r"|(?:the )?(?:outcome|determination) is (?:a no|not favourable|unfavourable|negative)"
    r"|this (?:communication|letter|message|email|notice) concludes|concludes the matter"
    r"|treat this as our response|(?:this|the) notice is (?:system|auto(?:matically)?) generated"
    # (after dev_30) "This mailbox is not monitored."
    r"|(?:mailbox|inbox|address) is not (?:monitored|checked|read)|unmonitored (?:mailbox|inbox)"
)
# A refusal whose only courtesy is the form letter's thanks, with no reason, warmth or open door,
# is a form rejection however it is dressed (after dev_10): "Dear Kamala, thank you for
# applying. We will not be taking your application further."
_FORM_THANKS = _rule(
    r"thank(?:s| you)(?: very much| so much)? for (?:applying|your application|(?:your|the)"
    r" interest(?: (?:in|shown in) (?:the|this|our) (?:role|position|job|vacancy|company))?"
    r"|your (?:cv|submission))"
)
_FORM_MAX_WORDS = 20
# The old formula for ending someone's work, cold unless the note around it says more.
_DISMISSAL = _rule(
    r"(?:your )?services (?:(?:are|will) )?no longer (?:be )?(?:required|needed)"
    r"|(?:you are|you're) no longer (?:required|needed)(?! to)"
    # (after dev_30) "contract terminated effective today."
    r"|(?:contract|engagement|assignment|placement|employment) (?:is |has been |was )?terminated"
)
# A closing that shuts the conversation: "... you were not chosen. That is all."
_DISMISSIVE_CLOSE = re.compile(
    r"(?:^|[.!?] )(?:that is all|that's all|that's it|that is it|end of (?:story|discussion)"
    r"|nothing (?:more|further|else) to (?:say|add|discuss)|no further comment"
    # (after dev_38) "No further action is required on your part."
    r"|no (?:further )?action (?:is )?(?:required|needed)(?: (?:on your part|from you"
    r"|by you))?"
    # (after dev_39) "This decision is final.", "This communication serves as formal notice.
    # Regards.", "We consider this matter closed."
    r"|(?:this|the|our) decision is final|this (?:communication|letter|email|message|note) serves"
    r" as (?:formal |official )?(?:notice|confirmation)(?:\. (?:regards|kind regards))?|(?:we"
    r" consider )?this matter (?:is )?(?:now )?closed)[.!]*$"
)
# In a note of a few words, a status ("Role paused. Will advise.", "Role's on hold. Bye.") is the
# outcome, not a reason for it: only a cause counts ("Paused: the budget was cut.").
_CAUSE = _rule(
    r"because|due to|owing to|since|given|as a result|budget|funding|freeze|frozen|reorg\w*"
    r"|restructur\w*|needs?|needed|requires?|required"
)
# A few words with no reason and no open door say nothing, whatever they are: "Done, thanks."
# Nor does a few words' open door said to no one with no courtesy: "We'll keep your CV on file."
_TINY_MAX_WORDS = 6
_FEW_WORDS_MAX = 3
_COLD_MAX_WORDS = 15


# --- door_not_open -----------------------------------------------------------------------------

# Phrases that leave the door open. "Thank you again" and "your future endeavours" do not.
_DOOR_OPEN = _rule(
    r"in touch|reach out|reconnect|stay connected|touch base|circle back|contact (?:you|me)",
    r"future(?! endeavou?rs?| career)",  # not "good luck in your future endeavours"
    r"(?<!thanks )(?<!thank you )again",  # not "thank you again for your time"
    r"doors? (?:is |are |remains? |stays? |will stay |will remain )?open|open door",
    r"other (?:roles|openings|positions|teams)|new roles?|upcoming|reopens?|next (?:one|role"
    r"|opening|project)",
    r"keep you in mind|keep your (?:details|cv|application)|on file|revisit|reapply|re apply"
    r"|welcome to apply|apply again|invite you",
    r"hear from you|get back to you|let you know|check in|update you|write (?:to you|again)",
    r"next time|down the (?:line|road)|later this year|next (?:year|quarter|month|week|spring"
    r"|summer|autumn|fall|winter)|in (?:the )?(?:new year|spring|summer|autumn|fall|winter)",
    r"when (?:a|an|the|another|new|it|we|they|that|things) [a-z ]{0,40}?(?:opens?|comes? up"
    r"|becomes? available|back|restart\w*|resume\w*|changes?|closes)",
    r"by (?:the )?(?:end of|monday|tuesday|wednesday|thursday|friday|next|april|may|june|\d+)",
    r"(?:january|february|march|april|june|july|august|september|october|november|december)",
    r"paths cross|work together|talk again|talk then|pick this up|think of you",
)


# --- impersonal --------------------------------------------------------------------------------

# Without a candidate name, a greeting followed by a name counts as personal: "Hi Juan,".
# "Dear candidate", "Hi there" and "To whom it may concern" do not.
_SALUTATION = re.compile(
    r"^(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening)) "
    r"(?!(?:candidate|applicant|sir|madam|all|there|team|everyone|friend|folks|and|hiring)\b)"
    r"[a-z]"
)
_NO_ONE_IN_PARTICULAR = r"candidate|applicant|sir or madam|sir|madam"
_GENERIC_GREETING = re.compile(
    rf"^(?:(?:hi|hello|hey|dear|greetings)(?: (?:{_NO_ONE_IN_PARTICULAR}"
    r"|there|all|everyone|friend))?|to whom it may concern)\b,?"
)
# A letter to a role rather than a person ("Dear Candidate"): its form is colder for longer.
_TO_NO_ONE = re.compile(
    rf"^(?:(?:dear|hi|hello) (?:{_NO_ONE_IN_PARTICULAR})|to whom it may concern)\b"
)


# --- The check ---------------------------------------------------------------------------------


def check_message(
    message: str, *, door_open: bool, candidate_name: str | None = None
) -> list[Finding]:
    """Judge a note message: errors (which refuse the note) first, then warnings, each in the
    order of the codes and, within a code, of the message."""
    norm = _normalise(message)
    text = norm.text
    words = re.findall(r"[a-z0-9']+", text)
    sentences = _sentences(text)
    name = (candidate_name or "").strip()
    first = name.split()[0] if name else ""

    findings, slammed = _sentence_findings(norm, sentences)
    # "Don't apply again" does not open the door: read it only in the other sentences.
    says_door_open = any(
        _DOOR_OPEN.search(text, start, end)
        for start, end in sentences
        if (start, end) not in slammed
    )
    # Curtness is judged on the whole message, whatever else it does: "You flopped. Bye." is
    # both disparaging and curt, and the person gets the right coaching for each.
    curt = _curt(text, words, name, says_door_open)
    if curt is not None:
        findings.insert(
            0,
            Finding("empty_or_curt", "error", curt, None, _curt_suggestion(first, door_open)),
        )

    if len(words) >= respect_model.MIN_WORDS and not any(f.severity == "error" for f in findings):
        tone = _tone(message)
        if tone is not None:
            findings.insert(0, tone)

    if not _REASON.search(text):
        findings.append(
            Finding(
                "no_reason",
                "warning",
                "Give the reason, for example what the role needed or what you decided, so the "
                "person understands the outcome.",
                None,
                "Add the reason, for example: We chose a candidate whose experience with "
                "payments matched this role more closely.",
            )
        )

    impersonal = _impersonal(norm, name)
    if impersonal is not None:
        findings.append(impersonal)

    if door_open and not says_door_open:
        findings.append(
            Finding(
                "door_not_open",
                "warning",
                "The door is open, so say so, for example that you will keep in touch or reach "
                "out when a fitting role opens.",
                None,
                "Add, for example: I'd like to stay in touch and will reach out when a fitting "
                "role opens.",
            )
        )
    return findings


def _tone(message: str) -> Finding | None:
    """The second opinion on a note the rules pass: contempt said some way no rule describes
    (see `respect_model`). It judges the note as a whole, so it names no span."""
    if respect_model.model().probability(message) < respect_model.THRESHOLD:
        return None
    return Finding(
        "disparaging",
        "error",
        "Read as a whole, the note belittles the person or their work, even if no single "
        "phrase says so outright.",
        None,
        "Say plainly what the decision rests on (what the role needs, what the work showed) "
        "without judging the person, and thank them for their time.",
    )


def _curt(text: str, words: list[str], name: str, says_door_open: bool) -> str | None:
    """Why the whole message is empty or curt, or None."""
    if not words:
        return "Write a message that says what you decided and why."
    named = bool(name) and re.search(rf"(?<!\w){re.escape(_normalise(name.split()[0]).text)}", text)
    tiny = len(words) <= _TINY_MAX_WORDS
    addressed = named or _COURTESY.search(text) or _SALUTATION.match(text) or _WARMTH.search(text)
    if tiny and not addressed and (says_door_open or _DISMISSIVE_CLOSE.search(text)):
        # (after dev_23) "Role frozen. Nothing further to add.": a cause, then the door shut.
        return "Write more than a few words: say what you decided, why, and thank the person."
    if (
        len(words) <= _COLD_MAX_WORDS
        and _DISMISSAL.search(text)
        and not (_COURTESY.search(text) or _WARMTH.search(text))
    ):
        # (after dev_27) "Your services are no longer required. Final invoice by Friday."
        return (
            "A dismissal with no thanks and no reason: thank the person for their work, and say "
            "why the engagement ends."
        )
    if says_door_open or (_WELCOME.search(text) and not _OUTCOME.search(text)):
        return None
    substantive = _SUBSTANTIVE_REASON.search(text) is not None
    if tiny and substantive:
        substantive = _CAUSE.search(text) is not None
    warm = _WARMTH.search(text) is not None
    if _DISMISSIVE_CLOSE.search(text) and not substantive and not warm:
        return (
            "The note closes the conversation without a reason: thank the person, say what you "
            "decided and why."
        )
    if (
        # (after dev_32) To "Dear Candidate", a form letter is curt a little longer.
        len(words) <= (_FORM_MAX_WORDS * 3 // 2 if _TO_NO_ONE.match(text) else _FORM_MAX_WORDS)
        and not substantive
        and not warm
        and _OUTCOME.search(text)
        and _FORM_THANKS.search(text)
        and not _COURTESY.search(_FORM_THANKS.sub(" ", text))
    ):
        return (
            "A form rejection whose only courtesy is the form letter's thanks: say why in a "
            "sentence, and thank the person for something of theirs."
        )
    # (An automated note's status, "withdrawn from process", is no reason: only a cause is.)
    if _AUTOMATED.search(text) and not _CAUSE.search(text) and not warm:
        return (
            "An automated form letter gives no reason and no courtesy: thank the person, say "
            "what you decided and why."
        )
    # Two or three words are never a kind note, whatever they name: "Hold cancelled."
    if len(words) <= _FEW_WORDS_MAX:
        return "Write more than a few words: say what you decided, why, and thank the person."
    if len(words) <= _TINY_MAX_WORDS and not substantive:
        return "Write more than a few words: say what you decided, why, and thank the person."
    courteous = (
        warm or _COURTESY.search(text) is not None or bool(named) or bool(_SALUTATION.match(text))
    )
    one_liner = len(words) <= _COLD_MAX_WORDS or len(_sentences(text)) == 1
    if one_liner and not courteous and not substantive:
        return (
            "This one-liner gives no reason and no courtesy: thank the person, say what you "
            "decided and why, and whether the door is open."
        )
    if not _OUTCOME.search(text):
        return None
    if len(words) <= _BARE_MAX_WORDS and not substantive and not warm:
        return (
            "Say more than a bare refusal: thank the person and tell them what you decided and why."
        )
    if len(words) <= _COLD_MAX_WORDS and not courteous:
        return (
            "This one-liner reads as cold: thank the person, give the reason in a sentence, "
            "and say whether the door is open."
        )
    return None


def _curt_suggestion(first: str, door_open: bool) -> str:
    greeting = f"Hi {first}" if first else "Hi <name>"
    door = (
        "I'd like to stay in touch and will reach out when a fitting role opens."
        if door_open
        else "I wish you the best with your search."
    )
    return (
        f"{greeting}, thank you for the time you gave us. We decided not to move forward "
        f"because <the reason, for example what the role needs>. {door}"
    )


_DISPARAGING_DETAIL = (
    'Remove "{quote}": write about the work and what the role needs, never about the person.'
)
_DISPARAGING_SUGGESTION = (
    "Say what the work lacked and why it matters for the role, for example: Your design "
    "answer did not cover failure modes, which this role handles every day."
)
_DOOR_SLAMMED_DETAIL = (
    'Remove "{quote}": whatever you decided, the person may still contact you or apply again.'
)
_DOOR_SLAMMED_SUGGESTION = (
    "Drop the sentence; if the door is closed, say nothing about future roles or write: We "
    "don't have a role that fits right now."
)


def _sentence_findings(
    norm: _Text, sentences: list[tuple[int, int]]
) -> tuple[list[Finding], set[tuple[int, int]]]:
    """At most one finding of each error code per sentence, in code order then message order,
    and the sentences that slam the door. Each code's rules are one pattern, searched sentence
    by sentence up to the first finding, so a long note costs about what its length does."""
    text = norm.text
    findings: list[Finding] = []

    def about_them(match: re.Match[str], start: int, end: int) -> bool:
        return not _OURS_BEFORE.search(text, start, match.start()) and not _NEVER_SEEMED.search(
            text, start, match.start()
        )

    disparaging = _first_match(_DISPARAGING_SCAN, text, sentences, set(), about_them)

    def describes_a_thing(match: re.Match[str], start: int) -> bool:
        word = match.group()
        return (
            not word.endswith("ly")
            and not word.startswith(("a ", "an "))
            and _BEFORE_A_NOUN.match(text, match.end()) is not None
            and not _YOURS_BEFORE.search(text, start, match.start())
            and not _PREDICATE_BEFORE.search(text, start, match.start())
        )

    def contempt_for_the_person(match: re.Match[str], start: int, end: int) -> bool:
        return (
            _ABOUT_THE_PERSON.search(text, start, end) is not None
            and not _NEGATED.search(text, start, match.start())
            and about_them(match, start, end)
            and not describes_a_thing(match, start)
            and not _CLAUSE_BEFORE.search(text, start, match.start() - 1)
            and not _OWN_FAULT_OR_PRAISE.search(text, start, end)
        )

    disparaging |= _first_match(
        _CONTEMPT_WORD, text, sentences, set(disparaging), contempt_for_the_person
    )
    for _index, match in sorted(disparaging.items()):
        findings.append(
            _quoted(norm, "disparaging", match, _DISPARAGING_DETAIL, _DISPARAGING_SUGGESTION)
        )

    def about_the_candidate(match: re.Match[str], start: int, end: int) -> bool:
        return (
            not _COMMUNITY.match(text, match.end(), end)
            and not _THIRD_PARTY.search(text, start, match.start())
            and not _SERVED_BEFORE.search(text, start, match.start())
            and not _SERVED_WITH_BEFORE.search(text, start, match.start())
            and not _SERVED_AFTER.match(text, match.end(), end)
            and not (
                match.group().startswith("aged") and _SERVED_AGED.search(text, start, match.start())
            )
            and not (match.group().startswith("the ") and _SERVED_DID.match(text, match.end()))
            and not (_OTHERS_GROUP.match(match.group()) and _OTHERS_SAID.match(text, match.end()))
            and not (
                match.group() == "carer" and _COLLEAGUE_CARER.search(text, start, match.start())
            )
            and not (
                match.group() == "young person" and _SERVED_ONE.search(text, start, match.start())
            )
            and not (
                _SERVED_GROUP.match(match.group())
                and _WITH_THEM_BEFORE.search(text, start, match.start())
            )
            and not (
                text.endswith("our ", start, match.start())
                and _OUR_UNIT_AFTER.search(text, match.start(), min(match.end() + 12, end))
            )
            and not _FACILITY_BEFORE.search(text, start, match.start())
            and not _A_THING_BEFORE.search(text, start, match.start())
            and not _AIMED_AT_BEFORE.search(text, start, match.start())
            and not _RELATIVES_OWN_AFTER.match(text, match.end(), end)
            and not (
                match.group().endswith("partner")
                and _PARTNER_AT_WORK.search(text, max(start, match.start() - 20), end)
            )
            and not _organisation_age(match, start, end)
        )

    def _organisation_age(match: re.Match[str], start: int, end: int) -> bool:
        """Whether the match is the organisation's own age, or "young" beside it."""
        age = _ORGANISATION_AGE.search(text, start, end)
        return age is not None and (
            match.group().startswith("young") or age.start() <= match.start() < age.end()
        )

    def _weighs_besides(wish: re.Pattern[str], start: int, end: int) -> bool:
        """Whether the sentence weighs something outside its wishes ("doing better" is a wish,
        not a comparison; a hope's clause is all wish)."""
        position = start
        for match in wish.finditer(text, start, end):
            if match.start() < position:
                continue
            if _WEIGHS.search(text, position, match.start()):
                return True
            position = match.end()
            clause = _WISH_CLAUSE.match(text, match.start(), end)
            if clause is not None and not _WISH_REDIRECTS.search(text, match.end(), clause.end()):
                position = max(position, clause.end())
        return _WEIGHS.search(text, position, end) is not None

    # The kind readings (thanks, wishes, congratulations, accommodation) are asked only of the
    # sentences a characteristic was found in: most notes have none, and a long note pays for
    # the few that do, not for four more scans of the whole text.
    def kindly_meant(index: int) -> bool:
        start, end = sentences[index]
        # (the circumstance's own sentence too, after dev_38: "you mentioned using a wheelchair,
        # and while we admire your determination, ... we think you'd find it frustrating")
        if any(_WEIGHED_NEXT.search(text, *sentence) for sentence in sentences[index : index + 3]):
            return False
        if _KIND_MENTION.search(text, start, end):
            return True
        disclaimer = _DISCLAIMED.search(text, start, end)
        if disclaimer is not None:
            # Weighed in the disclaimer's own clause, not in the next one after a semicolon:
            # "nothing to do with where you're from; your WMS experience is what we'd want".
            clause_end = text.find(";", disclaimer.end(), end)
            if not _WEIGHS.search(text, disclaimer.end(), end if clause_end < 0 else clause_end):
                return True
        # Thanks for telling, and a disclaimer in one of the next two sentences: "thank you
        # for the honesty about your burnout. ... this played no part in our decision."
        if _COURTESY.search(text, start, end) and any(
            _DISCLAIMED.search(text, *sentence) for sentence in sentences[index + 1 : index + 3]
        ):
            return True
        if (
            _THEIR_QUESTION.search(text, start, end)
            and index + 1 < len(sentences)
            and _DENIED.match(text, *sentences[index + 1])
        ):
            return True
        weighs = _WEIGHS.search(text, start, end) is not None
        if not weighs and (
            _COURTESY.search(text, start, end) or _ADMIRING.search(text, start, end)
        ):
            return True
        if _WELL_WISHING.search(text, start, end) and not _weighs_besides(
            _WELL_WISHING, start, end
        ):
            return True
        if (
            _THEIR_REQUEST.search(text, start, end)
            and not _ASSUMES.search(text, start, end)
            and (
                not _DECLINES.search(text, start, end) or _WORKING_PATTERN.search(text, start, end)
            )
        ):
            return True
        understood = _UNDERSTANDING.search(text, start, end)
        if (
            understood is not None
            and not _ASSUMES.search(text, start, end)
            and not _WEIGHS.search(_THEIR_NEED.sub(" ", text[understood.end() : end]))
        ):
            return True
        if index + 1 < len(sentences) and not _DECIDES.search(text, start, end):
            following = text[slice(*sentences[index + 1])].lstrip()
            support = _SUPPORTED_NEXT.search(following)
            if support is not None and not _CONTRAST.search(following, support.end()):
                return True
        # News, then congratulations on it in the next sentence.
        return (
            not weighs
            and index + 1 < len(sentences)
            and _CONGRATULATES.search(text, *sentences[index + 1]) is not None
        )

    protected = _first_match(_PROTECTED_SCAN, text, sentences, set(), about_the_candidate)
    for index, match in protected.items():
        if kindly_meant(index):
            continue
        trait, suggestion = next(
            (trait, suggestion)
            for trait, suggestion, rule in _PROTECTED
            if rule.match(text, match.start())
        )
        detail = (
            f'Remove "{{quote}}": {trait} is never a reason to turn someone down, however '
            "politely it is put."
        )
        findings.append(_quoted(norm, "discriminatory", match, detail, suggestion))

    def excused(index: int, match: re.Match[str]) -> bool:
        start, end = sentences[index]
        kind = _DOOR_SLAM_EXCUSED.search(text, start, end)
        # (after dev_35) Not kind words taken back before the slam: "Feel free to keep following
        # us on social, but please don't reapply".
        if kind is not None and not (
            kind.end() <= match.start() and _BUT.search(text, kind.end(), match.start())
        ):
            return True
        # "You don't need to reapply: we keep it on file."
        if not _NO_NEED.search(text, start, end):
            return False
        # Kept in mind outside the words that slam: "no need to get in touch again" is no promise.
        return (
            _KEEPS_IN_MIND.search(text, 0, match.start()) is not None
            or _KEEPS_IN_MIND.search(text, match.end()) is not None
        )

    slammed: set[tuple[int, int]] = set()
    for index, match in _first_match(_DOOR_SLAMMED_SCAN, text, sentences, set()).items():
        if excused(index, match):
            continue
        slammed.add(sentences[index])
        findings.append(
            _quoted(norm, "door_slammed", match, _DOOR_SLAMMED_DETAIL, _DOOR_SLAMMED_SUGGESTION)
        )
    return findings, slammed


def _first_match(
    scan: re.Pattern[str],
    text: str,
    sentences: list[tuple[int, int]],
    skip: set[int],
    accept: Callable[[re.Match[str], int, int], bool] = lambda match, start, end: True,
) -> dict[int, re.Match[str]]:
    """For each sentence not in `skip`, by its index, the first match in it that `accept`s
    (given the sentence's bounds), in sentence order. A match refused gives way to any match
    starting after its start, even one inside it."""
    found: dict[int, re.Match[str]] = {}
    for index, (start, end) in enumerate(sentences):
        if index in skip:
            continue
        position = start
        while (match := scan.search(text, position, end)) is not None:
            if accept(match, start, end):
                found[index] = match
                break
            position = match.start() + 1
    return found


_BUT = re.compile(r"\b(?:but|however|though)\b")
# What makes "you don't need to reapply" kind: the message keeps the person in mind.
_NO_NEED = _rule(r"no need|don't need|do not need|needn't|(?:don't|do not) have to")
_KEEPS_IN_MIND = _rule(
    r"on file|keep you in mind|keep your (?:details|cv|application)|reach out|contact you"
    # (after dev_25) "I'll email you in April to book your onboarding".
    r"|(?:email|call|ring|write to|phone) you (?:in|by|on|next|when|after|before|once)"
    # (after dev_30) "I've transferred your application to the Bristol role".
    r"|(?:transferred|moved|forwarded|passed|carried over|copied) your (?:application|cv"
    r"|details|profile)"
    r"|(?<!need to stay )(?<!need to keep )(?<!need to get )(?<!need to be )in touch|let you know|get back to you|invite you"
)


def _quoted(norm: _Text, code: str, match: re.Match[str], detail: str, suggestion: str) -> Finding:
    start, end = norm.span(match.start(), match.end())
    quote = norm.original[start:end]
    return Finding(code, "error", detail.format(quote=quote), (start, end), suggestion)


def _impersonal(norm: _Text, name: str) -> Finding | None:
    """The coaching finding when the message does not address the person, else None."""
    text = norm.text
    if not name:
        if _SALUTATION.match(text):
            return None
        first = "Juan"
        detail = 'Address the person by name, for example "Hi Juan," rather than "Dear candidate".'
    else:
        first = name.split()[0]
        for candidate in (first, name):
            if re.search(rf"(?<!\w){re.escape(_normalise(candidate).text)}(?!\w)", text):
                return None
        detail = f'Address {first} by name, for example "Hi {first},".'
    greeting = _GENERIC_GREETING.match(text)
    span = norm.span(0, greeting.end()) if greeting and greeting.end() > 0 else None
    suggestion = f"Start with the person's name, for example: Hi {first},"
    return Finding("impersonal", "warning", detail, span, suggestion)
