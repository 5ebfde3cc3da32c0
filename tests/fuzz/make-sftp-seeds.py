#!/usr/bin/env python3
"""Seeds of fuzz_sftp_requests (called by make-seeds.py; runs alone too): SFTP v3 request streams.
  - real traffic: what OpenSSH's sftp client sends for a session of common commands, captured
    between it and OpenSSH's own sftp-server (`sftp -D`), its absolute paths made volume paths;
  - every request type lightd answers, and the escapes a tenant would try: `..`, absolute paths,
    the links the harness plants (escape -> ../outside, root -> /, dir/secret -> the secret),
    links made over SFTP, renames out of the volume, writes far past the quota.
Handles are lightd's: 4 bytes, native order, numbered from 1 on each channel."""
import hashlib, os, shutil, struct, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "corpus", "fuzz_sftp_requests")

def u32(v): return struct.pack(">I", v)
def u64(v): return struct.pack(">Q", v)
def s(b): b = b.encode() if isinstance(b, str) else b; return u32(len(b)) + b
def h(n): return s(struct.pack("<I", n))
def pkt(t, rid, body=b""): p = bytes([t]) + u32(rid) + body; return u32(len(p)) + p
NOATTR = u32(0)
def attrs_perm(mode): return u32(0x4) + u32(mode)
def attrs_size(size): return u32(0x1) + u64(size)
R, W, C, T, X = 1, 2, 8, 0x10, 0x20

def op(t):
    return {"open": 3, "close": 4, "read": 5, "write": 6, "lstat": 7, "fstat": 8, "setstat": 9,
            "fsetstat": 10, "opendir": 11, "readdir": 12, "remove": 13, "mkdir": 14, "rmdir": 15,
            "realpath": 16, "stat": 17, "rename": 18, "readlink": 19, "symlink": 20, "ext": 200}[t]

def seq(*ps): return b"".join(ps)

def put(data):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, hashlib.sha1(data).hexdigest()[:16]), "wb") as f:
        f.write(data)

# --- crafted: every request type, then the escapes
put(seq(pkt(op("realpath"), 1, s(".")), pkt(op("opendir"), 2, s("/")), pkt(op("readdir"), 3, h(1)),
        pkt(op("readdir"), 4, h(1)), pkt(op("close"), 5, h(1))))
put(seq(pkt(op("open"), 1, s("/hello.txt") + u32(R) + NOATTR), pkt(op("read"), 2, h(1) + u64(0) + u32(4096)),
        pkt(op("fstat"), 3, h(1)), pkt(op("read"), 4, h(1) + u64(6) + u32(10)), pkt(op("close"), 5, h(1))))
put(seq(pkt(op("open"), 1, s("up.bin") + u32(W | C | T) + attrs_perm(0o644)),
        pkt(op("write"), 2, h(1) + u64(0) + s(b"x" * 1000)), pkt(op("write"), 3, h(1) + u64(4000) + s(b"y" * 10)),
        pkt(op("fsetstat"), 4, h(1) + attrs_perm(0o600)), pkt(op("close"), 5, h(1)),
        pkt(op("stat"), 6, s("up.bin")), pkt(op("rename"), 7, s("up.bin") + s("dir/moved.bin")),
        pkt(op("remove"), 8, s("dir/moved.bin"))))
put(seq(pkt(op("mkdir"), 1, s("new") + attrs_perm(0o755)), pkt(op("setstat"), 2, s("new") + attrs_perm(0o700)),
        pkt(op("lstat"), 3, s("new")), pkt(op("rmdir"), 4, s("new")), pkt(op("rmdir"), 5, s("dir"))))
put(seq(pkt(op("ext"), 1, s("statvfs@openssh.com") + s("/")),
        pkt(op("ext"), 2, s("posix-rename@openssh.com") + s("hello.txt") + s("hello2.txt")),
        pkt(op("ext"), 3, s("hardlink@openssh.com") + s("hello2.txt") + s("hl.txt")),
        pkt(op("ext"), 4, s("unknown@example.com") + s("x"))))
# escapes: every one must be refused or stay inside the volume
put(seq(pkt(op("open"), 1, s("escape/secret") + u32(R) + NOATTR), pkt(op("read"), 2, h(1) + u64(0) + u32(100)),
        pkt(op("open"), 3, s("dir/secret") + u32(R) + NOATTR), pkt(op("read"), 4, h(1) + u64(0) + u32(100)),
        pkt(op("open"), 5, s("root/etc/passwd") + u32(R) + NOATTR), pkt(op("read"), 6, h(1) + u64(0) + u32(100))))
put(seq(pkt(op("open"), 1, s("../outside/secret") + u32(R) + NOATTR), pkt(op("read"), 2, h(1) + u64(0) + u32(100)),
        pkt(op("open"), 3, s("/../../../etc/passwd") + u32(R) + NOATTR), pkt(op("read"), 4, h(1) + u64(0) + u32(100)),
        pkt(op("stat"), 5, s("escape/secret")), pkt(op("readlink"), 6, s("escape")),
        pkt(op("realpath"), 7, s("escape/..")), pkt(op("opendir"), 8, s("root/etc")),
        pkt(op("readdir"), 9, h(1))))
put(seq(pkt(op("symlink"), 1, s("/etc/passwd") + s("pw")), pkt(op("open"), 2, s("pw") + u32(R) + NOATTR),
        pkt(op("read"), 3, h(1) + u64(0) + u32(100)),
        pkt(op("rename"), 4, s("hello.txt") + s("../outside/new")),
        pkt(op("rename"), 5, s("hello.txt") + s("escape/new")),
        pkt(op("ext"), 6, s("hardlink@openssh.com") + s("escape/secret") + s("stolen")),
        pkt(op("ext"), 7, s("posix-rename@openssh.com") + s("escape/secret") + s("stolen2")),
        pkt(op("open"), 8, s("escape/new") + u32(W | C) + NOATTR), pkt(op("write"), 9, h(1) + u64(0) + s("owned")),
        pkt(op("mkdir"), 10, s("escape/d") + NOATTR), pkt(op("remove"), 11, s("escape/secret")),
        pkt(op("setstat"), 12, s("escape/secret") + attrs_perm(0o777)),
        pkt(op("setstat"), 13, s("dir/secret") + attrs_size(0))))
put(seq(pkt(op("open"), 1, s("big") + u32(W | C) + NOATTR),
        pkt(op("write"), 2, h(1) + u64(1 << 62) + s("x")), pkt(op("write"), 3, h(1) + u64(20 << 20) + s("x")),
        pkt(op("fsetstat"), 4, h(1) + attrs_size(1 << 40)), pkt(op("close"), 5, h(1)),
        pkt(op("read"), 6, h(7) + u64(0) + u32(0xFFFFFFFF)), pkt(op("close"), 7, h(0))))

# --- real traffic: OpenSSH's sftp client against its own sftp-server, the client's bytes recorded
server = "/usr/lib/openssh/sftp-server"
if shutil.which("sftp") and os.path.exists(server):
    with tempfile.TemporaryDirectory() as d:
        root = os.path.realpath(d + "/v")
        os.makedirs(root + "/dir")
        open(root + "/hello.txt", "w").write("hello\n")
        open(root + "/dir/inner.txt", "w").write("inner\n")
        open(d + "/local.txt", "w").write("local file\n")
        proxy = d + "/proxy.py"
        open(proxy, "w").write(
            "import os, subprocess, sys, threading\n"
            f"p = subprocess.Popen(['{server}'], stdin=subprocess.PIPE, stdout=sys.stdout.buffer, cwd='{root}')\n"
            f"log = open('{d}/client.bin', 'wb')\n"
            "while True:\n"
            "    b = os.read(0, 65536)\n"
            "    if not b: break\n"
            "    log.write(b); log.flush(); p.stdin.write(b); p.stdin.flush()\n"
            "p.stdin.close(); p.wait()\n")
        batch = d + "/batch"
        open(batch, "w").write("\n".join([
            "ls -la", "get hello.txt " + d + "/got.txt", "put " + d + "/local.txt up.txt", "mkdir made",
            "rename up.txt made/up.txt", "chmod 600 made/up.txt", "ln -s hello.txt link", "ls -l made",
            "df", "rm made/up.txt", "rmdir made", "-get missing.txt", "cd dir", "get inner.txt " + d + "/i.txt"]) + "\n")
        subprocess.run(["sftp", "-q", "-b", batch, "-D", "python3 " + proxy], cwd=root,
                       capture_output=True, timeout=30)
        raw = open(d + "/client.bin", "rb").read()
        # The client spoke absolute paths of this temp dir: they become volume paths.
        prefix, fixed, i = root.encode(), b"", 0
        while i + 4 <= len(raw):
            n = struct.unpack(">I", raw[i:i + 4])[0]
            p, i = raw[i + 4:i + 4 + n], i + 4 + n
            j = 5
            body = p[:5]
            while j + 4 <= len(p):
                m = struct.unpack(">I", p[j:j + 4])[0]
                text = p[j + 4:j + 4 + m]
                if len(text) == m and text.startswith(prefix):
                    body += s(text[len(prefix):] or b"/"); j += 4 + m
                else:
                    body += p[j:j + 1]; j += 1
            body += p[j:]
            fixed += u32(len(body)) + body
        if len(fixed) > 9:
            put(fixed)
print("fuzz_sftp_requests:", len(os.listdir(out)), "seeds")
