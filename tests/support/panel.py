#!/usr/bin/env python3
"""A stand-in remote panel for the remote sync tests (API.md section 8).

Listens on 127.0.0.1 (port 0 = any free port; the port is printed as the first stdout line) and
records every POST /update body. GET /health answers {"status":200,"endpoint":"active"}.
The test steers it over the same port (no auth):
  POST /_mode {"mode":"ok"|"fail"|"hang"}  fail: 500 to /update and /health; hang: never answer
  GET  /_events                             {"events":[...bodies in arrival order], "health":n, "auth":[...]}
  POST /_reset                              forget what was recorded
A request with a wrong token (when --token is given) gets 401 and is not recorded.
"""
import argparse
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
state = {"mode": "ok", "events": [], "health": 0, "auth": [], "times": []}
mode_changed = threading.Condition(lock)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Head and body go out in two writes; with Nagle on, the body waits for the client's delayed
    # ACK (40 ms) on a kept-alive connection, and the panel, not the daemon, sets the pace.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def reply(self, status, obj):
        body = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def gate(self):
        """Applies the mode; False when the request was answered (fail) or abandoned (hang)."""
        with lock:
            mode = state["mode"]
            if mode == "hang":
                # hold the connection without answering until the mode changes (or 120 s)
                mode_changed.wait_for(lambda: state["mode"] != "hang", timeout=120)
                self.close_connection = True
                return False
        if mode == "fail":
            self.reply(500, {"error": "failing on command"})
            return False
        if args.token and self.headers.get("Authorization") != "Bearer " + args.token:
            self.reply(401, {"error": "Unauthorized"})
            return False
        return True

    def do_GET(self):
        if self.path == "/_events":
            with lock:
                return self.reply(200, {"events": state["events"], "health": state["health"],
                                        "auth": state["auth"][-5:], "times": state["times"]})
        if self.path.rstrip("/").endswith("/health"):
            if not self.gate():
                return
            with lock:
                state["health"] += 1
            return self.reply(200, {"status": 200, "endpoint": "active"})
        self.reply(404, {"error": "not found"})

    def do_POST(self):
        raw = self.body()
        if self.path == "/_mode":
            with lock:
                state["mode"] = json.loads(raw)["mode"]
                mode_changed.notify_all()
            return self.reply(200, {"mode": state["mode"]})
        if self.path == "/_reset":
            with lock:
                state["events"].clear()
                state["times"].clear()
            return self.reply(200, {})
        if self.path.rstrip("/").endswith("/update"):
            if not self.gate():
                return
            with lock:
                state["events"].append(json.loads(raw))
                state["times"].append(time.time())
                state["auth"].append(self.headers.get("Authorization"))
            return self.reply(200, {"success": True})
        self.reply(404, {"error": "not found"})


parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, default=0)
parser.add_argument("--token", default="")
args = parser.parse_args()
server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
sys.exit(0)
