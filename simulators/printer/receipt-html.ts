import QRCode from 'qrcode';
import type { PrintedItem, PrintedReceipt } from './receipt-model';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function qrSvg(payload: string): string {
  const { size, data } = QRCode.create(payload || ' ', { errorCorrectionLevel: 'M' }).modules;
  const cells: string[] = [];
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++)
      if (data[row * size + col]) cells.push(`M${col + 4} ${row + 4}h1v1h-1z`);
  const box = size + 8;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${box} ${box}" width="${box * 4}" height="${box * 4}" role="img" aria-label="QR code"><rect width="${box}" height="${box}" fill="#fff"/><path d="${cells.join('')}" fill="#000"/></svg>`;
}

function itemHtml(item: PrintedItem): string {
  if (item.kind === 'qr')
    return `<div class="qr ${item.align}" data-payload="${escapeHtml(item.payload)}">${qrSvg(item.payload)}</div>`;
  const runs = item.runs
    .map((run) => {
      const classes = [run.bold ? 'b' : '', run.width > 1 || run.height > 1 ? 'dbl' : ''].filter(
        Boolean,
      );
      const body = escapeHtml(run.text);
      return classes.length ? `<span class="${classes.join(' ')}">${body}</span>` : body;
    })
    .join('');
  return `<div class="line">${runs || '&nbsp;'}</div>`;
}

/** A receipt-like preview: monospace, paper width in characters, QR codes drawn as SVG. */
export function renderReceiptsHtml(receipts: PrintedReceipt[], columns = 42): string {
  const paper = receipts
    .map(
      (receipt) =>
        `<section class="paper">${receipt.items.map(itemHtml).join('\n')}${
          receipt.cut ? `<div class="cut">✂ ${receipt.cut} cut</div>` : ''
        }</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Receipt preview</title>
<style>
body{background:#ddd;margin:0;padding:16px;font-family:"DejaVu Sans Mono",Consolas,monospace}
.paper{background:#fffef8;width:${columns}ch;padding:12px 10px;margin:0 auto 16px;box-shadow:0 1px 4px #0004;font-size:13px;line-height:1.3}
.line{white-space:pre;overflow:hidden}
.b{font-weight:bold}.dbl{font-size:2em;line-height:1.1}
.qr{margin:6px 0}.qr.center{text-align:center}.qr.right{text-align:right}
.cut{border-top:1px dashed #999;margin-top:8px;color:#999;font-size:10px;text-align:center}
</style></head><body>
${paper}
</body></html>`;
}
