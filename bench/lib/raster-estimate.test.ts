import { describe, expect, it } from 'vitest';
import { job, type PrintJob } from '../../devices/printer/print-job';
import { estimateRaster, serialSeconds } from './raster-estimate';

const options = { columns: 42, feedBeforeCut: 4, qrModules: () => 25 };

describe('estimateRaster', () => {
  it('counts 24-dot lines, double text as two, long key-value rows as two, feed before the cut', () => {
    const receipt: PrintJob = {
      name: 'test',
      elements: [
        job.text('BPJS Ketenagakerjaan', { size: 'double' }), // 40 wide: 1 line, double height
        job.rule(),
        job.keyValue('Saldo', 'Rp 1.000'),
        job.keyValue('x'.repeat(30), 'y'.repeat(20)), // does not fit 42: wraps
        job.feed(2),
        job.cut(),
      ],
    };
    const estimate = estimateRaster(receipt, options);
    expect(estimate.textLines).toBe(2 + 1 + 1 + 2 + 2 + 4);
    expect(estimate.heightDots).toBe(12 * 24);
    expect(estimate.bytes).toBe(12 * 24 * 72 + 8);
  });

  it('adds a QR code as modules times module size', () => {
    const estimate = estimateRaster({ name: 'qr', elements: [job.qr('REF', 6)] }, options);
    expect(estimate.qrDots).toBe(150);
    expect(estimate.bytes).toBe(150 * 72 + 8);
  });
});

describe('serialSeconds', () => {
  it('takes 10 bits per byte', () => {
    expect(serialSeconds(960, 9600)).toBe(1);
  });
});
