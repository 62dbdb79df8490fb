"""What an ATS delivery is made of, once its signature checked out."""

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints

from app.kit.schemas import NO_NUL


def _number_as_text(value: object) -> object:
    # ATS ids are numbers (Greenhouse) or strings (Lever); ours are text either way.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


AtsId = Annotated[
    str,
    BeforeValidator(_number_as_text),
    StringConstraints(min_length=1, max_length=255, pattern=NO_NUL),
]
AtsText = Annotated[str, StringConstraints(max_length=300, pattern=NO_NUL)]


class Payload(BaseModel):
    """Part of an ATS payload: fields this mapping does not use are ignored, not refused
    (ATS payloads carry many more)."""

    model_config = ConfigDict(extra="ignore")


class Envelope(Payload):
    """A delivery: what happened (`action`, in the ATS's words) and the data about it."""

    action: Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=NO_NUL)]
    payload: dict[str, Any] = {}
