import { z } from 'zod';
import { requiredString } from '../../common/config-fields';
import { withoutControlCharacters } from '../../common/control-free-path';
import { DeviceFileTransport } from '../device-file-transport';
import { defineTransportKind } from './transport-kind';

/** A character device opened as a file and read and written: `/dev/usb/lp0` (usblp). */
export const DeviceFileTransportConfig = z
  .object({
    type: z.literal('device-file'),
    path: withoutControlCharacters(requiredString()),
  })
  .strict();
export type DeviceFileTransportConfig = z.infer<typeof DeviceFileTransportConfig>;

export const deviceFileKind = defineTransportKind<DeviceFileTransportConfig>({
  type: 'device-file',
  schema: DeviceFileTransportConfig,
  create: (config) => new DeviceFileTransport({ path: config.path }),
  describe: (config) => `file ${config.path}`,
  // Port setup lists serial and HID ports, not device files: the path is set in the config file.
  movable: false,
});
