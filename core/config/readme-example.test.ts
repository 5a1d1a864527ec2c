import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './load-config';

describe('the README configuration example', () => {
  it('is a configuration the kiosk accepts, with the values it shows', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Configuration and real hardware'));
    const json = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(json, 'a ```json block under "Configuration and real hardware"').toBeDefined();
    const example = JSON.parse(json!) as { technician: { pinHash: string } };
    // The one placeholder: the README must not show a hash anyone could copy onto a kiosk.
    expect(example.technician.pinHash).toBe('scrypt$16384$8$1$...');
    example.technician.pinHash = `scrypt$16384$8$1$${'A'.repeat(22)}==$${'A'.repeat(43)}=`;
    const config = parseConfig(example, 'README.md');
    expect(config.terminalId).toBe('KSK-JKT-01');
    expect(config.technician).toMatchObject({
      cardPrefix: '99900',
      diagSocket: '/run/bpjs-kiosk/kiosk-diag.sock',
    });
  });
});
