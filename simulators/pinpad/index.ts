export { PinPadSimulator, TEST_KEYS } from './pinpad-simulator';
export type { PinPadSimulatorOptions } from './pinpad-simulator';
export { createMockSerialLink } from './mock-serial-link';
export type { MockSerialLink } from './mock-serial-link';
export { recoverPin } from './host-pin-decryptor';
