export { CardReaderSimulator, type CardReaderSimulatorOptions } from './card-reader-simulator';
export { SimulatedHidBus } from './simulated-hid-device';
export type { DeviceLink } from './device-link';
export * from './test-cards';
export { encodeTrack1, encodeTrack2, corruptLrc } from './track-encoding';
