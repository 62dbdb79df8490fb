"""Base schemas and the constrained types every request body and query uses."""

import re
import uuid
from datetime import UTC, date, datetime
from typing import Annotated, Any, ClassVar, Self, TypeVar

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    Strict,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

# PostgreSQL cannot store NUL in text, and no client means to send one.
NO_NUL = r"^[^\x00]*$"
# Controls and white space, spelled out: `\s` differs between the regex engines that read a
# pattern (ECMAScript's in clients and validators, Rust's in Pydantic, Python's), so a value
# one calls valid another would refuse (U+0085 is white space to Rust and Python, not to JS).
BLANK = r"\x00-\x20\x7f-\x9f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"

Name = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=NO_NUL)]
ShortText = Annotated[str, StringConstraints(max_length=300, pattern=NO_NUL)]
LongText = Annotated[str, StringConstraints(max_length=10_000, pattern=NO_NUL)]
Tag = Annotated[str, StringConstraints(min_length=1, max_length=50, pattern=NO_NUL)]
SystemName = Annotated[
    str,
    StringConstraints(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9_.-]*$"),
    Field(examples=["greenhouse"]),
]
ExternalId = Annotated[
    str,
    StringConstraints(min_length=1, max_length=255, pattern=NO_NUL),
    Field(examples=["69306314"]),
]


def _utf8(value: object) -> object:
    # Starlette decodes header bytes as Latin-1; clients send text as UTF-8 (RFC 9110 leaves
    # the charset open), so "José" would read as "JosÃ©". Bytes that are not UTF-8 are 422.
    if not isinstance(value, str):
        return value
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError as exc:
        raise ValueError("the header value is not UTF-8") from exc


# A name sent in a header (`On-Behalf-Of`): decoded as UTF-8 before its limits are checked,
# so 200 means characters, as for names in bodies.
HeaderName = Annotated[
    str, StringConstraints(max_length=200, pattern=NO_NUL), BeforeValidator(_utf8)
]
# Dates and instants are strings in the API. Pydantic would also read a number as seconds since
# 1970 (`0`, `86400`), which only ever hides a client's bug, so anything but text is refused.
# Years outside 1900–2200 are typos for the hiring decisions recorded here (a touchpoint in
# year 1), and the pattern says so in the document.
FIRST_YEAR, LAST_YEAR = 1900, 2200
D = TypeVar("D", bound=date)
YEAR_PATTERN = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)-"
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_INSTANT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
)


def _text(pattern: re.Pattern[str], kind: type, form: str) -> Any:
    def check(value: object) -> object:
        if type(value) is kind:  # from Python callers (services, the demo)
            return value
        if isinstance(value, str) and pattern.fullmatch(value):
            return value
        raise ValueError(f"expected {form}")

    return BeforeValidator(check)


def _in_range(value: D) -> D:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"the year must be between {FIRST_YEAR} and {LAST_YEAR}")
    return value


def _in_utc(value: datetime) -> datetime:
    # The year is checked first, so the conversion cannot overflow (0001-01-01T00:00:00+01:00).
    return _in_range(value).astimezone(UTC)


def _string_schema(format: str, description: str) -> WithJsonSchema:
    return WithJsonSchema(
        {"type": "string", "format": format, "pattern": YEAR_PATTERN, "description": description}
    )


# A calendar date, `YYYY-MM-DD`.
Day = Annotated[
    date,
    _text(_DATE, date, "a date as YYYY-MM-DD"),
    AfterValidator(_in_range),
    _string_schema("date", f"`YYYY-MM-DD`, years {FIRST_YEAR}–{LAST_YEAR}."),
]
# An instant with its offset (RFC 3339), held in UTC (every timestamp column is UTC).
Instant = Annotated[
    AwareDatetime,
    _text(_INSTANT, datetime, "an RFC 3339 date-time with an offset"),
    AfterValidator(_in_utc),
    _string_schema("date-time", f"RFC 3339 with an offset, years {FIRST_YEAR}–{LAST_YEAR}."),
]
# `true` or `false`; never `0`, `1` or `"yes"` (a consent must be given, not inferred).
Boolean = Annotated[bool, Strict()]


def _a_number(value: object) -> object:
    # JSON Schema's integer is a number with no fraction (`3` or `3.0`): pydantic's int takes
    # those, and refuses `3.5`, but would also take `true` as 1 and `"3"` as 3.
    if isinstance(value, bool | str):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


# An int field's last metadata (`Annotated[int, Field(ge=1), JSON_INTEGER]`): a JSON integer,
# never `true` or `"3"`. (Placed before the field's constraints, it hides them from the
# schema.)
JSON_INTEGER = BeforeValidator(_a_number)


class RequestBody(BaseModel):
    """Request bodies reject unknown and read-only fields instead of ignoring them."""

    model_config = ConfigDict(extra="forbid")


class ResourceOut(BaseModel):
    """Fields every resource carries."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    created_at: datetime
    updated_at: datetime
    version: int = Field(description="+1 on every change; the `ETag` of the resource.")


class ExternalRef(RequestBody):
    """An id of this resource in another system, unique per organization and resource type."""

    model_config = ConfigDict(extra="forbid", from_attributes=True)

    system: SystemName
    external_id: ExternalId


MAX_EXTERNAL_REFS = 20
ExternalRefs = Annotated[list[ExternalRef], Field(max_length=MAX_EXTERNAL_REFS)]


class PatchBody(RequestBody):
    """A partial update: only the fields sent change; `null` clears a field that may be empty."""

    not_null: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # The document says what `_reject_null` enforces: these fields may be left out, not
        # sent as null.
        schema = handler.resolve_ref_schema(handler(core_schema))
        for name in cls.not_null:
            field = schema["properties"][name]
            choices = [s for s in field.pop("anyOf") if s != {"type": "null"}]
            field.update(choices[0])
            field.pop("default")
        return schema

    @model_validator(mode="after")
    def _reject_null(self) -> Self:
        sent = self.model_fields_set & self.not_null
        cleared = sorted(name for name in sent if getattr(self, name) is None)
        if cleared:
            raise ValueError(f"{', '.join(cleared)} cannot be null")
        return self

    def apply_to(self, target: object, *, skip: frozenset[str] = frozenset()) -> list[str]:
        """Set the sent fields on `target`; returns the names of those whose value changed."""
        changed = []
        for name in sorted(self.model_fields_set - skip):
            value = getattr(self, name)
            if getattr(target, name) != value:
                setattr(target, name, value)
                changed.append(name)
        return changed
