/**
 * Writes an HTML preview of a sample balance receipt as the simulated printer decoded it:
 * `npx tsx simulators/printer/preview-balance-receipt.ts [out.html] [id|en] [columns]`.
 */
import { writeFile } from 'node:fs/promises';
import { composeBalanceReceipt } from '../../core/receipt/compose-balance-receipt';
import { encodeJobToEscPos } from '../../devices/printer/escpos-job-encoder';
import { createPrinterSimulator } from './printer-simulator';
import { SAMPLE_SUMMARY } from './test-fixtures';

const [out = 'receipt-preview.html', language = 'id', columnsArg = '42'] = process.argv.slice(2);
const columns = Number(columnsArg);
const job = composeBalanceReceipt({
  summary: SAMPLE_SUMMARY,
  terminalId: 'KSK01',
  reference: 'KSK01-20261122-0042',
  printedAt: new Date(),
  language: language === 'en' ? 'en' : 'id',
  columns,
});
const bytes = encodeJobToEscPos(job, { columns });
const sim = createPrinterSimulator({ columns });
sim.receive(bytes);
await writeFile(out, sim.renderHtml());
console.log(`${bytes.length} bytes -> ${out}`);
