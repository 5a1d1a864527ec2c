import { IN_SERVICE, type ServiceStatus, type ServiceStatusSource } from '../common/service-status';

/** A service status the test sets by hand, told to its listeners like the monitor does. */
export class FakeService implements ServiceStatusSource {
  private current: ServiceStatus = IN_SERVICE;
  private readonly listeners = new Set<(status: ServiceStatus) => void>();

  status(): ServiceStatus {
    return this.current;
  }

  onChange(listener: (status: ServiceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  set(status: Partial<ServiceStatus>): void {
    this.current = { ...this.current, ...status };
    for (const listener of this.listeners) listener(this.current);
  }

  get listening(): number {
    return this.listeners.size;
  }
}
