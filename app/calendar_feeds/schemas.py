from datetime import datetime
from typing import Annotated

from pydantic import ConfigDict, Field, StringConstraints

from app.kit.schemas import NO_NUL, RequestBody, ResourceOut

FeedName = Annotated[str, StringConstraints(min_length=1, max_length=100, pattern=NO_NUL)]
# `cal_` and 43 URL-safe base64 characters (256 random bits).
TOKEN_PATTERN = r"^cal_[A-Za-z0-9_-]{43}$"


class CalendarFeedCreate(RequestBody):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"name": "Dana's calendar"}]}
    )

    name: FeedName = Field(description="Whose calendar it is, to tell feeds apart.")


class CalendarFeedOut(ResourceOut):
    name: str
    revoked_at: datetime | None = Field(description="Set once revoked; the URL then answers 404.")


class CalendarFeedCreated(CalendarFeedOut):
    url: str | None = Field(
        description="The feed's secret address (relative to this API) for a calendar app to "
        "subscribe to; anyone with it can read the follow-ups, so share it like a password. "
        "Shown only in this response; null in an `Idempotency-Key` replay (it is never "
        "stored): revoke that feed and create another if the first response was lost.",
        examples=["/v1/calendar-feeds/cal_3q2-7cJx0bUj6xk0d1f3V8t9Lh4mQ2wZ1aB5cD6eF7g.ics"],
    )
