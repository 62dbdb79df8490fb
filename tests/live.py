"""The app served by a real uvicorn server in a thread, for what only a real server shows:
responses that leave before the request's work is over, and bytes on a socket."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from app.config import Settings
from app.main import create_app


@contextmanager
def serving(settings: Settings) -> Iterator[str]:
    """Serve `create_app(settings)` on a free local port; yields its base URL. Leaving waits
    for the server to finish what it was doing (uvicorn's graceful shutdown)."""
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=0, log_level="warning", access_log=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(1000):
            if server.started or not thread.is_alive():
                break
            thread.join(0.01)
        assert server.started, "the server did not start"
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join()
