"""The Redis the shared-state tests use: SHORTLIST_TEST_REDIS_URL, or the local default.

Tests that need it skip when it is unreachable, except under CI, where `.ci/run` starts one.
"""

import os
import socket
import uuid
from urllib.parse import urlparse

import pytest

REDIS_URL = os.environ.get("SHORTLIST_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def redis_url() -> str:
    target = urlparse(REDIS_URL)
    try:
        with socket.create_connection((target.hostname, target.port or 6379), timeout=1):
            pass
    except OSError:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is required under CI ({REDIS_URL})")
        pytest.skip(f"Redis unreachable at {REDIS_URL}")
    return REDIS_URL


def unique_prefix() -> str:
    """A key prefix of this test's own, so parallel runs on one Redis never collide."""
    return f"shortlist-test-{uuid.uuid4().hex}"
