import { afterEach } from 'vitest';
import type { DeviceClass } from '../../../devices/common/device';
import type { DeviceOfClass, DriverDefinition } from '../../../devices/drivers/driver-definition';
import { Xfs4IoTServiceLink } from '../../../devices/xfs4iot/service-link';
import { startSimulatedPublisher, type SimulatedPublisher } from '../publisher';
import type { SimulatedService } from '../simulated-service';

/**
 * A registry driver created over a service link to one simulated service behind a publisher on
 * 127.0.0.1, as a test file's `start()` wants it; closed after each test.
 */
export function driverOnService<K extends DeviceClass>(
  driver: DriverDefinition<K>,
): (
  service: SimulatedService,
  fields?: Record<string, unknown>,
) => Promise<{ publisher: SimulatedPublisher; device: DeviceOfClass[K] }> {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return async (service, fields = {}) => {
    const publisher = await startSimulatedPublisher({ services: [service] });
    cleanups.push(() => publisher.close());
    const config = driver.config.parse({
      driver: driver.name,
      transport: {
        type: 'xfs4iot',
        host: '127.0.0.1',
        port: publisher.port,
        service: service.name,
      },
      ...fields,
    });
    const link = new Xfs4IoTServiceLink({
      host: '127.0.0.1',
      port: publisher.port,
      secure: false,
      service: service.name,
      connectTimeoutMs: 1000,
    });
    const device = driver.create(link, config, { answerTimeoutMs: 1000, pollIntervalMs: 0 });
    cleanups.push(() => device.close());
    return { publisher, device };
  };
}
