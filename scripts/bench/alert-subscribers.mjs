// A child process of bench:alerts (alerts.mjs) holding a share of its
// subscribers: lean raw `ws` clients speaking graphql-transport-ws (no
// graphql-ws client machinery per message), so that what the benchmark times
// is the server, not its own clients. Each message is only searched for the
// alert's id and stamped with the wall-clock time it arrived; the parent later
// sends the commit time of every alert and gets latencies and losses back.
//
// Messages from the parent: { open: { urls, token, count, query } }, { progress: true }, { report: { commits, sent } }.
// To the parent: { opened }, { progress }, { report: { latencies, fromSend, lost, duplicates, closes: closedEarly, loopDelayMs } }.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { gatewayRequire } from './harness.mjs';

const WebSocket = gatewayRequire('ws');
const now = () => performance.timeOrigin + performance.now();
const MARK = '"alertRaised":{"id":"';

const clients = [];
const closes = {};
const loop = monitorEventLoopDelay({ resolution: 10 });
let cpuAtStart;
let startedAt;

function open(url, token, query) {
  return new Promise((resolve, reject) => {
    const received = new Map();
    const ws = new WebSocket(url, 'graphql-transport-ws');
    ws.on('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    ws.on('message', (data) => {
      const text = data.toString();
      const at = text.indexOf(MARK);
      if (at >= 0) {
        const start = at + MARK.length;
        const id = text.slice(start, text.indexOf('"', start));
        if (received.has(id)) client.duplicates++;
        else received.set(id, now());
        return;
      }
      const msg = JSON.parse(text);
      if (msg.type === 'connection_ack') {
        ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
        // The subscription is registered once the server has read this message: close enough for a start line.
        resolve(client);
      } else if (msg.type === 'ping') ws.send(JSON.stringify({ type: 'pong' }));
      else if (msg.type === 'error' || (msg.type === 'next' && msg.payload?.errors)) console.error('subscriber error', text.slice(0, 300));
    });
    ws.on('close', (code) => {
      closes[code] = (closes[code] ?? 0) + 1;
    });
    ws.on('error', reject);
    const client = { ws, received, duplicates: 0 };
  });
}

process.on('message', async (msg) => {
  if (msg.open) {
    const { urls, token, count, query } = msg.open;
    // Opened in small waves: thousands of handshakes at once only measure the accept queue.
    for (let i = 0; i < count; i += 100) {
      const wave = [];
      for (let j = i; j < Math.min(count, i + 100); j++) wave.push(open(urls[j % urls.length], token, query));
      clients.push(...(await Promise.all(wave)));
    }
    loop.enable();
    cpuAtStart = process.cpuUsage();
    startedAt = performance.now();
    process.send({ opened: clients.length });
  } else if (msg.progress) {
    process.send({ progress: clients.reduce((n, c) => n + c.received.size, 0) });
  } else if (msg.report) {
    loop.disable();
    const cpu = process.cpuUsage(cpuAtStart);
    const cpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - startedAt)) * 100;
    const { commits, sent } = msg.report;
    const latencies = [];
    const fromSend = [];
    let lost = 0;
    let duplicates = 0;
    const closedEarly = { ...closes };
    for (const c of clients) {
      duplicates += c.duplicates;
      for (const id of Object.keys(commits)) {
        const at = c.received.get(id);
        if (at === undefined) lost++;
        else {
          latencies.push(at - commits[id]);
          if (sent[id] !== undefined) fromSend.push(at - sent[id]);
        }
      }
      c.ws.terminate();
    }
    process.send({ report: { latencies, fromSend, lost, duplicates, closes: closedEarly, loopDelayMs: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 }, cpuPercent } }, () => process.exit(0));
  }
});
