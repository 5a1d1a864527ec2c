/** The simulator control panel page: plain HTML, one stylesheet, one script, all same-origin. */
import { KEY_SYMBOLS } from '../../core/common/keypad-symbols';

/** The pin pad's keys as its legend shows them: digits, and the function keys with their symbols. */
const PAD_KEYS = [
  ['1'],
  ['2'],
  ['3'],
  ['X', `${KEY_SYMBOLS.cancel} Cancel`],
  ['4'],
  ['5'],
  ['6'],
  ['B', `${KEY_SYMBOLS.backspace} Back`],
  ['7'],
  ['8'],
  ['9'],
  ['C', `${KEY_SYMBOLS.clear} Clear`],
  [''],
  ['0'],
  [''],
  ['E', `${KEY_SYMBOLS.enter} Enter`],
];

export const PANEL_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kiosk simulator panel</title>
<link rel="stylesheet" href="/panel.css">
<script src="/panel.js" defer></script>
</head><body>
<header><h1>Kiosk simulator panel</h1><p id="status" role="status" aria-live="polite"></p></header>
<main>
<section aria-labelledby="card-h"><h2 id="card-h">Card reader</h2>
  <p>Media: <output id="card-media">?</output> · Plugged into: <output id="card-port">?</output></p>
  <label>Card <select id="card-choice"></select></label>
  <div class="row">
    <button data-card="insert">Insert</button><button data-card="swipe">Swipe</button>
    <button data-card="remove">Remove</button><button data-card="jam">Jam</button>
    <button data-card="invalidMedia">Invalid media</button>
  </div>
  <div class="row">
    <button data-card="unplug">Unplug</button>
    <button data-card="plug" data-slot="original">Plug in</button>
    <button data-card="plug" data-slot="spare">Plug into another port</button>
  </div>
</section>
<section aria-labelledby="scan-h"><h2 id="scan-h">Scanner</h2>
  <label>Participant <select id="scan-fixture"></select></label>
  <label>Code <select id="scan-kind">
    <option value="kpjBarcode">KPJ card barcode</option><option value="jmoQr">JMO QR (URL)</option>
    <option value="jmoJson">JMO QR (JSON)</option><option value="prefixed">KPJ:… barcode</option>
  </select></label>
  <div class="row"><button id="scan">Scan</button></div>
</section>
<section aria-labelledby="pad-h"><h2 id="pad-h">Pin pad</h2>
  <p>Entry: <output id="pad-mode">?</output></p>
  <div class="keys" id="pad-keys"></div>
</section>
<section aria-labelledby="printer-h"><h2 id="printer-h">Receipt printer</h2>
  <p><output id="printer-state">?</output></p>
  <div class="row">
    <button data-printer='{"paper":"ok"}'>Paper OK</button>
    <button data-printer='{"paper":"nearEnd"}'>Paper low</button>
    <button data-printer='{"paper":"out"}'>Paper out</button>
    <button data-printer='{"coverOpen":true}'>Open cover</button>
    <button data-printer='{"coverOpen":false}'>Close cover</button>
    <button data-printer='{"offline":true}'>Offline</button>
    <button data-printer='{"offline":false}'>Online</button>
    <button data-printer='{"slow":true}'>Slow</button>
    <button data-printer='{"slow":false}'>Fast</button>
    <button data-printer='{"connected":false}'>Disconnect</button>
    <button data-printer='{"connected":true}'>Reconnect</button>
  </div>
  <h3>Printed receipts (newest first)</h3>
  <iframe id="receipts" title="Printed receipts" src="/receipts" sandbox></iframe>
</section>
<section aria-labelledby="host-h"><h2 id="host-h">Host</h2>
  <div class="row">
    <button data-host='{"latencyMs":3000}'>Slow (3 s)</button>
    <button data-host='{"hang":true}'>Hang</button>
    <button data-host='{"status":503}'>503</button>
    <button data-host='{"malformed":"invalidJson"}'>Malformed</button>
    <button data-host="clear">Clear faults</button>
  </div>
  <p>Faults: <output id="host-faults">?</output></p>
</section>
<section aria-labelledby="xfs-h" id="xfs" hidden><h2 id="xfs-h">XFS4IoT services</h2>
  <p>Service publisher: <output id="xfs-publisher">?</output></p>
  <table><thead><tr><th>Service</th><th>State</th><th>Faults</th></tr></thead>
  <tbody id="xfs-services"></tbody></table>
</section>
<section aria-labelledby="kiosk-h"><h2 id="kiosk-h">Kiosk devices (as the kiosk sees them)</h2>
  <table><thead><tr><th>Device</th><th>State</th><th>Detail</th><th>Counters</th></tr></thead>
  <tbody id="kiosk-devices"></tbody></table>
</section>
</main></body></html>
`;

export const PANEL_CSS = `
body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#111}
header{background:#0b4f8a;color:#fff;padding:8px 16px}header h1{font-size:1.2rem;margin:0}
main{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:12px;padding:12px}
section{background:#fff;border-radius:6px;padding:8px 12px;box-shadow:0 1px 3px #0002}
h2{font-size:1rem;margin:4px 0 8px}.row{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0}
button{padding:6px 10px;border:1px solid #888;border-radius:4px;background:#eef;cursor:pointer}
.keys{display:grid;grid-template-columns:repeat(4,3.5rem);gap:4px}
iframe{width:100%;height:420px;border:1px solid #ccc;background:#ddd}
table{border-collapse:collapse;width:100%;font-size:.85rem}td,th{border-bottom:1px solid #ddd;padding:2px 4px;text-align:left}
`;

export const PANEL_JS = `
'use strict';
const $ = (id) => document.getElementById(id);
const say = (text) => { $('status').textContent = text; };
async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.message || response.status);
  return data;
}
const act = (label, method, path, body) =>
  call(method, path, body).then(() => { say(label + ': done'); refresh(); }, (e) => say(label + ': ' + e.message));
function fill(select, values) {
  select.replaceChildren(...values.map((v) => Object.assign(document.createElement('option'), { value: v, textContent: v })));
}
let filled = false;
async function refresh() {
  const s = await call('GET', '/api/state').catch(() => null);
  if (!s) return;
  if (!filled) {
    fill($('card-choice'), s.cardChoices); fill($('scan-fixture'), s.fixtures); filled = true;
  }
  $('card-media').textContent = s.card ? s.card.media : 'not simulated';
  $('card-port').textContent = s.card ? (s.card.port || 'UNPLUGGED') : '-';
  $('pad-mode').textContent = s.pinPad ? s.pinPad.mode : 'not simulated';
  const p = s.printer;
  $('printer-state').textContent = (p.connected ? 'connected' : 'DISCONNECTED') + ', paper ' + p.paper +
    (p.coverOpen ? ', cover open' : '') + (p.offline ? ', offline' : '') + (p.slow ? ', slow' : '') + ', ' + p.receipts + ' receipt(s)';
  $('host-faults').textContent = JSON.stringify(s.hostFaults ?? null);
  $('kiosk-devices').replaceChildren(...(s.kioskDevices || []).map((d) => {
    const tr = document.createElement('tr');
    for (const text of [d.name, d.state, d.detail || '', Object.entries(d.counters).map(([k, v]) => k + '=' + v).join(' ')]) {
      tr.append(Object.assign(document.createElement('td'), { textContent: text }));
    }
    return tr;
  }));
  $('xfs').hidden = !s.xfs4iot;
  if (s.xfs4iot) {
    $('xfs-publisher').textContent = s.xfs4iot.publisherUrl;
    $('xfs-services').replaceChildren(...s.xfs4iot.services.map(xfsRow));
  }
  if (s.printer.receipts !== refresh.receipts) { refresh.receipts = s.printer.receipts; $('receipts').src = '/receipts?n=' + s.printer.receipts; }
}
const XFS_FAULTS = [
  ['Stop', { running: false }], ['Start', { running: true }],
  ['Offline', { offline: true }], ['Online', { offline: false }],
  ['Slow (3 s)', { slowMs: 3000 }], ['Fast', { slowMs: 0 }],
  ['Garble next', { malformed: 1 }],
  ['Out of order', { outOfOrder: true }], ['In order', { outOfOrder: false }],
];
function xfsRow(service) {
  const tr = document.createElement('tr');
  const faults = [service.offline && 'offline', service.slowMs && 'slow ' + service.slowMs + ' ms',
    service.malformed && service.malformed + ' garbled', service.outOfOrder && 'out of order'].filter(Boolean);
  tr.append(Object.assign(document.createElement('td'), { textContent: service.name, title: service.uri }),
    Object.assign(document.createElement('td'), { textContent: service.running ? 'running' : 'STOPPED' }));
  const cell = document.createElement('td');
  cell.append((faults.join(', ') || 'none') + ' ');
  for (const [label, change] of XFS_FAULTS) {
    const b = Object.assign(document.createElement('button'), { textContent: label });
    b.dataset.xfs = JSON.stringify({ service: service.name, ...change });
    cell.append(b);
  }
  tr.append(cell);
  return tr;
}
document.addEventListener('click', (event) => {
  const b = event.target.closest('button');
  if (!b) return;
  if (b.dataset.card === 'plug') act('card plugged in', 'POST', '/api/card', { action: 'plug', slot: b.dataset.slot });
  else if (b.dataset.card === 'unplug') act('card reader unplugged', 'POST', '/api/card', { action: 'unplug' });
  else if (b.dataset.card) act('card ' + b.dataset.card, 'POST', '/api/card', { action: b.dataset.card, card: $('card-choice').value });
  else if (b.id === 'scan') act('scan', 'POST', '/api/scanner', { kind: $('scan-kind').value, fixture: $('scan-fixture').value });
  else if (b.dataset.key) act('key ' + b.dataset.key, 'POST', '/api/pinpad', { keys: b.dataset.key });
  else if (b.dataset.printer) act('printer', 'POST', '/api/printer', JSON.parse(b.dataset.printer));
  else if (b.dataset.xfs) act('XFS4IoT service', 'POST', '/api/xfs4iot', JSON.parse(b.dataset.xfs));
  else if (b.dataset.host === 'clear') act('host faults cleared', 'DELETE', '/api/host/faults');
  else if (b.dataset.host) act('host fault', 'POST', '/api/host/faults', JSON.parse(b.dataset.host));
});
for (const [key, label] of ${JSON.stringify(PAD_KEYS)}) {
  const b = document.createElement(key ? 'button' : 'span');
  if (key) { b.dataset.key = key; b.textContent = label || key; }
  $('pad-keys').append(b);
}
refresh();
setInterval(refresh, 1000);
`;
