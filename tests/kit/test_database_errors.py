"""Which database errors a client may retry (503) and which are our faults (500)."""

import json

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from app.kit.errors import database_problem, database_unreachable


class Refused(ConnectionRefusedError):
    pass


class ServerShutdown(Exception):
    sqlstate = "57P01"  # admin_shutdown: the server is restarting


class SyntaxProblem(Exception):
    sqlstate = "42601"


def test_lost_refused_or_restarting_databases_are_unreachable():
    assert database_unreachable(DBAPIError("connect", None, Refused()))
    assert database_unreachable(OperationalError("select", None, ServerShutdown()))
    assert database_unreachable(
        DBAPIError("select", None, Exception("x"), connection_invalidated=True)
    )
    assert not database_unreachable(DBAPIError("select", None, SyntaxProblem()))


def test_unreachable_is_503_with_retry_after_and_a_fault_is_not_retryable():
    response = database_problem(DBAPIError("connect", None, Refused()))
    assert response is not None and response.status_code == 503
    assert response.headers["retry-after"] == "5"
    assert json.loads(response.body)["code"] == "database_unavailable"
    assert database_problem(DBAPIError("select", None, SyntaxProblem())) is None


def test_an_exhausted_pool_is_503_busy():
    response = database_problem(PoolTimeout("QueuePool limit reached"))
    assert response is not None and response.status_code == 503
    assert json.loads(response.body)["code"] == "database_busy"
