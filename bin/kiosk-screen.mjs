#!/usr/bin/env node
// kiosk-screen: Chromium on the kiosk page, reloaded when its renderer crashes (docs/deploy.md).
import { register } from 'tsx/esm/api';

register();
const { startKioskScreen } = await import('../web/screen/kiosk-screen.ts');

const screen = startKioskScreen(process.argv.slice(2), { err: (line) => console.error(line) });
if (typeof screen === 'number') process.exit(screen);
for (const name of ['SIGINT', 'SIGTERM']) process.on(name, () => screen.stop());
process.exit(await screen.exited);
