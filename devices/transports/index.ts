export { MemoryTransport, createMemoryTransportPair } from './memory-transport';
export { SerialTransport, type SerialTransportOptions } from './serial-transport';
export { TcpTransport, type TcpTransportOptions } from './tcp-transport';
