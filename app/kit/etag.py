"""`ETag` from a resource's version; `If-Match` guards changes against lost updates."""

from typing import Annotated

from fastapi import Header

from app.kit.errors import PreconditionFailed

# RFC 9110: `*` or a comma-separated list of entity tags; anything else is malformed (422).
IF_MATCH_PATTERN = r'^(\*|(W/)?"[^"]*"( *, *(W/)?"[^"]*")*)$'
IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        max_length=200,
        pattern=IF_MATCH_PATTERN,
        description='The `ETag` you last read, e.g. `"3"` (or `*`); the change is refused '
        "with 412 if it is stale.",
    ),
]


IfNoneMatch = Annotated[
    str | None,
    Header(
        alias="If-None-Match",
        max_length=200,
        description="The `ETag` you last read; 304 Not Modified, with no body, if it still is.",
    ),
]


def etag(version: int) -> str:
    return f'"{version}"'


def check_if_match(if_match: str | None, version: int) -> None:
    if if_match is None:
        return
    # If-Match compares strongly (RFC 9110 §13.1.1): a weak tag never matches.
    tags = {tag.strip() for tag in if_match.split(",")}
    if "*" not in tags and etag(version) not in tags:
        raise PreconditionFailed(
            f"If-Match {if_match} does not match the current ETag {etag(version)}.",
            current_etag=etag(version),
        )
