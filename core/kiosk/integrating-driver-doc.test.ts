import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

describe('docs/integrating.md, your own device driver', () => {
  it('shows the USB printer definition as it is in the sources', () => {
    const doc = readFileSync(join(ROOT, 'docs/integrating.md'), 'utf8');
    const shown = /```ts\n(export const usbPrinterDriver[\s\S]*?)```/.exec(doc)?.[1];
    const source = readFileSync(join(ROOT, 'devices/drivers/usb-printer/index.ts'), 'utf8');
    expect(shown).toBeDefined();
    expect(source).toContain(shown!.trim());
  });
});
