/**
 * A simulated XFS4IoT BarcodeReader service: an armed BarcodeReader.Read completes with the
 * scanned code as KAL SP-Dev's Framework/Core/BarcodeReader/Completions/Read_g.cs shapes it
 * (`readOutput[{symbology, barcodeData}]`, the data in Base64).
 */
import type { CommandContext, CommandReply, SimulatedService } from '../simulated-service';

export type SimulatedSymbology = 'qr' | 'code128';

export interface BarcodeReaderServiceControl {
  /** A code held under the reader: read by the armed Read (or the next one). */
  scan(payload: string, symbology: SimulatedSymbology): Promise<void>;
}

/** The Read command's `symbologies` names (ReadOutputClass.SymbologyEnum, camelCased). */
const XFS_SYMBOLOGY: Record<SimulatedSymbology, string> = { qr: 'qrCode', code128: 'code128' };

interface WaitingRead {
  context: CommandContext;
  resolve(reply: CommandReply): void;
}

export function createBarcodeReaderService(options: { name: string }): {
  service: SimulatedService;
  control: BarcodeReaderServiceControl;
} {
  let waiting: WaitingRead | null = null;
  let held: { payload: string; symbology: SimulatedSymbology } | null = null;

  const complete = (read: WaitingRead, payload: string, symbology: SimulatedSymbology) => {
    waiting = null;
    read.resolve({
      completionCode: 'success',
      payload: {
        readOutput: [
          {
            symbology: XFS_SYMBOLOGY[symbology],
            barcodeData: Buffer.from(payload, 'utf8').toString('base64'),
          },
        ],
      },
    });
  };

  const service: SimulatedService = {
    name: options.name,
    interfaces: ['BarcodeReader'],
    status: () => ({ barcodeReader: { scanner: waiting ? 'on' : 'off' } }),
    deviceState: () => 'online',
    capabilities: () => ({
      barcodeReader: { canFilterSymbologies: true, symbologies: { qrCode: true, code128: true } },
    }),
    commands: {
      'BarcodeReader.Read': (_payload, context) =>
        new Promise<CommandReply>((resolve) => {
          const read: WaitingRead = { context, resolve };
          if (held) {
            const { payload, symbology } = held;
            held = null;
            complete(read, payload, symbology);
            return;
          }
          waiting = read;
          context.signal.addEventListener('abort', () => {
            if (waiting === read) waiting = null;
            resolve({ completionCode: context.abortCode() });
          });
        }),
    },
  };

  const control: BarcodeReaderServiceControl = {
    scan: async (payload, symbology) => {
      if (waiting) complete(waiting, payload, symbology);
      else held = { payload, symbology };
    },
  };
  return { service, control };
}
