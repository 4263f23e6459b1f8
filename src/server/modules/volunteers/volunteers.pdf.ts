/**
 * The printable certificate (志愿服务证明): A4 landscape, CJK font from Debian's fonts-noto-cjk,
 * a QR code of the public verification URL and the verification code in clear.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { AppError } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';

export const CJK_FONT_FILE = process.env.TONGXIN_CJK_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const CJK_FONT_NAME = 'NotoSansCJKsc-Regular';

export interface CertificateContent {
  name: string;
  hours: number;
  activityCount: number;
  starLevel: number;
  communityName: string;
  issuedOn: string;
  code: string;
  verifyUrl: string;
  locale: Locale;
}

const texts = {
  'zh-CN': {
    title: '志愿服务证明',
    body: (c: CertificateContent) => `兹证明 ${c.name} 同志在${c.communityName}参加志愿服务活动 ${c.activityCount} 次，经组织方确认的志愿服务时长累计 ${c.hours} 小时${c.starLevel > 0 ? `，为${c.starLevel}星级志愿者` : ''}。`,
    thanks: '特发此证，感谢您的奉献！',
    issuer: (c: CertificateContent) => `${c.communityName}（盖章）`,
    date: (c: CertificateContent) => `签发日期：${c.issuedOn}`,
    verify: (c: CertificateContent) => `验证码：${c.code}  扫码或访问以下地址核验：`,
  },
  'en-US': {
    title: 'Certificate of Volunteer Service',
    body: (c: CertificateContent) => `This certifies that ${c.name} took part in ${c.activityCount} volunteer activities of ${c.communityName}, with ${c.hours} service hours confirmed by the organizers${c.starLevel > 0 ? `, and is a ${c.starLevel}-star volunteer` : ''}.`,
    thanks: 'With thanks for your service.',
    issuer: (c: CertificateContent) => c.communityName,
    date: (c: CertificateContent) => `Issued on ${c.issuedOn}`,
    verify: (c: CertificateContent) => `Verification code: ${c.code}. Scan or visit:`,
  },
} as const;

export async function renderCertificate(c: CertificateContent): Promise<Buffer> {
  if (!existsSync(CJK_FONT_FILE)) {
    // Without a CJK font pdfkit would print empty boxes for every Chinese character.
    throw new AppError('pdf_font_missing', { font: CJK_FONT_FILE, install: 'apt-get install fonts-noto-cjk' });
  }
  const t = texts[c.locale];
  const qr = await QRCode.toBuffer(c.verifyUrl, { margin: 1, width: 220, errorCorrectionLevel: 'M' });
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 50, info: { Title: t.title, Author: c.communityName } });
  doc.registerFont('cjk', CJK_FONT_FILE, CJK_FONT_NAME);
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const { width, height } = doc.page;
  doc.lineWidth(6).strokeColor('#b71c1c').rect(24, 24, width - 48, height - 48).stroke();
  doc.lineWidth(1.5).strokeColor('#d4a017').rect(36, 36, width - 72, height - 72).stroke();
  doc.font('cjk').fillColor('#b71c1c').fontSize(40).text(t.title, 0, 90, { align: 'center', width });
  if (c.starLevel > 0) doc.fillColor('#d4a017').fontSize(26).text('★'.repeat(c.starLevel), 0, 145, { align: 'center', width });
  doc.fillColor('#222').fontSize(20).text(t.body(c), 110, 200, { width: width - 220, lineGap: 12 });
  doc.fontSize(18).text(t.thanks, 110, doc.y + 24, { width: width - 220 });
  doc.fontSize(16).text(t.issuer(c), width - 420, height - 190, { width: 300, align: 'right' });
  doc.text(t.date(c), width - 420, height - 160, { width: 300, align: 'right' });
  doc.image(qr, 110, height - 230, { width: 110 });
  doc.fontSize(11).fillColor('#555').text(t.verify(c), 235, height - 200, { width: 300 });
  doc.text(c.verifyUrl, 235, height - 165, { width: 330 });
  doc.end();
  return done;
}
