"""The option as the API shows it: read in one statement, serialized once.

The statement brings the candidate's summary, the external refs (as one JSON array) and the
interim evidence (count, rating total and latest verdict, aggregated in SQL) with each option
row, so a GET is one round trip whatever the number of check-ins, and the row is turned into
the `OptionOut` document directly, without building ORM objects or validating them again.
"""

from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import JSON, Select, bindparam, func, literal_column, select, type_coerce

from app.db import built_once
from app.kit.auth import with_key
from app.kit.pagination import SortKey, sort_order
from app.models import Candidate, CheckIn, ExternalRef, InterimEngagement, Option
from app.options.schemas import average_rating
from app.options.state_machine import allowed_actions

# A requisition's options by rank, unranked last; the id keeps the order total.
ORDER = (SortKey(Option.rank, nulls_last=True), SortKey(Option.id))

OPTION_COLUMNS = (
    Option.id,
    Option.created_at,
    Option.updated_at,
    Option.version,
    Option.requisition_id,
    Option.candidate_id,
    Option.status,
    Option.rank,
    Option.fit_summary,
    Option.at_risk,
    Option.status_reason,
    Option.status_changed_at,
    Option.revisit_on,
    Option.start_date,
)


def _refs(dialect: str) -> Any:
    """The option's external refs as a JSON array of `[system, external_id]`, in order."""
    ordered = (
        select(ExternalRef.system, ExternalRef.external_id)
        .where(ExternalRef.resource_type == "option", ExternalRef.resource_id == Option.id)
        .order_by(ExternalRef.system, ExternalRef.external_id)
        .correlate(Option)
        .subquery()
    )
    aggregate: Any
    if dialect == "postgresql":
        pairs = func.json_agg(func.json_build_array(ordered.c.system, ordered.c.external_id))
        aggregate = func.coalesce(pairs, literal_column("'[]'::json"))
    else:
        aggregate = func.json_group_array(func.json_array(ordered.c.system, ordered.c.external_id))
    return type_coerce(select(aggregate).scalar_subquery(), JSON).label("external_refs")


def interim_checkins() -> Select[Any]:
    """Check-ins of the option's candidate's interim engagements on the option's requisition."""
    return (
        select()
        .select_from(CheckIn)
        .join(InterimEngagement, CheckIn.engagement_id == InterimEngagement.id)
        .where(
            InterimEngagement.requisition_id == Option.requisition_id,
            InterimEngagement.candidate_id == Option.candidate_id,
        )
        .correlate(Option)
    )


@cache
def extras(dialect: str) -> tuple[Any, ...]:
    """Columns to add to a select of options: refs and interim evidence."""
    checkins = interim_checkins()
    return (
        _refs(dialect),
        checkins.add_columns(func.count()).scalar_subquery().label("checkins"),
        checkins.add_columns(func.sum(CheckIn.rating)).scalar_subquery().label("rating_total"),
        checkins.add_columns(CheckIn.verdict)
        .order_by(CheckIn.occurred_on.desc(), CheckIn.created_at.desc())
        .limit(1)
        .scalar_subquery()
        .label("latest_verdict"),
    )


@cache
def _view(dialect: str) -> Select[Any]:
    columns: list[Any] = [
        *OPTION_COLUMNS,
        Candidate.kind.label("candidate_kind"),
        Candidate.name.label("candidate_name"),
        *extras(dialect),
    ]
    return select(*columns).join(Candidate, Candidate.id == Option.candidate_id)


@cache
def option_by_id(dialect: str) -> Select[Any]:
    """One option of one organization (parameters `option_id`, `organization_id`). Built
    once: a statement object that never changes keeps its compiled form and cache key."""
    return built_once(
        _view(dialect).where(
            Option.id == bindparam("option_id"),
            Option.organization_id == bindparam("organization_id"),
        )
    )


@cache
def option_by_id_with_key(dialect: str) -> Select[Any]:
    """One option, read with the API key (parameters `option_id`, `key_hash`; `with_key`)."""
    return built_once(
        with_key(
            _view(dialect)
            .add_columns(Option.organization_id)
            .where(Option.id == bindparam("option_id"))
        )
    )


@cache
def options_of_requisition(dialect: str, *, by_status: bool, by_update: bool) -> Select[Any]:
    """A requisition's options (parameters `requisition_id`, `organization_id`, and `status`
    or `updated_after` when filtered by them), one statement a combination of filters."""
    statement = _view(dialect).where(
        Option.requisition_id == bindparam("requisition_id"),
        Option.organization_id == bindparam("organization_id"),
    )
    if by_status:
        statement = statement.where(Option.status == bindparam("status"))
    if by_update:
        statement = statement.where(Option.updated_at > bindparam("updated_after"))
    return built_once(statement)


def options_in_statuses(dialect: str, *more: Any) -> Select[Any]:
    """The options of some requisitions in some statuses, best-ranked first (parameters
    `organization_id`, `requisition_ids` and `statuses`, lists), with `more` columns: the
    bench and its recommendations."""
    return (
        _view(dialect)
        .add_columns(*more)
        .where(
            Option.organization_id == bindparam("organization_id"),
            Option.requisition_id.in_(bindparam("requisition_ids", expanding=True)),
            Option.status.in_(bindparam("statuses", expanding=True)),
        )
        .order_by(Option.requisition_id, *sort_order(ORDER))
    )


@dataclass(frozen=True, slots=True)
class Extras:
    """What an option's document shows beyond its own row and its candidate."""

    external_refs: list[Any]
    checkins: int
    rating_total: int | None
    latest_verdict: str | None

    @classmethod
    def of(cls, row: Any) -> "Extras":
        return cls(row.external_refs, row.checkins, row.rating_total, row.latest_verdict)


def document(
    option: Any, candidate_kind: str, candidate_name: str | None, more: Extras
) -> dict[str, Any]:
    """The `OptionOut` document of `option` (a view row or an `Option`)."""
    n = more.checkins
    return {
        "id": option.id,
        "created_at": option.created_at,
        "updated_at": option.updated_at,
        "version": option.version,
        "requisition_id": option.requisition_id,
        "candidate_id": option.candidate_id,
        "candidate": {"id": option.candidate_id, "kind": candidate_kind, "name": candidate_name},
        "status": option.status,
        "rank": option.rank,
        "fit_summary": option.fit_summary,
        "at_risk": option.at_risk,
        "status_reason": option.status_reason,
        "status_changed_at": option.status_changed_at,
        "revisit_on": option.revisit_on,
        "start_date": option.start_date,
        "external_refs": [
            {"system": system, "external_id": external_id}
            for system, external_id in more.external_refs
        ],
        "interim_evidence": {
            "checkins": n,
            "average_rating": average_rating(more.rating_total, n),
            "latest_verdict": more.latest_verdict,
        },
        "allowed_actions": allowed_actions(option.status),
    }


def row_document(row: Any) -> dict[str, Any]:
    return document(row, row.candidate_kind, row.candidate_name, Extras.of(row))
