"""A real HTTP receiver on 127.0.0.1 for webhook tests (not a mock transport): it records
every request and answers with the statuses it is told to."""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import orjson
from standardwebhooks import Webhook


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return orjson.loads(self.body)

    def verify(self, secret: str) -> Any:
        """The payload, if the signature verifies with `secret` (raises otherwise)."""
        return Webhook(secret).verify(self.body, self.headers)


@dataclass
class Receiver:
    statuses: list[int] = field(default_factory=list)  # answered in turn, then `status`
    status: int = 200
    hold: threading.Event | None = None  # when set up, requests wait until it is set
    received: list[Received] = field(default_factory=list)
    in_flight: dict[str, int] = field(default_factory=dict)
    overlapping: list[str] = field(default_factory=list)  # attempts seen twice at once
    pause: float = 0.0  # seconds each request takes, to widen races
    port: int = 0

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"

    def start(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                # The same event goes to several endpoints: an attempt is a path and an id.
                msg_id = f"{self.path} {self.headers.get('webhook-id', '')}"
                with receiver.lock:
                    if receiver.in_flight.get(msg_id):
                        receiver.overlapping.append(msg_id)
                    receiver.in_flight[msg_id] = receiver.in_flight.get(msg_id, 0) + 1
                if receiver.hold is not None:
                    receiver.hold.wait(30)
                if receiver.pause:
                    time.sleep(receiver.pause)
                with receiver.lock:
                    receiver.in_flight[msg_id] -= 1
                    receiver.received.append(
                        Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                    )
                    status = receiver.statuses.pop(0) if receiver.statuses else receiver.status
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        """Go down: connections are refused until `start()` again (on the same port)."""
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def waiting(self) -> int:
        """Requests that arrived and have not been answered yet."""
        with self.lock:
            return sum(self.in_flight.values())

    def ids(self) -> list[str]:
        with self.lock:
            return [r.headers["webhook-id"] for r in self.received]


@contextmanager
def receiving(**options: Any) -> Iterator[Receiver]:
    receiver = Receiver(**options)
    receiver.start()
    try:
        yield receiver
    finally:
        if receiver.hold is not None:
            receiver.hold.set()
        receiver.stop()
