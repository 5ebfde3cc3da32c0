#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora from real traffic: curl's requests and a WebSocket client's
frames captured on a loopback socket, the Docker Engine's answers read off its socket, real archives
made by tar/zip, and real keys from ssh-keygen. Run as root with dockerd up; output: corpus/<target>/.
The first byte of stream seeds is the fuzzer's piece-size seed (see FuzzInput.h)."""
import hashlib, io, json, os, socket, subprocess, sys, tarfile, tempfile, threading, zipfile

here = os.path.dirname(os.path.abspath(__file__))

def put(target, data, prefix=b"\x07"):
    d = os.path.join(here, "corpus", target)
    os.makedirs(d, exist_ok=True)
    data = prefix + data
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
        f.write(data)

def capture(client_cmd, reply=b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"):
    """Runs client_cmd against a loopback listener and returns every byte the client sent."""
    srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1)
    port = srv.getsockname()[1]; got = bytearray(); sent = [0]
    def serve():
        srv.settimeout(10)
        c, _ = srv.accept(); c.settimeout(2)
        try:
            while True:
                b = c.recv(65536)
                if not b: break
                got.extend(b)
                if reply and got.count(b"\r\n\r\n") > sent[0]:
                    c.sendall(reply); sent[0] += 1
        except socket.timeout:
            pass
        c.close()
    t = threading.Thread(target=serve); t.start()
    subprocess.run([a.replace("PORT", str(port)) for a in client_cmd], capture_output=True, timeout=20)
    t.join(); srv.close()
    return bytes(got)

# --- HTTP requests as curl sends them (the seeds' curl lines and the panel's calls)
tok = "lightd_0123456789abcdef0123456789abcdef"
for cmd in [
    ["curl", "-s", "-H", "Authorization: Bearer " + tok, "http://127.0.0.1:PORT/containers"],
    ["curl", "-s", "-X", "POST", "-H", "Content-Type: application/json", "-H", "Authorization: Bearer " + tok,
     "-d", json.dumps({"internal_id": "mc-1", "image": "lightd-test:busybox", "volume_id": "v1",
                       "ports": [{"container_port": 25565, "protocol": "tcp"}], "limits": {"memory_mb": 512}}),
     "http://127.0.0.1:PORT/containers"],
    ["curl", "-s", "-X", "PUT", "-H", "Transfer-Encoding: chunked", "--data-binary", "hello world",
     "http://127.0.0.1:PORT/volumes/v1/files/upload?path=a.txt"],
    ["curl", "-s", "-H", "Expect: 100-continue", "-X", "POST", "--data-binary", "x" * 2000,
     "http://127.0.0.1:PORT/volumes/v1/files/write?path=b.txt"],
    ["curl", "-s", "--http1.1", "-H", "Connection: Upgrade", "-H", "Upgrade: websocket", "-H",
     "Sec-WebSocket-Version: 13", "-H", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
     "http://127.0.0.1:PORT/ws/mc-1?token=" + tok],
    ["curl", "-s", "-I", "http://127.0.0.1:PORT/health"],
]:
    put("fuzz_http_framer", capture(cmd))
put("fuzz_http_framer", capture(["curl", "-s", "http://127.0.0.1:PORT/a", "http://127.0.0.1:PORT/b"]))

# --- WebSocket client frames: node's WebSocket (what consoles use) against a listener that answers 101
def ws_accept(req):
    key = [l.split(b":", 1)[1].strip() for l in req.split(b"\r\n") if l.lower().startswith(b"sec-websocket-key")][0]
    import base64
    return base64.b64encode(hashlib.sha1(key + b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11").digest())

def capture_ws(script):
    srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1)
    port = srv.getsockname()[1]; frames = bytearray()
    def serve():
        srv.settimeout(10)
        c, _ = srv.accept(); c.settimeout(3); req = b""
        while b"\r\n\r\n" not in req:
            req += c.recv(4096)
        c.sendall(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  b"Sec-WebSocket-Accept: " + ws_accept(req) + b"\r\n\r\n")
        frames.extend(req.split(b"\r\n\r\n", 1)[1])
        try:
            while True:
                b = c.recv(65536)
                if not b: break
                frames.extend(b)
        except socket.timeout:
            pass
        c.close()
    t = threading.Thread(target=serve); t.start()
    js = ("const ws = new WebSocket('ws://127.0.0.1:%d/ws/mc-1?token=x');"
          "ws.onopen = () => { %s };" % (port, script))
    subprocess.run(["node", "--no-warnings", "--experimental-websocket", "-e", js], capture_output=True, timeout=10)
    t.join(); srv.close()
    return bytes(frames)

for script in [
    "ws.send(JSON.stringify({event:'send_command',command:'say hi\\n'})); ws.send(JSON.stringify({event:'request_logs',lines:100})); ws.close(1000,'bye');",
    "ws.send(JSON.stringify({event:'power',action:'restart'})); ws.send('x'.repeat(70000)); ws.close();",
    "ws.send(new Uint8Array([1,2,3])); ws.send('h\\u00e9llo \\u{1F600}'); ws.close(4000);",
]:
    put("fuzz_ws_client_frames", capture_ws(script))
put("fuzz_ws_client_frames", b"\x89\x80\x01\x02\x03\x04" + b"\x8a\x80\x01\x02\x03\x04")  # ping, pong

# --- Docker Engine answers, raw as they come off its socket (chunked kept)
def docker_raw(path, method="GET"):
    r = subprocess.run(["curl", "-s", "--raw", "-i", "-X", method, "--max-time", "5", "--unix-socket",
                        "/var/run/docker.sock", "http://docker" + path], capture_output=True)
    return r.stdout

cid = subprocess.run(["docker", "run", "-d", "--name", "lightd-fuzz-seed", "lightd-test:busybox", "sh", "-c",
                      "echo out; echo err >&2; printf 'no newline'"], capture_output=True, text=True).stdout.strip()
subprocess.run(["docker", "wait", cid], capture_output=True)
for path in ["/_ping", "/version", "/containers/json?all=1", "/containers/%s/json" % cid,
             "/containers/%s/logs?stdout=1&stderr=1" % cid, "/containers/%s/stats?stream=0" % cid,
             "/events?since=0&until=%d" % (int(__import__('time').time())), "/containers/nosuch/json"]:
    put("fuzz_docker_streams", docker_raw(path))
subprocess.run(["docker", "rm", "-f", cid], capture_output=True)

# --- client paths: plain, and every kind of link the fuzz tree has
for p in ["a/b", "a/file", "in/../a", "abs/etc/passwd", "up/x", "a/up2", "a/climb/x", "loop/x", "./a//b/",
          "file", "\u00e9t\u00e9/x", "a/" + "b" * 300, ""]:
    put("fuzz_sandbox_paths", p.encode(), prefix=b"")

# --- archives: made by the real tools, and the escapes Wings shipped (CVE-2023-25152 & co.)
with tempfile.TemporaryDirectory() as d:
    os.makedirs(d + "/src/dir"); open(d + "/src/dir/f.txt", "w").write("hello\n")
    os.symlink("f.txt", d + "/src/dir/link")
    for args, name in [(["tar", "-cf"], "a.tar"), (["tar", "-czf"], "a.tar.gz"), (["tar", "-cjf"], "a.tar.bz2")]:
        subprocess.run(args + [d + "/" + name, "-C", d + "/src", "dir"], check=True)
        put("fuzz_archive", open(d + "/" + name, "rb").read(), prefix=b"")
    subprocess.run(["python3", "-m", "zipfile", "-c", d + "/a.zip", d + "/src/dir"], check=True)
    put("fuzz_archive", open(d + "/a.zip", "rb").read(), prefix=b"")
def tar_with(entries):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as t:
        for name, kind, target in entries:
            ti = tarfile.TarInfo(name)
            if kind == "file":
                ti.size = 5; t.addfile(ti, io.BytesIO(b"owned"))
            else:
                ti.type = tarfile.SYMTYPE if kind == "sym" else tarfile.LNKTYPE
                ti.linkname = target; t.addfile(ti)
    return buf.getvalue()
for entries in [[("../escape", "file", None)], [("/abs", "file", None)],
                [("l", "sym", "/etc"), ("l/passwd", "file", None)],
                [("l", "sym", "../outside"), ("l/x", "file", None)],
                [("h", "hard", "/etc/passwd")], [("d/x", "file", None), ("d", "sym", "/")]]:
    put("fuzz_archive", tar_with(entries), prefix=b"")

# --- small parsers: real keys from ssh-keygen, modes, ttls, a config file
with tempfile.TemporaryDirectory() as d:
    for t in [["-t", "ed25519"], ["-t", "ecdsa"], ["-t", "rsa", "-b", "2048"]]:
        subprocess.run(["ssh-keygen", "-q", "-N", "", "-f", d + "/k"] + t, check=True)
        put("fuzz_small_parsers", open(d + "/k.pub", "rb").read(), prefix=b"")
        os.remove(d + "/k"); os.remove(d + "/k.pub")
for s in [b"0755", b"644", b"7777", b'{"ttl":3600}', b'{"ttl":"1h"}',
          json.dumps({"server": {"host": "127.0.0.1", "port": 8070}, "docker": {"timeout_s": 30},
                      "websocket": {"max_messages": 10}}).encode()]:
    put("fuzz_small_parsers", s, prefix=b"")

# --- SFTP requests: their own script (runs alone too)
subprocess.run([sys.executable, os.path.join(here, "make-sftp-seeds.py")], check=True)
