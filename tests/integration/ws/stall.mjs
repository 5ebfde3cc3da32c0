// A raw WebSocket viewer over node:net that stops reading: it completes the handshake, reads until
// its first console line, then pauses the socket (the kernel buffers fill, the daemon's queue for
// this viewer fills) for PAUSE_MS (or, with PAUSE_MS -1, until a line arrives on stdin), resumes and reads until it sees TAG:end or the connection closes.
//   node stall.mjs HOST PORT PATH TAG PAUSE_MS
// Prints {"type":"paused"}, {"type":"resumed"}, and at the end {"type":"result", lines, droppedTold,
// messages, closeCode} (closeCode -1 when the connection did not close).
import net from 'node:net';
import crypto from 'node:crypto';

const [host, port, path, tag, pauseMs] = process.argv.slice(2);
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const sock = net.connect(Number(port), host);
let buf = Buffer.alloc(0), handshaken = false, paused = false, finished = false;
let lines = 0, droppedTold = 0, closeCode = -1;
const messages = [];

function finish() {
  if (finished) return;
  finished = true;
  out({ type: 'result', lines, droppedTold, messages, closeCode });
  sock.destroy();
  process.exit(0);
}

sock.on('connect', () => {
  const key = crypto.randomBytes(16).toString('base64');
  sock.write(`GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
             `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
});
sock.on('data', (chunk) => {
  buf = Buffer.concat([buf, chunk]);
  if (!handshaken) {
    const end = buf.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = buf.subarray(0, end).toString();
    if (!head.startsWith('HTTP/1.1 101')) { out({ type: 'refused', head }); process.exit(0); }
    handshaken = true;
    buf = buf.subarray(end + 4);
  }
  drain();
});

function drain() {
  while (!(paused === true) && buf.length >= 2) {
    const op = buf[0] & 0x0f;
    let len = buf[1] & 0x7f, off = 2;
    if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); off = 4; }
    else if (len === 127) { if (buf.length < 10) return; len = Number(buf.readBigUInt64BE(2)); off = 10; }
    if (buf.length < off + len) return;
    const payload = buf.subarray(off, off + len);
    buf = buf.subarray(off + len);
    if (op === 8) { closeCode = len >= 2 ? payload.readUInt16BE(0) : 1005; return finish(); }
    if (op !== 1) continue;
    const f = JSON.parse(payload.toString());
    if (f.event === 'daemon_message') {
      messages.push(f.data);
      const m = /^(\d+) console lines were dropped/.exec(f.data);
      if (m) droppedTold += Number(m[1]);
    }
    if (f.event !== 'console') continue;
    if (f.data === `${tag}:end`) return finish();
    if (f.data.startsWith(tag + ':')) lines++;
    if (!paused && pauseMs !== '0') {
      paused = true;
      sock.pause();
      out({ type: 'paused' });
      const resume = () => {
        if (paused !== true) return;
        paused = 'done';
        out({ type: 'resumed' });
        sock.resume();
        drain();
      };
      if (Number(pauseMs) > 0) setTimeout(resume, Number(pauseMs));
      process.stdin.on('data', resume); // any stdin input resumes reading
      return;
    }
  }
}
sock.on('close', () => { drain(); finish(); });
sock.on('error', finish);
