#!/usr/bin/env node
// kiosk-diag: field diagnostics over SSH (docs/kiosk-diag.md). The CLI is TypeScript, run by tsx.
import { register } from 'tsx/esm/api';

// The reader of the output went away (`kiosk-diag kiosk status | head -3`): nothing more can be
// said to it, so end quietly, as a Unix tool does, instead of dying with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });

register();
const { runDiag } = await import('../kiosk-diag/main.ts');

const stop = new AbortController();
let interrupts = 0;
for (const name of ['SIGINT', 'SIGTERM']) {
  process.on(name, () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130); // a second Ctrl-C: give up on a clean stop
    stop.abort();
  });
}

process.exitCode = await runDiag(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: stop.signal,
});
// A driver that leaves a handle open must not keep a technician's shell waiting.
setTimeout(() => process.exit(), 1000).unref();
