"""Day arithmetic in SQL that reads the same on SQLite and PostgreSQL.

SQLite stores instants as UTC text and has no date type; PostgreSQL has both. These compile to
each one's spelling, so a query that compares days (follow-ups, check-in cadences) is written
once.
"""

from datetime import date
from typing import Any

from sqlalchemy import Date, Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class day_of(FunctionElement[date]):
    """The UTC day of an instant."""

    type = Date()
    inherit_cache = True


class add_days(FunctionElement[date]):
    """A day plus a whole number of days."""

    type = Date()
    inherit_cache = True


class json_int_at(FunctionElement[int]):
    """The integer at a (0-based) position of a JSON array column; null past its end."""

    type = Integer()
    inherit_cache = True


def _args(element: FunctionElement[Any], compiler: SQLCompiler, **kw: Any) -> list[str]:
    return [compiler.process(arg, **kw) for arg in element.clauses]


@compiles(day_of, "sqlite")
def _day_of_sqlite(element: day_of, compiler: SQLCompiler, **kw: Any) -> str:
    return "date({})".format(*_args(element, compiler, **kw))


@compiles(day_of, "postgresql")
def _day_of_postgresql(element: day_of, compiler: SQLCompiler, **kw: Any) -> str:
    return "CAST(timezone('UTC', {}) AS DATE)".format(*_args(element, compiler, **kw))


@compiles(add_days, "sqlite")
def _add_days_sqlite(element: add_days, compiler: SQLCompiler, **kw: Any) -> str:
    return "date({}, '+' || ({}) || ' days')".format(*_args(element, compiler, **kw))


@compiles(add_days, "postgresql")
def _add_days_postgresql(element: add_days, compiler: SQLCompiler, **kw: Any) -> str:
    return "(CAST({} AS DATE) + CAST({} AS INTEGER))".format(*_args(element, compiler, **kw))


@compiles(json_int_at, "sqlite")
def _json_int_at_sqlite(element: json_int_at, compiler: SQLCompiler, **kw: Any) -> str:
    return "json_extract({}, '$[' || ({}) || ']')".format(*_args(element, compiler, **kw))


@compiles(json_int_at, "postgresql")
def _json_int_at_postgresql(element: json_int_at, compiler: SQLCompiler, **kw: Any) -> str:
    return "CAST(({} ->> CAST({} AS INTEGER)) AS INTEGER)".format(*_args(element, compiler, **kw))
