/**
 * In-page instrumentation, injected before the kiosk's own scripts. Plain JavaScript in a
 * string: the benchmark's TypeScript has no DOM types, and this must run as-is in the page.
 *
 * "Painted" is the double requestAnimationFrame rule: the first callback runs just before the
 * frame that shows the change is painted, the second in the frame after it, so its time is an
 * upper bound for "the change is on screen".
 *
 * - Taps: a pointerdown on the keypad starts the clock (event.timeStamp, the moment the input
 *   reached the page); the first later mutation of the entry field stops it after the double
 *   rAF. One sample per tap in window.__bench.taps; for context also the time to the DOM
 *   change itself (tapsToDom) and to the end of the first frame after it, by a message posted
 *   from its rAF (tapsFrameEnd: a tighter "painted" than the double rAF), and, from a wrapper
 *   around the page's WebSocket, when the digit intent left and the next view came back.
 * - Balance: arming it makes the next Enter keydown start the clock; the clock stops after the
 *   double rAF that follows the balance's closing JHT amount entering the DOM.
 */
export const PAGE_PROBES = `
(() => {
  const afterPaint = (fn) => requestAnimationFrame(() => requestAnimationFrame(fn));
  // The tighter estimate: a message posted from the first rAF runs right after that frame's paint.
  const afterThisFrame = (fn) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => fn();
    channel.port2.postMessage(null);
  });
  const bench = {
    taps: [], tapsToDom: [], tapsFrameEnd: [], tapsToSend: [], tapsSendToView: [],
    tapStart: null, socketStart: null, tapSent: null, tapView: null, balance: null,
  };
  window.__bench = bench;

  addEventListener('pointerdown', (event) => {
    if (event.target instanceof Element && event.target.closest('[role="group"][aria-label="Keypad"]')) {
      bench.tapStart = event.timeStamp;
      bench.socketStart = event.timeStamp;
      bench.tapSent = null;
      bench.tapView = null;
    }
  }, { capture: true });

  // The kiosk's socket, wrapped to see when the tap's intent leaves and the next view arrives.
  // The wrapper's listener is the socket's first, so it runs before the UI's.
  const NativeWebSocket = WebSocket;
  window.WebSocket = function (url, protocols) {
    const socket = new NativeWebSocket(url, protocols);
    const send = socket.send.bind(socket);
    socket.send = (data) => {
      if (bench.socketStart !== null && bench.tapSent === null && !String(data).includes('"activity"'))
        bench.tapSent = performance.now();
      return send(data);
    };
    // The field may change before the view comes back (the UI shows a typed digit at once), so
    // the socket's part is timed on its own.
    socket.addEventListener('message', () => {
      if (bench.tapSent === null || bench.tapView !== null || bench.socketStart === null) return;
      bench.tapView = performance.now();
      bench.tapsToSend.push(bench.tapSent - bench.socketStart);
      bench.tapsSendToView.push(bench.tapView - bench.tapSent);
      bench.socketStart = null;
    });
    return socket;
  };
  window.WebSocket.prototype = NativeWebSocket.prototype;
  for (const name of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'])
    window.WebSocket[name] = NativeWebSocket[name];

  addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && bench.balance && bench.balance.start === null)
      bench.balance.start = event.timeStamp;
  }, { capture: true });

  const observer = new MutationObserver((records) => {
    if (bench.tapStart !== null) {
      const inEntry = records.some((r) => {
        const node = r.target.nodeType === 1 ? r.target : r.target.parentElement;
        return node && node.closest('[data-testid="entry-value"]');
      });
      if (inEntry) {
        const start = bench.tapStart;
        bench.tapStart = null;
        bench.tapsToDom.push(performance.now() - start);
        afterThisFrame(() => bench.tapsFrameEnd.push(performance.now() - start));
        afterPaint(() => bench.taps.push(performance.now() - start));
      }
    }
    const balance = bench.balance;
    if (balance && balance.start !== null && balance.result === null && !balance.seen &&
        document.querySelector('[data-testid="jht-closing"]')) {
      balance.seen = true;
      afterPaint(() => { balance.result = performance.now() - balance.start; });
    }
  });
  const watch = () => observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  if (document.body) watch(); else addEventListener('DOMContentLoaded', watch);

  bench.armBalance = () => { bench.balance = { start: null, seen: false, result: null }; };
  bench.entryText = () => {
    const field = document.querySelector('[data-testid="entry-value"]');
    return field ? field.textContent.trim() : null;
  };
})();
`;

/** What the probes leave on window.__bench, as seen from page.evaluate. */
export interface PageBench {
  taps: number[];
  tapsToDom: number[];
  tapsFrameEnd: number[];
  /** Tap to the digit intent leaving on the WebSocket (press, release, click handler). */
  tapsToSend: number[];
  /** Intent sent to the next view received: the WebSocket round trip as the page sees it. */
  tapsSendToView: number[];
  balance: { start: number | null; seen: boolean; result: number | null } | null;
}

/** For page.evaluate callbacks: `(globalThis as unknown as BenchWindow).__bench`. */
export interface BenchWindow {
  __bench: PageBench & { armBalance(): void; entryText(): string | null };
}
