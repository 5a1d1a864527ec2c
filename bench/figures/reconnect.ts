import { measurePrinterReconnect } from '../../simulators/embedded/measure-reconnect';
import { measured, type RowSpec } from '../lib/figure';
import type { FigureGroup } from './figure-group';

const reconnectTime: RowSpec = {
  id: 'reconnect.afterUnplug',
  label: 'Device reconnect after a simulated unplug',
  unit: 'ms',
  budget: 2000,
};

const RUNS = 3;

/**
 * A simulated ESC/POS printer on a socat pty (in-memory link without socat) is unplugged for
 * 1.5 s, long enough for the hot-plug backoff to reach its 1 s ceiling (the worst case), then
 * plugged back: time until the device manager reports it online again.
 */
export const reconnect: FigureGroup = {
  title: 'reconnect',
  rows: [reconnectTime],
  async run() {
    const samples: number[] = [];
    let link = '';
    for (let i = 0; i < RUNS; i++) {
      const result = await measurePrinterReconnect({ unpluggedMs: 1500 });
      samples.push(result.reconnectMs);
      link = result.link;
    }
    return [measured(reconnectTime, samples, `printer over a ${link} link, unplugged 1.5 s`)];
  },
};
