import { SCANNER_COUNTERS } from '../../scanner/scanner-findings';
import { defineDriver } from '../driver-definition';
import { deviceEntrySchema } from '../entry-schema';
import { Xfs4IoTBarcodeReader } from './xfs4iot-barcode-reader';

/** A barcode reader on an ATM served over XFS4IoT (BarcodeReader interface, QR and Code 128). */
export const xfs4iotBarcodeReaderDriver = defineDriver({
  deviceClass: 'scanner',
  name: 'xfs4iot-barcode-reader',
  summary: 'XFS4IoT BarcodeReader service: KPJ codes in QR and Code 128 by BarcodeReader.Read',
  transports: ['xfs4iot'],
  config: deviceEntrySchema('xfs4iot-barcode-reader', [], ['xfs4iot'], {}),
  create: (transport, _config, context) =>
    new Xfs4IoTBarcodeReader({ transport, answerTimeoutMs: context.answerTimeoutMs }),
  diagnostics: {
    counters: SCANNER_COUNTERS,
    detail: (reader) => `scanner ${reader.scannerState}, ${reader.serviceUri}`,
    assess: (reader) => ({
      problems:
        reader.scannerState === 'inoperative' ? ['the barcode reader says it is inoperative'] : [],
      notes: [],
    }),
  },
  discovery: {
    hint: "an ATM's XFS4IoT service publisher: ws://<terminal>:80 or 5846-5856 /xfs4iot/v1.0",
  },
});
