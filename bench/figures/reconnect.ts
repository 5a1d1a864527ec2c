import { notAvailable, type RowSpec } from '../lib/figure';
import { findModule } from '../lib/optional-module';
import type { FigureGroup } from './figure-group';

const reconnectTime: RowSpec = {
  id: 'reconnect.afterUnplug',
  label: 'Device reconnect after a simulated unplug',
  unit: 'ms',
  budget: 2000,
};

/**
 * Needs the device manager's hot-plug (devices/manager). Until it exists, and until this
 * figure is wired to it (unplug a simulated device, time until the manager reports it online
 * again), the row says so instead of inventing a number.
 */
export const reconnect: FigureGroup = {
  title: 'reconnect',
  rows: [reconnectTime],
  async run() {
    const reason = findModule('devices/manager')
      ? 'devices/manager exists but this figure is not wired to its hot-plug API yet'
      : 'no device manager with hot-plug (devices/manager) in the tree';
    return [notAvailable(reconnectTime, reason)];
  },
};
