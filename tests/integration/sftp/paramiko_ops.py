#!/usr/bin/env python3
"""The everyday SFTP operations through paramiko (a second, independent client implementation).

Usage: paramiko_ops.py PORT USER PASSWORD WORKDIR. Prints one line per check; exits 1 on the first failure.
"""
import hashlib
import os
import stat
import sys

import paramiko
from paramiko.py3compat import long
from paramiko.sftp import CMD_READ, CMD_DATA

port, user, password, work = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        sys.exit(1)


def refused(fn, what):
    try:
        fn()
    except (IOError, OSError):
        print("ok   refused: " + what, flush=True)
        return
    check(False, "refused: " + what)


t = paramiko.Transport(("127.0.0.1", port))
t.connect(username=user, password=password)
s = paramiko.SFTPClient.from_transport(t)

check(s.normalize(".") == "/", "realpath . is /")
check(s.normalize("../..") == "/", "realpath ../.. stays at /")
src = os.path.join(work, "pm.bin")
with open(src, "wb") as f:
    f.write(os.urandom(3 * 1024 * 1024 + 17))
s.mkdir("pm")
s.put(src, "pm/a.bin")
check(s.stat("pm/a.bin").st_size == os.path.getsize(src), "put size")
s.rename("pm/a.bin", "pm/b.bin")
check("b.bin" in s.listdir("pm"), "rename + listdir")
s.chmod("pm/b.bin", 0o640)
check(stat.S_IMODE(s.stat("pm/b.bin").st_mode) == 0o640, "chmod")
s.utime("pm/b.bin", (1000000000, 1000000000))
check(int(s.stat("pm/b.bin").st_mtime) == 1000000000, "utime")
back = os.path.join(work, "pm.back")
s.get("pm/b.bin", back)
digest = lambda p: hashlib.sha256(open(p, "rb").read()).hexdigest()
check(digest(src) == digest(back), "get sha256")

# A READ is answered in bounded chunks: 200 kB asked, at most 64 KiB given. A 4 GiB READ is never
# served whole: libssh 0.10.6 (Debian) treats lengths over its packet limit as a protocol error and
# drops the connection.
with s.open("pm/b.bin", "rb") as f:
    t_, msg = s._request(CMD_READ, f.handle, long(0), 200000)
    data = msg.get_string()
    check(t_ == CMD_DATA and 0 < len(data) <= 64 * 1024, "200 kB READ answered with %d bytes" % len(data))

# Overwrite by rename (posix semantics).
s.put(src, "pm/c.bin")
s.posix_rename("pm/c.bin", "pm/b.bin")
check(s.listdir("pm") == ["b.bin"], "posix-rename overwrites")

refused(lambda: s.open("../../etc/passwd"), "../../etc/passwd")
refused(lambda: s.chown("pm/b.bin", 0, 12345), "chown")
refused(lambda: s.symlink("/etc/passwd", "pm/link"), "symlink")
s.remove("pm/b.bin")
s.rmdir("pm")
check("pm" not in s.listdir("/"), "rm + rmdir")

s.put(src, "huge.bin")
f = s.open("huge.bin", "rb")
try:
    t_, msg = s._request(CMD_READ, f.handle, long(0), 0xFFFFFFFF)
    n = len(msg.get_string())
    check(n <= 256 * 1024, "4 GiB READ answered with %d bytes" % n)
except (EOFError, paramiko.SSHException):
    print("ok   4 GiB READ: connection dropped", flush=True)
print("ALL OK", flush=True)
os._exit(0)
