import QRCode from 'qrcode';
import { measured, type RowSpec } from '../lib/figure';
import { loadHostSimulator, loadPrinter, loadReceipt } from '../lib/kiosk-parts';
import { estimateRaster, serialSeconds } from '../lib/raster-estimate';
import type { FigureGroup } from './figure-group';

const escposBytes: RowSpec = {
  id: 'receipt.escposBytes',
  label: 'Balance receipt, ESC/POS',
  unit: 'bytes',
  budget: 1024,
};
const escpos9600: RowSpec = {
  id: 'receipt.escpos9600',
  label: '  ESC/POS send time at 9,600 baud',
  unit: 'ms',
};
const escpos115200: RowSpec = {
  id: 'receipt.escpos115200',
  label: '  ESC/POS send time at 115,200 baud',
  unit: 'ms',
};
const rasterBytes: RowSpec = {
  id: 'receipt.rasterBytes',
  label: '  same receipt as a 576-dot raster (GS v 0)',
  unit: 'bytes',
};
const raster9600: RowSpec = {
  id: 'receipt.raster9600',
  label: '  raster send time at 9,600 baud',
  unit: 'ms',
};
const raster115200: RowSpec = {
  id: 'receipt.raster115200',
  label: '  raster send time at 115,200 baud',
  unit: 'ms',
};

/** A fixed receipt: the simulator's "active" participant, a fixed time and reference. */
const PRINTED_AT = new Date('2026-11-02T03:04:05Z');
const TERMINAL = 'KSK-DEV-01';

export const receipt: FigureGroup = {
  title: 'receipt',
  rows: [escposBytes, escpos9600, escpos115200, rasterBytes, raster9600, raster115200],
  async run({ progress }) {
    const { composeBalanceReceipt, newReceiptReference } = await loadReceipt();
    const { encodeJobToEscPos, DEFAULT_ENCODING } = await loadPrinter();
    const { FIXTURES, findParticipant } = await loadHostSimulator();
    const summary = findParticipant(FIXTURES.active.kpj)!.summary;
    const job = composeBalanceReceipt({
      summary,
      terminalId: TERMINAL,
      reference: newReceiptReference(TERMINAL, PRINTED_AT, 1),
      printedAt: PRINTED_AT,
      language: 'id',
      columns: DEFAULT_ENCODING.columns,
    });
    const bytes = encodeJobToEscPos(job).length;
    const raster = estimateRaster(job, {
      columns: DEFAULT_ENCODING.columns,
      feedBeforeCut: DEFAULT_ENCODING.feedBeforeCut,
      qrModules: (payload) => QRCode.create(payload, { errorCorrectionLevel: 'M' }).modules.size,
    });
    const ms = (n: number, baud: number) => serialSeconds(n, baud) * 1000;
    const ratio = raster.bytes / bytes;
    progress(
      `receipt: ESC/POS ${bytes} bytes, raster ${raster.bytes} bytes (${ratio.toFixed(0)}x)`,
    );
    return [
      measured(
        escposBytes,
        [bytes],
        `${DEFAULT_ENCODING.printerModel}, ${DEFAULT_ENCODING.columns} columns, native QR`,
      ),
      measured(escpos9600, [ms(bytes, 9600)], '8N1: 10 bits per byte'),
      measured(escpos115200, [ms(bytes, 115200)]),
      measured(
        rasterBytes,
        [raster.bytes],
        `${ratio.toFixed(0)}x ESC/POS; ${raster.textLines} lines x 24 dots + QR ${raster.qrDots} dots = ${raster.heightDots} dots x 72 bytes`,
      ),
      measured(raster9600, [ms(raster.bytes, 9600)]),
      measured(raster115200, [ms(raster.bytes, 115200)]),
    ];
  },
};
