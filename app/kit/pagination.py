"""One keyset paginator and one `Page[T]` for every list.

A cursor is the sort key of the last row served, so inserting rows never shifts a page the way
an offset would. Sort keys are ascending; a key may put nulls last (an option's `rank`).
"""

import base64
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Annotated, Any, Generic, TypeVar

import orjson
from fastapi import Query, Request
from pydantic import BaseModel, Field, StringConstraints
from sqlalchemy import BigInteger, ColumnElement, Select, and_, bindparam, false, or_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.elements import KeyedColumnElement
from sqlalchemy.sql.selectable import NamedFromClause
from starlette.responses import Response

from app.db import built_once, is_built_once, read_rows
from app.kit.errors import Problem
from app.kit.responses import document_response, json_response
from app.kit.schemas import Instant

T = TypeVar("T")

Limit = Annotated[int, Query(ge=1, le=200, description="Page size, 1–200.")]
# Opaque to clients: URL-safe base64 without padding, as `next_cursor` hands it out.
CursorToken = Annotated[
    str, StringConstraints(min_length=1, max_length=512, pattern=r"^[A-Za-z0-9_-]+$")
]
Cursor = Annotated[
    CursorToken | None,
    Query(description="`next_cursor` of the previous page, as it was given (opaque)."),
]


class InvalidCursor(Problem):
    status, code = 422, "invalid_cursor"


CURSOR_DETAIL = "The cursor is not one this API issued for this list."


class Page(BaseModel, Generic[T]):
    data: list[T]
    next_cursor: CursorToken | None = Field(
        description="Pass as `cursor` for the next page (opaque); null on the last page."
    )


@dataclass(frozen=True)
class SortKey:
    # A model's column, or a column of a named subquery (a list computed in SQL).
    column: InstrumentedAttribute[Any] | KeyedColumnElement[Any]
    nulls_last: bool = False


def _name(column: InstrumentedAttribute[Any] | KeyedColumnElement[Any]) -> str:
    if isinstance(column, InstrumentedAttribute):
        return f"{column.class_.__tablename__}.{column.key}"
    table = getattr(column, "table", None)
    assert isinstance(table, NamedFromClause), "a sort key's subquery needs a name"
    return f"{table.name}.{column.key}"


def _list_of(keys: Sequence[SortKey]) -> str:
    return ",".join(_name(k.column) for k in keys)


def encode_cursor(list_name: str, values: Sequence[Any]) -> str:
    """A cursor for `list_name` after `values`. Naming the list lets another list refuse it."""
    raw = orjson.dumps(
        [list_name, *(v.isoformat() if isinstance(v, date) else v for v in values)],
        default=str,
    )
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, list_name: str, size: int | None = None) -> list[Any]:
    """The raw values (`size` of them, if given) of a cursor of `list_name`; 422 otherwise."""
    try:
        decoded = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, orjson.JSONDecodeError) as exc:
        raise InvalidCursor(CURSOR_DETAIL) from exc
    if (
        not isinstance(decoded, list)
        or not decoded
        or decoded[0] != list_name
        or (size is not None and len(decoded) != size + 1)
    ):
        raise InvalidCursor(CURSOR_DETAIL)
    return decoded[1:]


def _decode(cursor: str, keys: Sequence[SortKey]) -> list[Any]:
    values = decode_cursor(cursor, _list_of(keys), len(keys))
    try:
        return [_parse(value, key) for value, key in zip(values, keys, strict=True)]
    except (ValueError, TypeError, OverflowError) as exc:
        raise InvalidCursor(CURSOR_DETAIL) from exc


def _parse(value: Any, key: SortKey) -> Any:
    if value is None:
        if key.nulls_last:
            return None
        raise ValueError("null in a key that has none")
    python_type = key.column.type.python_type
    bits = 64 if isinstance(key.column.type, BigInteger) else 32
    if python_type is int and type(value) is int and -(2 ** (bits - 1)) <= value < 2 ** (bits - 1):
        return value
    if not isinstance(value, str):
        raise ValueError(f"unexpected {type(value).__name__}")
    if python_type is datetime:
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError("naive datetime")
        return parsed.astimezone(UTC)
    if python_type is date:
        return date.fromisoformat(value)
    if python_type is uuid.UUID:
        return uuid.UUID(value)
    if python_type is str:
        return value
    raise ValueError(f"unexpected {type(value).__name__}")


def _after(keys: Sequence[SortKey], values: Sequence[Any]) -> ColumnElement[bool]:
    """Rows strictly after `values` in the order of `keys` (nulls last where asked)."""
    clauses = []
    for i, (key, value) in enumerate(zip(keys, values, strict=True)):
        equal = [
            k.column.is_(None) if v is None else k.column == v
            for k, v in zip(keys[:i], values[:i], strict=True)
        ]
        if value is None:
            continue  # nothing sorts after null in a nulls-last key, except via later keys
        greater = key.column > value
        if key.nulls_last:
            greater = or_(greater, key.column.is_(None))
        clauses.append(and_(*equal, greater))
    return or_(false(), *clauses)


def sort_order(keys: Sequence[SortKey]) -> list[Any]:
    """ORDER BY clauses for `keys` (for a statement that lists without paginating)."""
    return [k.column.asc().nulls_last() if k.nulls_last else k.column.asc() for k in keys]


@lru_cache(maxsize=256)
def _first_page(statement: Select[Any], keys: tuple[SortKey, ...]) -> Select[Any]:
    first = statement.order_by(*sort_order(keys)).limit(bindparam("page_size"))
    # The first page of a statement built once is built once too.
    return built_once(first) if is_built_once(statement) else first


async def paginate(
    session: AsyncSession,
    statement: Select[Any],
    *,
    keys: Sequence[SortKey],
    limit: int,
    cursor: str | None,
    entities: bool = True,
    parameters: dict[str, Any] | None = None,
) -> tuple[list[Any], str | None]:
    """Run `statement` (with its bound `parameters`) for one page; returns the rows and the
    cursor of the next page.

    With `entities`, the rows are the ORM objects `statement` selects; otherwise they are its
    rows (read without the ORM), whose columns must include the sort keys under their own names.
    A statement built once (with bound parameters) keeps one compiled form for its first
    pages, instead of having its cache key worked out again on every request.
    """
    parameters = {**(parameters or {}), "page_size": limit + 1}
    if cursor is None:
        statement = _first_page(statement, tuple(keys))
    else:
        statement = statement.where(_after(keys, _decode(cursor, keys)))
        statement = statement.order_by(*sort_order(keys)).limit(bindparam("page_size"))
    if entities:
        rows = list((await session.execute(statement, parameters)).scalars().unique())
    else:
        rows = list(await read_rows(session, statement, parameters))
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    last = rows[-1]
    return rows, encode_cursor(_list_of(keys), [getattr(last, k.column.key) for k in keys])


def page_response(
    request: Request,
    rows: Sequence[Any],
    next_cursor: str | None,
    out: Callable[[Any], BaseModel],
) -> Response:
    """A page of `rows`, each turned into its output schema by `out`, with `Link: rel=next`."""
    page = Page[Any](data=[out(row) for row in rows], next_cursor=next_cursor)
    return json_response(page, headers=_link(request, next_cursor))


def page_document_response(
    request: Request, documents: list[Any], next_cursor: str | None
) -> Response:
    """`page_response` for documents already in their output shape (a hot path)."""
    return document_response(
        {"data": documents, "next_cursor": next_cursor}, headers=_link(request, next_cursor)
    )


def _link(request: Request, next_cursor: str | None) -> dict[str, str]:
    if next_cursor is None:
        return {}
    # Relative, or on the configured public base URL: never built from the `Host` header.
    url = request.url.include_query_params(cursor=next_cursor)
    base = request.app.state.settings.public_base_url
    origin = str(base).rstrip("/") if base is not None else ""
    return {"Link": f'<{origin}{url.path}?{url.query}>; rel="next"'}


UpdatedAfter = Annotated[
    Instant | None,
    Query(description="Only resources changed after this instant (RFC 3339, with offset)."),
]
