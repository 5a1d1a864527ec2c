#!/usr/bin/env node
// kiosk-web: the kiosk in the web shell (docs/integrating.md). The entry is TypeScript, run by tsx.
import { register } from 'tsx/esm/api';

// Signals are caught from the first moment: a SIGTERM that comes while the kiosk is starting
// (or right after its ready line) stops it cleanly once it is up, instead of killing it mid-way.
let kiosk = null;
let stopping = false;
const dispose = (code = 0) =>
  kiosk.dispose().then(
    () => process.exit(code),
    () => process.exit(1),
  );
const stop = () => {
  if (stopping) process.exit(130); // a second signal: give up on a clean stop
  stopping = true;
  if (kiosk) void dispose();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

register();
const { startKioskWeb } = await import('../web/entry/main.ts');

const started = await startKioskWeb(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
  // The daily restart: the service manager starts the kiosk again on this code (75, EX_TEMPFAIL).
  restart: () => {
    if (stopping) return;
    stopping = true;
    void dispose(75);
  },
});
if (typeof started === 'number') {
  process.exit(started);
} else {
  kiosk = started;
  if (stopping) void dispose();
}
