#!/usr/bin/env python3
"""Meters containers the way the upstream daemon and Wings do: one Docker stats stream per
container, every sample parsed. Usage: stats_streams.py SOCKET ID... (runs until killed)."""
import json
import socket
import sys
import threading


def follow(sock_path, cid):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(sock_path)
    s.sendall(f"GET /containers/{cid}/stats?stream=1 HTTP/1.0\r\nHost: docker\r\n\r\n".encode())
    f = s.makefile("rb")
    while f.readline() not in (b"\r\n", b""):
        pass  # response head
    for line in f:
        line = line.strip()
        if line:
            sample = json.loads(line)
            _ = sample.get("cpu_stats", {}).get("cpu_usage", {}).get("total_usage")


sock = sys.argv[1]
threads = [threading.Thread(target=follow, args=(sock, c), daemon=True) for c in sys.argv[2:]]
for t in threads:
    t.start()
threading.Event().wait()
