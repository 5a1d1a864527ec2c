export { createTransport, describeTransport, portCanChange } from '../transports/transport-kinds';
export { hidTarget } from '../transports/kinds/hid';
