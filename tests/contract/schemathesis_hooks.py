"""Schemathesis hooks for tests/contract/test_fuzz.py (loaded through SCHEMATHESIS_HOOKS).

Every check runs. A failure is dropped only where the server is right and a fuzzer cannot know
it: the request is schema-valid, but a rule the schema cannot express (and that the
operation's description states) refuses it, with the problem code that names that rule.
"""

import os
import re
from typing import Any

import httpx
import schemathesis

from app.kit.etag import IF_MATCH_PATTERN

# (status, problem code, what in `detail` or `errors` identifies the rule) → what it refused.
RIGHTLY_REFUSED = {
    # A cursor is opaque: one this API never issued is refused; a fuzzer can only invent them.
    (422, "invalid_cursor", ""): "an invented cursor",
    # The same Idempotency-Key with another body is refused by design (contract §6); the fuzzer
    # sends the few keys it generates with many bodies.
    (422, "idempotency_key_reused", ""): "a key reused with another body",
    # ... and a key whose stored response named a candidate erased since replays as 410
    # (contract §6): the fuzzer erases candidates and reuses its keys.
    (410, "response_erased", ""): "a replay of a response erased with a candidate",
    # A random message rarely passes the respect check (contract §4), which is the point of it.
    (422, "note_not_respectful", ""): "a disrespectful random note",
    # A random `If-Match` is stale: 412 is the promised answer (contract §6).
    (412, "precondition_failed", ""): "a random If-Match",
    # Cross-field and clock rules stated in the descriptions.
    (422, "validation_failed", "ends_on must be on or after starts_on"): "ends_on < starts_on",
    (422, "validation_failed", "cannot be in the future"): "a touchpoint in the future",
    (422, "validation_failed", "Unknown placeholders"): "a template with unknown placeholders",
    (422, "validation_failed", "Lever integrations need `secret`"): "a Lever integration "
    "without Lever's signature token",
    # A webhook URL must resolve to a public address (SSRF); the fuzzer's hosts do not resolve
    # here, and a private one is refused by design.
    (422, "webhook_url_not_allowed", ""): "a webhook URL that is not a public address",
    (422, "validation_failed", "an absolute https URL is needed"): "a webhook URL that is "
    "not an absolute https URL",
    (422, "validation_failed", "`send_after` is only for a note with `deliver: true`"): "a "
    "send time for a note that is not emailed",
    (422, "validation_failed", "Value error, not a URL"): "a webhook URL that does not parse",
    (422, "validation_failed", '"*" already means every type'): '"*" with other event types',
    (422, "validation_failed", "with the ref in the path"): "an upsert whose path ref makes 21 "
    "external refs",
    (422, "validation_failed", "the days must be strictly ascending"): "a check-in cadence "
    "out of order",
    # `deliver: true` needs the candidate's email address (stated on `deliver`); the fuzzer's
    # candidates rarely have one.
    (422, "candidate_has_no_email", ""): "a note to email to someone without an address",
}


def _problem(response: Any) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _malformed_if_match(case: Any, error: dict[str, Any]) -> bool:
    """Schemathesis' coverage phase sends `If-Match: 0` as if it matched the documented
    pattern; it does not, and the 422 says so."""
    value = (case.headers or {}).get("If-Match")
    return (
        error.get("loc") == ["header", "If-Match"]
        and isinstance(value, str)
        and re.fullmatch(IF_MATCH_PATTERN, value) is None
    )


def _path_value_from_a_link(case: Any, error: dict[str, Any]) -> bool:
    """Stateful runs fill a path parameter from a field of an earlier response, also where the
    two do not fit: a null (a check-in's `option_id` on an interim, sent as `/v1/options/None/…`)
    or a value outside the parameter's documented pattern (a feed's UUID `id` as its secret
    `token`). Neither is a schema-valid request, so the 422 is right."""
    loc = error.get("loc") or []
    if len(loc) < 2 or loc[0] != "path":
        return False
    value = str((case.path_parameters or {}).get(loc[1]))
    pattern = re.search(r"should match pattern '(.*)'$", error.get("msg", ""))
    return value == "None" or (pattern is not None and not re.search(pattern[1], value))


def _was_kept(body: dict[str, Any]) -> bool:
    return bool(body.get("revoked_at") or body.get("erased_at"))


def _parent_was_kept(response: Any) -> bool:
    """A list under an erased candidate (`/v1/candidates/{id}/touchpoints`) answers too: the
    record and its history stay. Asked of the parent itself, so a parent that was really
    deleted, or not erased at all, still fails."""
    url = httpx.URL(response.request.url)
    parent = re.fullmatch(r"(/v1/[^/]+/[^/]+)/[^/]+", url.path)
    if parent is None:
        return False
    answer = httpx.get(
        str(url.copy_with(path=parent[1], query=None)),
        headers={"Authorization": response.request.headers.get("Authorization", "")},
    )
    return answer.status_code == 200 and _was_kept(_problem(answer))


@schemathesis.hook
def filter_failure(context: Any, failure: Any, case: Any, response: Any) -> bool:
    """False drops the failure."""
    if failure.code == "ST301":  # "deleted resource still available"
        # DELETE revokes a key or feed and erases a candidate; the record stays and answers
        # with `revoked_at` or `erased_at` set (contract §2), which is what the fuzzer read.
        return not (_was_kept(_problem(response)) or _parent_was_kept(response))
    if failure.code != "ST202":  # "schema-valid request rejected"; every other failure counts
        return True
    problem = _problem(response)
    markers = [
        marker
        for status, code, marker in RIGHTLY_REFUSED
        if response.status_code == status and problem.get("code") == code
    ]

    def rightly_refused(error: dict[str, Any]) -> bool:
        return (
            _malformed_if_match(case, error)
            or _path_value_from_a_link(case, error)
            or any(marker in str(error) for marker in markers)
        )

    # Dropped only when every error in it is one the rules above explain.
    return not all(rightly_refused(error) for error in problem.get("errors") or [problem])


@schemathesis.hook
def filter_case(context: Any, case: Any) -> bool:
    """The fuzzer follows links from the key list to `DELETE /v1/api-keys/{id}`: it may revoke
    any key but its own, or every later request is a 401 and tests nothing."""
    own = os.environ["SHORTLIST_FUZZ_OWN_KEY_ID"]
    return not (
        case.method.upper() == "DELETE"
        and case.path_parameters
        and case.path_parameters.get("api_key_id") == own
    )
