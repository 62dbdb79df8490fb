"""The decision story, told through the client openapi-python-client generates from the
document: select, check-ins to at risk, reactivate with `replaces`, a respectful decline.

Not a test module: tests/contract/test_generated_client.py type-checks it with the generated
package (`mypy --strict`) and runs it against a real server: `python client_story.py URL KEY`.
"""

import sys
from http import HTTPStatus
from typing import TypeVar

from shortlist_client import AuthenticatedClient
from shortlist_client.api.candidates import create_candidate
from shortlist_client.api.check_ins import create_option_check_in
from shortlist_client.api.decision_support import get_bench
from shortlist_client.api.options import (
    create_option,
    decline_option,
    get_option,
    keep_option_warm,
    reactivate_option,
    select_option,
)
from shortlist_client.api.requisitions import create_requisition
from shortlist_client.models import (
    BenchFlag,
    CandidateCreate,
    CandidateKind,
    CheckInCreate,
    DeclineBody,
    KeepWarmBody,
    NoteBody,
    OptionCreate,
    OptionOut,
    OptionStatus,
    ProblemBody,
    ReactivateBody,
    ReasonCode,
    RequisitionCreate,
    SelectBody,
    Severity,
    Verdict,
)
from shortlist_client.types import Response

T = TypeVar("T")


def ok(response: Response[T | ProblemBody], status: HTTPStatus = HTTPStatus.OK) -> T:
    assert response.status_code == status, response.content
    assert response.parsed is not None and not isinstance(response.parsed, ProblemBody)
    return response.parsed


def problem(response: Response[T | ProblemBody], status: HTTPStatus, code: str) -> ProblemBody:
    assert response.status_code == status, response.content
    assert isinstance(response.parsed, ProblemBody), response.content
    assert response.parsed.code == code, response.parsed
    return response.parsed


def main(url: str, key: str) -> None:
    client = AuthenticatedClient(base_url=url, token=key, raise_on_unexpected_status=True)
    role = ok(
        create_requisition.sync_detailed(
            client=client, body=RequisitionCreate(title="Platform engineer")
        ),
        HTTPStatus.CREATED,
    )

    def option(name: str, kind: CandidateKind, rank: int) -> OptionOut:
        candidate = ok(
            create_candidate.sync_detailed(
                client=client, body=CandidateCreate(name=name, kind=kind)
            ),
            HTTPStatus.CREATED,
        )
        body = OptionCreate(candidate_id=candidate.id, rank=rank)
        created = create_option.sync_detailed(role.id, client=client, body=body)
        assert created.headers["location"] == f"/v1/options/{ok(created, HTTPStatus.CREATED).id}"
        return ok(created, HTTPStatus.CREATED)

    agency = option("Northwind Engineering", CandidateKind.AGENCY, 1)
    juan = option("Juan Pérez", CandidateKind.PERSON, 2)
    ana = option("Ana Silva", CandidateKind.PERSON, 3)

    # The agency is chosen; Juan is kept warm as runner-up.
    selected = select_option.sync_detailed(
        agency.id, client=client, body=SelectBody(reason="Can cover the whole scope.")
    )
    assert ok(selected).status == OptionStatus.SELECTED
    assert selected.headers["etag"] == f'"{ok(selected).version}"'
    body = KeepWarmBody(reason="Strong second; he knows our stack.")
    assert ok(keep_option_warm.sync_detailed(juan.id, client=client, body=body)).status == (
        OptionStatus.RUNNER_UP
    )

    # Check-ins, reviewed by Juan, show the agency failing: it is at risk.
    for verdict, rating in ((Verdict.BELOW, 2), (Verdict.FAILING, 1)):
        checkin = CheckInCreate(
            verdict=verdict,
            rating=rating,
            reviewer_name="Juan Pérez",
            reviewer_candidate_id=juan.candidate_id,
        )
        ok(
            create_option_check_in.sync_detailed(agency.id, client=client, body=checkin),
            HTTPStatus.CREATED,
        )
    assert ok(get_option.sync_detailed(agency.id, client=client)).at_risk is True
    bench = ok(get_bench.sync_detailed(role.id, client=client))
    assert BenchFlag.FIRST_CHOICE_AT_RISK in bench.flags

    # Juan replaces the agency in one step.
    reason = "The agency is failing its check-ins; Juan reviewed their work."
    reactivated = reactivate_option.sync_detailed(
        juan.id, client=client, body=ReactivateBody(reason=reason, replaces=agency.id)
    )
    assert ok(reactivated).status == OptionStatus.SELECTED
    released = ok(get_option.sync_detailed(agency.id, client=client))
    assert released.status == OptionStatus.RELEASED

    # Ana is declined: a curt note is refused with its findings, a respectful one is sent.
    curt = NoteBody(reason_code=ReasonCode.CHOSE_ANOTHER_CANDIDATE, message="No.")
    refused = problem(
        decline_option.sync_detailed(ana.id, client=client, body=DeclineBody(note=curt)),
        HTTPStatus.UNPROCESSABLE_ENTITY,
        "note_not_respectful",
    )
    assert refused.findings and any(f.severity == Severity.ERROR for f in refused.findings)
    respectful = NoteBody(
        reason_code=ReasonCode.CHOSE_ANOTHER_CANDIDATE,
        message=(
            "Hi Ana, thank you for the time you gave us. We chose another candidate because "
            "their experience matched this role more closely. I'd like to stay in touch and "
            "will reach out when a similar role opens."
        ),
    )
    declined = decline_option.sync_detailed(
        ana.id, client=client, body=DeclineBody(note=respectful)
    )
    assert ok(declined).status == OptionStatus.DECLINED
    print("the story ran")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
