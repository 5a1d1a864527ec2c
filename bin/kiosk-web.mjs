#!/usr/bin/env node
// kiosk-web: the kiosk in the web shell (docs/integrating.md). The entry is TypeScript, run by tsx.
import { register } from 'tsx/esm/api';

register();
const { startKioskWeb } = await import('../web/entry/main.ts');

const kiosk = await startKioskWeb(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
});
if (typeof kiosk === 'number') {
  process.exitCode = kiosk;
} else {
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(130); // a second signal: give up on a clean stop
    stopping = true;
    kiosk.dispose().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
