export * from './device-config';
export * from './device-snapshot';
export {
  DeviceManager,
  startDeviceManager,
  type DeviceManagerOptions,
  type ManagedPrinter,
} from './device-manager';
export { ManagedDevice, type DeviceHandle, type ReconnectTimings } from './managed-device';
export { createTransport, describeTransport, portCanChange } from '../transports/transport-kinds';
export * from './discovery';
