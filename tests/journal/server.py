"""A stand-in for the Journal's API on loopback: a real HTTP server in a thread, each
path answered as the test says (JSON, a status, a web page, a delay), every request
kept for the test to look at."""

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    body: object = None  # JSON-able, or bytes sent as they are
    status: int = 200
    content_type: str = "application/json"
    delay: float = 0.0
    headers: dict = field(default_factory=dict)


class JournalServer:
    def __init__(self):
        self.replies: dict[str, list[Reply]] = {}
        self.requests: list[tuple[str, dict]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append((self.path, self.headers))  # any case, as HTTP
                queue = server.replies.get(self.path)
                reply = (
                    (queue.pop(0) if len(queue) > 1 else queue[0])
                    if queue
                    else Reply({"message": "not found"}, status=404)
                )
                if reply.delay:
                    time.sleep(reply.delay)
                if isinstance(reply.body, bytes):
                    body = reply.body
                else:
                    body = json.dumps(reply.body).encode()
                etag = reply.headers.get("ETag")
                if etag and self.headers.get("If-None-Match") == etag and reply.status == 200:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", reply.content_type)
                    self.send_header("Content-Length", str(len(body)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (a timeout test)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/api/"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def answer(self, path: str, *replies: Reply | object) -> None:
        """Answer GET /api/<path> with these, in turn (the last one again after)."""
        self.replies["/api/" + path] = [r if isinstance(r, Reply) else Reply(r) for r in replies]

    def paths(self) -> list[str]:
        return [path for path, _headers in self.requests]
