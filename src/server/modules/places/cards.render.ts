/**
 * 便民服务连心卡: the card a household keeps by the door — who their grid workers are (A and B
 * post), the grid leader, building head, property company, the community hotline, and a QR code
 * that opens the resident app's report page for their building. Rendered as a printable HTML page
 * (A4, four cards a sheet) and as PDF with the CJK font from fonts-noto-cjk.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { AppError } from '../../platform/errors';

export const CJK_FONT_FILE = process.env.TONGXIN_CJK_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_FONT_NAME = 'NotoSansCJKsc-Regular';

export interface CardPerson {
  name: string;
  phone: string | null;
}

export interface CardContent {
  communityName: string;
  communityPhone: string | null;
  address: string;
  gridName: string | null;
  primary: CardPerson | null;
  backup: CardPerson | null;
  leader: CardPerson | null;
  buildingHead: string | null;
  property: CardPerson | null;
  reportUrl: string;
  codes: { residentName: string; username: string; code: string }[];
}

const t = {
  title: '便民服务连心卡',
  address: '住址',
  grid: '网格',
  primary: 'A岗网格员',
  backup: 'B岗网格员',
  leader: '网格长',
  buildingHead: '楼栋长',
  property: '物业服务',
  hotline: '社区服务热线',
  scan: '扫码反映问题、随手拍，网格员第一时间处理',
  codes: '居民“同心”账号激活（首次登录设置密码）',
  username: '用户名',
  code: '激活码',
  hint: '使用浏览器的打印功能（Ctrl+P）打印，A4 纸每页四张。',
};

function lines(c: CardContent): Array<[string, string]> {
  const person = (p: CardPerson | null) => (p ? [p.name, p.phone].filter(Boolean).join('  ') : '—');
  return [
    [t.address, c.address],
    [t.grid, c.gridName ?? '—'],
    [t.primary, person(c.primary)],
    [t.backup, person(c.backup)],
    [t.leader, person(c.leader)],
    [t.buildingHead, c.buildingHead ?? '—'],
    [t.property, person(c.property)],
    [t.hotline, c.communityPhone ?? '—'],
  ];
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const css = `
@page { size: A4; margin: 8mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #222; background: #f3f3f3; }
.hint { padding: 8px 12px; font-size: 13px; color: #555; }
.sheet { width: 194mm; margin: 0 auto 8mm; display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; break-after: page; }
.sheet:last-child { break-after: auto; }
.card { height: 136mm; border: 1px solid #b71c1c; border-radius: 3mm; background: #fff; overflow: hidden; break-inside: avoid; display: flex; flex-direction: column; }
.card header { background: #b71c1c; color: #fff; padding: 3mm 4mm; }
.card header h1 { margin: 0; font-size: 16pt; letter-spacing: 2px; }
.card header p { margin: 1mm 0 0; font-size: 10pt; }
.card dl { margin: 2mm 4mm; display: grid; grid-template-columns: auto 1fr; gap: 1.2mm 3mm; font-size: 9.5pt; }
.card dt { color: #b71c1c; white-space: nowrap; }
.card dd { margin: 0; }
.card .qr { display: flex; align-items: center; gap: 3mm; margin: auto 4mm 2mm; font-size: 8.5pt; color: #555; }
.card .qr svg { width: 24mm; height: 24mm; flex: none; }
.card .codes { border-top: 1px dashed #b71c1c; margin: 0 4mm 3mm; padding-top: 1.5mm; font-size: 8.5pt; }
.card .codes b { font-family: monospace; font-size: 10pt; letter-spacing: 1px; }
@media print { body { background: #fff; } .hint { display: none; } .sheet { margin: 0; } }
`;

async function cardHtml(c: CardContent): Promise<string> {
  const qr = await QRCode.toString(c.reportUrl, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
  const codes = c.codes.length
    ? `<div class="codes">${esc(t.codes)}${c.codes.map((k) => `<div>${esc(k.residentName)}　${esc(t.username)} <b>${esc(k.username)}</b>　${esc(t.code)} <b>${esc(k.code)}</b></div>`).join('')}</div>`
    : '';
  return `<section class="card"><header><h1>${esc(t.title)}</h1><p>${esc(c.communityName)}</p></header>
<dl>${lines(c).map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
<div class="qr">${qr}<span>${esc(t.scan)}</span></div>${codes}</section>`;
}

export async function renderCardsHtml(cards: CardContent[], title: string): Promise<string> {
  const sheets: string[] = [];
  for (let i = 0; i < cards.length; i += 4) sheets.push(`<div class="sheet">${(await Promise.all(cards.slice(i, i + 4).map(cardHtml))).join('')}</div>`);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${css}</style></head>
<body><div class="hint">${esc(t.hint)}</div>${sheets.join('')}</body></html>`;
}

export async function renderCardsPdf(cards: CardContent[], title: string): Promise<Buffer> {
  if (!existsSync(CJK_FONT_FILE)) throw new AppError('pdf_font_missing', { font: CJK_FONT_FILE, install: 'apt-get install fonts-noto-cjk' });
  const doc = new PDFDocument({ size: 'A4', margin: 20, autoFirstPage: false, info: { Title: title } });
  doc.registerFont('cjk', CJK_FONT_FILE, CJK_FONT_NAME);
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const gap = 14;
  for (let i = 0; i < cards.length; i++) {
    if (i % 4 === 0) doc.addPage();
    const w = (doc.page.width - 3 * gap) / 2;
    const h = (doc.page.height - 3 * gap) / 2;
    const x = gap + (i % 2) * (w + gap);
    const y = gap + (Math.floor(i / 2) % 2) * (h + gap);
    await drawCard(doc, cards[i]!, x, y, w, h);
  }
  if (cards.length === 0) doc.addPage();
  doc.end();
  return done;
}

async function drawCard(doc: PDFKit.PDFDocument, c: CardContent, x: number, y: number, w: number, h: number) {
  doc.lineWidth(1).strokeColor('#b71c1c').roundedRect(x, y, w, h, 8).stroke();
  doc.fillColor('#b71c1c').roundedRect(x, y, w, 52, 8).fill().rect(x, y + 40, w, 12).fill();
  doc.font('cjk').fillColor('#ffffff').fontSize(17).text(t.title, x + 12, y + 8, { width: w - 24 });
  doc.fontSize(10).text(c.communityName, x + 12, y + 31, { width: w - 24 });
  let ty = y + 62;
  for (const [k, v] of lines(c)) {
    doc.fillColor('#b71c1c').fontSize(9.5).text(k, x + 12, ty, { width: 70 });
    doc.fillColor('#222222').text(v, x + 84, ty, { width: w - 96 });
    ty = Math.max(doc.y, ty + 14) + 3;
  }
  const qr = await QRCode.toBuffer(c.reportUrl, { margin: 0, width: 200, errorCorrectionLevel: 'M' });
  const qy = y + h - (c.codes.length ? 100 + 12 * c.codes.length : 90);
  doc.image(qr, x + 12, qy, { width: 66 });
  doc.fillColor('#555555').fontSize(8.5).text(t.scan, x + 88, qy + 20, { width: w - 100 });
  if (c.codes.length) {
    let cy = qy + 74;
    doc.fillColor('#b71c1c').fontSize(8.5).text(t.codes, x + 12, cy, { width: w - 24 });
    for (const k of c.codes) {
      cy += 12;
      doc.fillColor('#222222').text(`${k.residentName}  ${t.username} ${k.username}  ${t.code} ${k.code}`, x + 12, cy, { width: w - 24 });
    }
  }
}
