#!/usr/bin/env bash
# SFTP benchmark: lightd's SFTP server vs OpenSSH's internal-sftp, side by side in one run, on
# loopback, with the same client (OpenSSH sftp), the same cipher and key authentication for both.
# The OpenSSH side is an sshd on a free high port with a throwaway config (ForceCommand internal-sftp,
# ChrootDirectory). Measured per server: put and get of BIG_MB (MB/s), SMALL_FILES 1 KiB files in one
# `put -r` (files/s), PARALLEL clients each putting PAR_MB at once (aggregate MB/s, every file
# checked); for lightd also its peak RSS during the parallel run, REST GET /health p50/p99 sampled
# meanwhile, and LOGINS failed password logins (PARALLEL at a time) with RSS and fd count before/after
# and REST p50/p99 during them.
# The clients stand for other machines: they run at nice CLIENT_NICE (10), as in tst_sftp_load, so on
# this one machine the REST figures measure the daemon, not the CPU 20 local OpenSSH clients take
# (CLIENT_NICE=0 shows them competing as equals). Both servers get the same clients.
# Usage: bench/sftp.sh [build-dir]   (env: BIG_MB=256 SMALL_FILES=1000 PARALLEL=20 PAR_MB=50 LOGINS=2000
#                                      CIPHER=aes128-gcm@openssh.com CLIENT_NICE=10)
#   build-dir defaults to ./build; lightd is (re)built there first (or LIGHTD_BIN is used as it is).
#   Needs root (sshd), Docker.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd) # absolute: sshd wants absolute paths
BIG_MB=${BIG_MB:-256} SMALL_FILES=${SMALL_FILES:-1000} PARALLEL=${PARALLEL:-20} PAR_MB=${PAR_MB:-50}
LOGINS=${LOGINS:-2000} CIPHER=${CIPHER:-aes128-gcm@openssh.com} CLIENT_NICE=${CLIENT_NICE:-10}
PY=/usr/bin/python3
if [[ -n ${LIGHTD_BIN:-} ]]; then
    BIN=$LIGHTD_BIN # a binary built elsewhere, e.g. while the build dir is busy
else
    cmake --build "$BUILD" -j2 --target lightd >/dev/null # never measure a stale binary
    BIN=$BUILD/daemon/lightd
fi

# Under the build dir, not /tmp: ChrootDirectory wants every path component root-owned and not
# world-writable; both servers then write to the same filesystem.
WORK=$(mktemp -d "$BUILD/sftp-bench.XXXXXX")
PID= SSHD_PID= NAME=
cleanup() {
    local rc=$?
    set +e
    if ((rc != 0)); then # keep what explains the failure
        mkdir -p "$BUILD/sftp-bench-failed" && cp "$WORK"/*.log "$BUILD/sftp-bench-failed/" 2>/dev/null
        echo "bench failed (rc $rc); logs in $BUILD/sftp-bench-failed" >&2
    fi
    [[ -n ${SAMPLER:-} ]] && kill "$SAMPLER" 2>/dev/null
    [[ -n $NAME ]] && curl -s "${AUTH[@]}" -X DELETE "$BASE/containers/$NAME" >/dev/null 2>&1
    [[ -n $PID ]] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
    [[ -n $SSHD_PID ]] && kill "$SSHD_PID" 2>/dev/null && wait "$SSHD_PID" 2>/dev/null
    [[ -n $NAME ]] && docker rm -f "lightd-$NAME" >/dev/null 2>&1
    rm -rf "$WORK"
}
trap cleanup EXIT
freeport() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
rate() { $PY -c "print(f'{$1/($3-$2):.1f}')"; }
rss_kb() { awk '/VmRSS/{print $2}' "/proc/$1/status"; }
fds() { ls "/proc/$1/fd" | wc -l; }

# --- lightd ------------------------------------------------------------------------------------
API_PORT=$(freeport) LPORT=$(freeport) OPORT=$(freeport)
TOKEN=lightd_$(head -c16 /dev/urandom | xxd -p)
cat >"$WORK/config.json" <<JSON
{"server":{"host":"127.0.0.1","port":$API_PORT,"access_log":false},"authorization":{"token":"$TOKEN"},
 "network":{"manage_firewall":false},"storage":{"base_path":"$WORK/data"},
 "sftp":{"enabled":true,"host":"127.0.0.1","port":$LPORT,"max_sessions":64}}
JSON
"$BIN" --config "$WORK/config.json" >"$WORK/lightd.log" 2>&1 &
PID=$!
BASE=http://127.0.0.1:$API_PORT
AUTH=(-H "Authorization: Bearer $TOKEN" -H "Accept: Application/vnd.pkglatv1+json")
for _ in $(seq 100); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.1; done
VOL=$(curl -s "${AUTH[@]}" -X POST "$BASE/volumes" | jq -r .volume_id)
VOLDIR=$(curl -s "${AUTH[@]}" "$BASE/volumes/$VOL" | jq -r .path)
NAME=sftp-bench-$$
curl -s "${AUTH[@]}" -X POST "$BASE/containers" -d "{\"internal_id\":\"$NAME\",\"image\":\"lightd-test:busybox\",\"volume_id\":\"$VOL\",\"startup_command\":\"sleep 3600\"}" >/dev/null
ssh-keygen -q -t ed25519 -N '' -f "$WORK/id" >/dev/null
LUSER=$(curl -s "${AUTH[@]}" -X POST "$BASE/containers/$NAME/sftp/credentials" -d '{}' | jq -r .username)
curl -s "${AUTH[@]}" -X POST "$BASE/containers/$NAME/sftp/keys" -d "{\"public_key\":\"$(cat "$WORK/id.pub")\"}" >/dev/null

# --- OpenSSH internal-sftp ----------------------------------------------------------------------
mkdir -p "$WORK/chroot/data" /run/sshd && chmod 755 "$WORK/chroot" "$WORK" && chown root:root "$WORK/chroot"
ssh-keygen -q -t ed25519 -N '' -f "$WORK/hostkey" >/dev/null
cp "$WORK/id.pub" "$WORK/authorized_keys"
cat >"$WORK/sshd_config" <<CFG
Port $OPORT
ListenAddress 127.0.0.1
HostKey $WORK/hostkey
PidFile none
AuthorizedKeysFile $WORK/authorized_keys
StrictModes no
PermitRootLogin yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
Subsystem sftp internal-sftp
ForceCommand internal-sftp -d /data
ChrootDirectory $WORK/chroot
MaxStartups 200
MaxSessions 200
CFG
/usr/sbin/sshd -D -e -f "$WORK/sshd_config" 2>"$WORK/sshd.log" &
SSHD_PID=$!
OPTS=(-q -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -i "$WORK/id"
      -o IdentitiesOnly=yes -o PasswordAuthentication=no -o Ciphers=$CIPHER)
run_sftp() { # server(lightd|openssh) batch-file
    if [[ $1 == lightd ]]; then nice -n "$CLIENT_NICE" sftp "${OPTS[@]}" -P "$LPORT" -b "$2" "$LUSER@127.0.0.1" >/dev/null
    else nice -n "$CLIENT_NICE" sftp "${OPTS[@]}" -P "$OPORT" -b "$2" "root@127.0.0.1" >/dev/null; fi
}
for _ in $(seq 50); do echo "ls" >"$WORK/ls.b"; run_sftp openssh "$WORK/ls.b" 2>/dev/null && break; sleep 0.1; done

# --- data ---------------------------------------------------------------------------------------
dd if=/dev/urandom of="$WORK/big.bin" bs=1M count="$BIG_MB" status=none
dd if=/dev/urandom of="$WORK/par.bin" bs=1M count="$PAR_MB" status=none
PARSUM=$(sha256sum "$WORK/par.bin" | cut -d' ' -f1)
mkdir -p "$WORK/small"
for i in $(seq "$SMALL_FILES"); do head -c 1024 /dev/urandom >"$WORK/small/f$i"; done

declare -A R
bench_server() { # name remote-dir-on-host
    local s=$1 dir=$2 t0 t1
    echo "put $WORK/big.bin big.bin" >"$WORK/put.b"
    t0=$(now); run_sftp "$s" "$WORK/put.b"; t1=$(now); R[$s.put]=$(rate "$BIG_MB" "$t0" "$t1")
    echo "get big.bin $WORK/big.back" >"$WORK/get.b"
    t0=$(now); run_sftp "$s" "$WORK/get.b"; t1=$(now); R[$s.get]=$(rate "$BIG_MB" "$t0" "$t1")
    cmp -s "$WORK/big.bin" "$WORK/big.back" || { echo "$s: get mismatch" >&2; exit 1; }
    rm -f "$WORK/big.back" "$dir/big.bin"
    echo "put -r $WORK/small small" >"$WORK/small.b"
    t0=$(now); run_sftp "$s" "$WORK/small.b"; t1=$(now); R[$s.small]=$(rate "$SMALL_FILES" "$t0" "$t1")
    [[ $(ls "$dir/small" | wc -l) == "$SMALL_FILES" ]] || { echo "$s: small files missing" >&2; exit 1; }
    rm -rf "$dir/small"
    t0=$(now)
    local pids=() p alive peak=0 r
    for i in $(seq "$PARALLEL"); do
        echo "put $WORK/par.bin p$i.bin" >"$WORK/par$i.b"
        run_sftp "$s" "$WORK/par$i.b" &
        pids+=($!)
    done
    while :; do
        alive=0
        for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
        ((alive)) || break
        r=$(rss_kb "$PID"); ((r > peak)) && peak=$r
        sleep 0.1
    done
    [[ $s == lightd ]] && R[lightd.rss]=$((peak / 1024))
    for p in "${pids[@]}"; do wait "$p"; done
    t1=$(now); R[$s.par]=$(rate "$((PARALLEL * PAR_MB))" "$t0" "$t1")
    for i in $(seq "$PARALLEL"); do
        [[ $(sha256sum "$dir/p$i.bin" | cut -d' ' -f1) == "$PARSUM" ]] || { echo "$s: p$i.bin corrupt" >&2; exit 1; }
    done
    rm -f "$dir"/p*.bin
}

# REST /health latency sampled with one keep-alive connection for the whole lightd run.
sample_rest() { # output-file: GET /health timed every 20 ms until killed
$PY - "$API_PORT" "$1" <<'PYEOF' &
import http.client, sys, time
c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]))
out = open(sys.argv[2], "w")
while True:
    t = time.perf_counter(); c.request("GET", "/health"); r = c.getresponse(); r.read()
    out.write(f"{(time.perf_counter() - t) * 1000:.3f} {r.status}\n"); out.flush()
    time.sleep(0.02)
PYEOF
SAMPLER=$!
}
# The event loop's own time from schedstat: ns on a CPU and ns runnable but waiting for one.
loop_ns() { awk '{print $1, $2}' "/proc/$PID/task/$PID/schedstat"; }
sample_rest "$WORK/lat.txt"
read -r LOOP_CPU0 LOOP_WAIT0 < <(loop_ns)
bench_server lightd "$VOLDIR"
read -r LOOP_CPU1 LOOP_WAIT1 < <(loop_ns)
kill "$SAMPLER"; SAMPLER=
bench_server openssh "$WORK/chroot/data"
pcts() { sort -n "$1" | awk '{v[NR]=$1; if ($2!=200) b++} END {print v[int(NR*0.5)+1], v[int(NR*0.99)+1], b+0, NR}'; }
read -r P50 P99 BAD NSAMPLES < <(pcts "$WORK/lat.txt")

# --- failed logins --------------------------------------------------------------------------------
wrong() { sshpass -p wrong-password sftp -q -o BatchMode=no -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
    -o PubkeyAuthentication=no -o NumberOfPasswordPrompts=1 -o LogLevel=QUIET -P "$LPORT" -b "$WORK/ls.b" "$LUSER@127.0.0.1" >/dev/null 2>&1 || true; }
export -f wrong; export WORK LPORT LUSER
wrong; sleep 1
RSS0=$(rss_kb "$PID") FD0=$(fds "$PID")
sample_rest "$WORK/lat-logins.txt"
t0=$(now)
seq "$LOGINS" | nice -n "$CLIENT_NICE" xargs -P "$PARALLEL" -I{} bash -c wrong
t1=$(now)
kill "$SAMPLER"; SAMPLER=
read -r LP50 LP99 LBAD LSAMPLES < <(pcts "$WORK/lat-logins.txt")
for _ in $(seq 100); do [[ $(fds "$PID") -le $((FD0 + 2)) ]] && break; sleep 0.1; done
RSS1=$(rss_kb "$PID") FD1=$(fds "$PID")
REFUSED=$(grep -c "login refused" "$WORK/lightd.log" || true)
LIMITED=$(grep -c "rate limited" "$WORK/lightd.log" || true)

ratio() { $PY -c "print(f'{$1/$2:.2f}x')"; }
printf '\n%-26s %10s %10s %8s\n' "" lightd openssh ratio
printf '%-26s %10s %10s %8s\n' "put ${BIG_MB} MB (MB/s)" "${R[lightd.put]}" "${R[openssh.put]}" "$(ratio "${R[lightd.put]}" "${R[openssh.put]}")"
printf '%-26s %10s %10s %8s\n' "get ${BIG_MB} MB (MB/s)" "${R[lightd.get]}" "${R[openssh.get]}" "$(ratio "${R[lightd.get]}" "${R[openssh.get]}")"
printf '%-26s %10s %10s %8s\n' "${SMALL_FILES} x 1 KiB (files/s)" "${R[lightd.small]}" "${R[openssh.small]}" "$(ratio "${R[lightd.small]}" "${R[openssh.small]}")"
printf '%-26s %10s %10s %8s\n' "${PARALLEL} x ${PAR_MB} MB put (MB/s)" "${R[lightd.par]}" "${R[openssh.par]}" "$(ratio "${R[lightd.par]}" "${R[openssh.par]}")"
echo "lightd peak RSS with ${PARALLEL} sessions: ${R[lightd.rss]} MB (target < 64)"
echo "REST GET /health during the lightd run: p50 ${P50} ms, p99 ${P99} ms over ${NSAMPLES} samples, non-200: ${BAD} (target p99 < 10)"
echo "lightd event loop over the lightd run: $(((LOOP_CPU1 - LOOP_CPU0) / 1000000)) ms on a CPU, $(((LOOP_WAIT1 - LOOP_WAIT0) / 1000000)) ms waiting for one"
echo "${LOGINS} failed logins in $($PY -c "print(f'{$t1-$t0:.0f}')") s: refused ${REFUSED}, rate-limited attempts ${LIMITED};" \
    "RSS ${RSS0} -> ${RSS1} kB, fds ${FD0} -> ${FD1}"
echo "REST GET /health during the failed logins: p50 ${LP50} ms, p99 ${LP99} ms over ${LSAMPLES} samples, non-200: ${LBAD}"
echo "clients at nice $CLIENT_NICE, cipher $CIPHER, lightd build $(grep -m1 CMAKE_BUILD_TYPE "$BUILD/CMakeCache.txt" | cut -d= -f2), load $(cut -d' ' -f1-3 /proc/loadavg)"
