import { formatDateTime, DEFAULT_TIME_ZONE } from '../common/domain/format';
import { job, type PrintElement, type PrintJob } from '../../devices/printer/print-job';
import { timeZoneLabel } from '../common/domain/time-zone-label';
import { ORGANISATION } from './receipt-texts';

export interface TestPageInfo {
  terminalId: string;
  printedAt: Date;
  /** Characters per line the printer is configured for: the ruler shows whether it fits. */
  columns: number;
  printerDescription?: string;
  softwareVersion?: string;
  timeZone?: string;
}

/** A technician's test page: width ruler, styles, alignment, QR and cut, no personal data. */
export function composeTestPage(info: TestPageInfo): PrintJob {
  const timeZone = info.timeZone ?? DEFAULT_TIME_ZONE;
  const columns = Math.max(info.columns, 10);
  const ruler = Array.from({ length: columns }, (_, i) => String((i + 1) % 10)).join('');
  const elements: PrintElement[] = [
    job.text(ORGANISATION, { bold: true, align: 'center' }),
    job.text('TEST PAGE / HALAMAN UJI', { bold: true, size: 'double', align: 'center' }),
    job.rule('double'),
    job.keyValue('Terminal', info.terminalId),
    job.keyValue(
      'Printed',
      `${formatDateTime(info.printedAt, timeZone)} ${timeZoneLabel(timeZone, info.printedAt)}`,
    ),
    job.keyValue('Columns', String(columns)),
  ];
  if (info.printerDescription) elements.push(job.keyValue('Printer', info.printerDescription));
  if (info.softwareVersion) elements.push(job.keyValue('Software', info.softwareVersion));
  elements.push(
    job.rule(),
    job.text(ruler),
    job.text('Normal text'),
    job.text('Bold text', { bold: true }),
    job.text('Double size', { size: 'double' }),
    job.text('Left', { align: 'left' }),
    job.text('Center', { align: 'center' }),
    job.text('Right', { align: 'right' }),
    job.keyValue('Label', 'Value'),
    job.rule(),
    job.qr(`TEST-${info.terminalId}`),
    job.text('QR: TEST-' + info.terminalId, { align: 'center' }),
    job.cut(),
  );
  return { name: 'test-page', elements };
}
