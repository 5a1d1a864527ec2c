import type { Transport } from '../common/transport';
import { HidTransport, type HidTarget } from '../transports/hid-transport';
import { SerialTransport } from '../transports/serial-transport';
import { TcpTransport } from '../transports/tcp-transport';
import type { HidTransportConfig, TransportConfig } from './device-config';

export function hidTarget(config: HidTransportConfig): HidTarget {
  return config.path !== undefined
    ? { path: config.path }
    : { vendorId: config.vendorId!, productId: config.productId! };
}

/** The real transport a config entry describes. */
export function createTransport(config: TransportConfig): Transport {
  switch (config.type) {
    case 'serial':
      return new SerialTransport({
        path: config.path,
        baudRate: config.baudRate,
        dataBits: config.dataBits,
        parity: config.parity,
        rtscts: config.rtscts,
      });
    case 'tcp':
      return new TcpTransport({ host: config.host, port: config.port, connectTimeoutMs: 1500 });
    case 'hid':
      return new HidTransport({ target: hidTarget(config) });
  }
}
