// Node 20 built-in WebSocket client for the WebSocket integration tests (run with
// `node --experimental-websocket wsclient.mjs MODE ...`). Prints one JSON object per line.
//
//   viewers URL N TAG COUNT  N sockets; each checks that it receives TAG:1..TAG:COUNT in order, then
//                            TAG:end. Prints {"type":"open","i"} on each socket's first frame,
//                            {"type":"allopen"} once all are open, {"type":"result","i",...} per
//                            socket once it saw TAG:end, then exits.
//   probe URL [ORIGIN]       one socket: every stdin line is sent as a text message ("BIG n" sends n
//                            bytes); every frame is printed as {"type":"frame","event","data"},
//                            then {"type":"close","code"} when it closes.
//   cycles URL N             N sockets one after the other, each closed on its first frame; prints
//                            {"type":"done","n"} at the end (leak checks).
import readline from 'node:readline';

const [mode, url, ...rest] = process.argv.slice(2);
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');

if (mode === 'viewers') {
  const n = Number(rest[0]), tag = rest[1], count = Number(rest[2]);
  let open = 0, done = 0;
  for (let i = 0; i < n; i++) {
    const ws = new WebSocket(url);
    const v = { events: [], next: 1, defect: '', got: 0, maxLatMs: 0 };
    ws.onmessage = (m) => {
      const f = JSON.parse(m.data);
      if (v.events.length < 2) v.events.push(f.event);
      if (v.events.length === 1 && !v.opened) {
        v.opened = true;
        out({ type: 'open', i });
        if (++open === n) out({ type: 'allopen' });
      }
      if (f.event !== 'console' || !f.data.startsWith(tag + ':')) return;
      const parts = f.data.slice(tag.length + 1).split(':');
      if (parts[0] === 'end') {
        out({ type: 'result', i, first: v.events[0], second: v.events[1], got: v.got, defect: v.defect,
              complete: v.got === count && !v.defect, maxLatMs: v.maxLatMs });
        ws.close();
        if (++done === n) process.exit(0);
        return;
      }
      const num = Number(parts[0]);
      if (num !== v.next && !v.defect) v.defect = `expected ${v.next} got ${num}`;
      v.next = num + 1;
      v.got++;
      const lat = (Date.now() * 1000 - Number(parts[1])) / 1000;
      if (lat > v.maxLatMs) v.maxLatMs = lat;
    };
    ws.onclose = (e) => { if (!v.opened) out({ type: 'close', i, code: e.code }); };
  }
} else if (mode === 'probe') {
  const ws = new WebSocket(url);
  ws.onopen = () => out({ type: 'open' });
  ws.onmessage = (m) => {
    const f = JSON.parse(m.data);
    out({ type: 'frame', event: f.event, data: f.data });
  };
  ws.onerror = () => out({ type: 'error' });
  ws.onclose = (e) => { out({ type: 'close', code: e.code }); process.exit(0); };
  const rl = readline.createInterface({ input: process.stdin });
  rl.on('line', (line) => {
    if (line.startsWith('BIG ')) ws.send('x'.repeat(Number(line.slice(4))));
    else ws.send(line);
  });
} else if (mode === 'cycles') {
  // A refused upgrade (a cap reached while the previous session is still closing) is retried and
  // not counted; node reports it with an error event and no close event.
  const n = Number(rest[0]);
  let opened = 0;
  const one = () => {
    if (opened >= n) return out({ type: 'done', n });
    const ws = new WebSocket(url);
    let next = false;
    const again = (delayMs) => { if (!next) { next = true; setTimeout(one, delayMs); } };
    ws.onopen = () => { opened++; };
    ws.onmessage = () => { ws.onmessage = null; ws.close(); };
    ws.onerror = () => again(5);
    ws.onclose = () => again(0);
  };
  one();
} else {
  console.error('unknown mode');
  process.exit(2);
}
