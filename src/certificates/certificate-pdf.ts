import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { CertificateContent, LegacyCertificateContent } from './certificate-signature';

export interface CertificateProof {
  verifyUrl: string;
  verificationCode: string;
  keyId: string;
}

/** Noto Sans Hans (OFL), shipped as a dependency so certificates print their Chinese text. */
export const BUNDLED_CJK_FONT = join(
  dirname(require.resolve('@embedpdf/fonts-sc')),
  '..',
  'fonts',
  'NotoSansHans-Regular.otf',
);

export interface CertificatePdfOptions {
  /** Deflate content streams (default true); false leaves the drawn text readable in the bytes. */
  compress?: boolean;
  /** A TTF or OTF font with Chinese glyphs; without one, Chinese text is left out. */
  cjkFontPath?: string;
}

type FontWeight = 'regular' | 'bold';
/** The font that can draw text, or null when no registered font can. */
type FontFor = (text: string, weight?: FontWeight) => string | null;

interface Bilingual {
  en: string;
  zh: string;
}

interface DrawableLine {
  text: string;
  font: string;
  size: number;
  color: string;
}

const PAGE_MARGIN = 56;
const FRAME_INSET = 24;
const LABEL_COLUMN_WIDTH = 160;
const CELL_PADDING = 5;
const BODY_FONT_SIZE = 10;
const LABEL_FONT_SIZE = 9;
const QR_CODE_SIZE = 120;
// Caption and first row together, so a caption never ends a page on its own.
const TABLE_START_SPACE = 60;
const INK = '#1a1a1a';
const MUTED = '#666666';
const RULE = '#bbbbbb';
const CJK_FONT = 'certificate-cjk';
const LATIN_FONTS: Record<FontWeight, string> = { regular: 'Helvetica', bold: 'Helvetica-Bold' };
const PLACEHOLDER_FONT = 'Helvetica-Oblique';
const CODE_FONT = 'Courier-Bold';
const CODE_CHARACTER_SPACING = 2;
const CHINESE_ONLY_PLACEHOLDER = '(Chinese text, shown on the verification page)';
// Asia/Shanghai has been UTC+8 without DST since 1991, so a fixed offset is exact.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
// Characters outside Latin-1 that the standard fonts' WinAnsiEncoding still has.
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** An A4 certificate with a QR code of the public verify URL. */
export async function renderCertificatePdf(
  content: LegacyCertificateContent,
  proof: CertificateProof,
  options: CertificatePdfOptions = {},
): Promise<Buffer> {
  const issuedAt = new Date(content.issuedAt);
  if (Number.isNaN(issuedAt.getTime())) {
    throw new RangeError(
      `Certificate ${content.number} has an invalid issuedAt: ${content.issuedAt}`,
    );
  }
  const qrCodePng = await QRCode.toBuffer(proof.verifyUrl, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    width: QR_CODE_SIZE * 3,
  });

  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE_MARGIN,
    compress: options.compress ?? true,
    info: {
      Title: `${content.titleEn} ${content.number}`,
      Author: 'Parkline',
      CreationDate: issuedAt,
    },
  });
  const rendered = collectOutput(doc);
  const fontFor = registerFonts(doc, options.cjkFontPath);

  drawFrame(doc);
  doc.on('pageAdded', () => drawFrame(doc));
  drawHeading(doc, fontFor, content);
  drawTable(
    doc,
    fontFor,
    { en: 'Certificate details', zh: '证书信息' },
    certificateRows(content, issuedAt),
  );
  drawTable(
    doc,
    fontFor,
    { en: 'Approved particulars', zh: '核准事项' },
    Object.entries(content.particulars ?? {}).map(([name, value]) => ({
      label: name,
      value: [formatParticular(value)],
    })),
  );
  drawFooter(doc, fontFor, proof, qrCodePng);

  doc.end();
  return rendered;
}

function collectOutput(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function registerFonts(doc: PDFKit.PDFDocument, cjkFontPath: string | undefined): FontFor {
  if (cjkFontPath) doc.registerFont(CJK_FONT, cjkFontPath);
  return (text, weight = 'regular') => {
    if (isWinAnsiText(text)) return LATIN_FONTS[weight];
    return cjkFontPath ? CJK_FONT : null;
  };
}

function isWinAnsiText(text: string): boolean {
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    const printableLatin1 =
      codePoint === 0x0a ||
      (codePoint >= 0x20 && codePoint <= 0x7e) ||
      (codePoint >= 0xa0 && codePoint <= 0xff);
    if (!printableLatin1 && !WIN_ANSI_EXTRAS.has(character)) return false;
  }
  return true;
}

/** The lines some font can draw; the placeholder when none can, so nothing prints as tofu. */
function drawableLines(
  fontFor: FontFor,
  texts: string[],
  size: number,
  color: string,
): DrawableLine[] {
  const lines: DrawableLine[] = [];
  for (const text of texts) {
    const font = fontFor(text);
    if (font !== null) lines.push({ text, font, size, color });
  }
  if (lines.length > 0) return lines;
  return [{ text: CHINESE_ONLY_PLACEHOLDER, font: PLACEHOLDER_FONT, size, color: MUTED }];
}

function bilingualLines(fontFor: FontFor, label: Bilingual): string[] {
  return fontFor(label.zh) === null ? [label.en] : [label.zh, label.en];
}

function drawFrame(doc: PDFKit.PDFDocument): void {
  const { width, height } = doc.page;
  doc
    .save()
    .lineWidth(2)
    .strokeColor(INK)
    .rect(FRAME_INSET, FRAME_INSET, width - 2 * FRAME_INSET, height - 2 * FRAME_INSET)
    .stroke()
    .lineWidth(0.5)
    .rect(
      FRAME_INSET + 5,
      FRAME_INSET + 5,
      width - 2 * FRAME_INSET - 10,
      height - 2 * FRAME_INSET - 10,
    )
    .stroke()
    .restore();
}

function drawHeading(doc: PDFKit.PDFDocument, fontFor: FontFor, content: CertificateContent): void {
  const chineseTitleFont = fontFor(content.title, 'bold');
  if (chineseTitleFont !== null) {
    doc.font(chineseTitleFont).fontSize(22).fillColor(INK).text(content.title, { align: 'center' });
    doc.moveDown(0.3);
  }
  doc
    .font(fontFor(content.titleEn, 'bold') ?? LATIN_FONTS.bold)
    .fontSize(16)
    .fillColor(INK)
    .text(content.titleEn, { align: 'center' });
  doc.moveDown(0.4);
  doc
    .font(LATIN_FONTS.regular)
    .fontSize(11)
    .fillColor(MUTED)
    .text(`No. ${content.number}`, { align: 'center' });
  doc.moveDown(1.2);
}

interface TableRow {
  label: Bilingual | string;
  value: string[];
}

function certificateRows(content: LegacyCertificateContent, issuedAt: Date): TableRow[] {
  const validity =
    content.validUntil === null
      ? `From ${content.validFrom}, no expiry date`
      : `${content.validFrom} to ${content.validUntil}`;
  return [
    { label: { zh: '持证单位', en: 'Holder' }, value: [content.holder.name] },
    {
      label: { zh: '统一社会信用代码', en: 'Unified social credit code' },
      value: [content.holder.creditCode],
    },
    {
      label: { zh: '服务事项', en: 'Service' },
      value: [content.serviceName, content.serviceNameEn, content.serviceCode],
    },
    ...(content.applicationNumber
      ? [
          {
            label: { zh: '申请编号', en: 'Application number' },
            value: [content.applicationNumber],
          },
        ]
      : []),
    { label: { zh: '有效期', en: 'Validity' }, value: [validity] },
    { label: { zh: '发证部门', en: 'Issued by' }, value: [content.issuer.departmentName] },
    { label: { zh: '签发日期', en: 'Issued on' }, value: [shanghaiDate(issuedAt)] },
  ];
}

function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

function formatParticular(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

function drawTable(
  doc: PDFKit.PDFDocument,
  fontFor: FontFor,
  caption: Bilingual,
  rows: TableRow[],
): void {
  if (rows.length === 0) return;
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const valueWidth = width - LABEL_COLUMN_WIDTH - 2 * CELL_PADDING;
  const labelWidth = LABEL_COLUMN_WIDTH - 2 * CELL_PADDING;

  const captionText = fontFor(caption.zh) === null ? caption.en : `${caption.zh}  ${caption.en}`;
  ensureSpace(doc, TABLE_START_SPACE);
  doc
    .font(fontFor(captionText, 'bold') ?? LATIN_FONTS.bold)
    .fontSize(12)
    .fillColor(INK)
    .text(captionText, left, doc.y);
  doc.moveDown(0.3);
  drawRule(doc, left, doc.y, width, INK);

  for (const row of rows) {
    const labelTexts =
      typeof row.label === 'string' ? [row.label] : bilingualLines(fontFor, row.label);
    const labelLines = drawableLines(fontFor, labelTexts, LABEL_FONT_SIZE, MUTED);
    const valueLines = drawableLines(fontFor, row.value, BODY_FONT_SIZE, INK);
    const rowHeight =
      Math.max(
        heightOfLines(doc, labelLines, labelWidth),
        heightOfLines(doc, valueLines, valueWidth),
      ) +
      2 * CELL_PADDING;
    ensureSpace(doc, rowHeight);
    const top = doc.y;
    drawLines(doc, labelLines, left + CELL_PADDING, top + CELL_PADDING, labelWidth);
    drawLines(
      doc,
      valueLines,
      left + LABEL_COLUMN_WIDTH + CELL_PADDING,
      top + CELL_PADDING,
      valueWidth,
    );
    drawRule(doc, left, top + rowHeight, width, RULE);
    doc.x = left;
    doc.y = top + rowHeight;
  }
  doc.moveDown(1.5);
}

function heightOfLines(doc: PDFKit.PDFDocument, lines: DrawableLine[], width: number): number {
  return lines.reduce(
    (height, line) =>
      height + doc.font(line.font).fontSize(line.size).heightOfString(line.text, { width }),
    0,
  );
}

function drawLines(
  doc: PDFKit.PDFDocument,
  lines: DrawableLine[],
  x: number,
  y: number,
  width: number,
): void {
  let lineTop = y;
  for (const line of lines) {
    doc.font(line.font).fontSize(line.size).fillColor(line.color);
    const height = doc.heightOfString(line.text, { width });
    doc.text(line.text, x, lineTop, { width });
    lineTop += height;
  }
}

function drawRule(
  doc: PDFKit.PDFDocument,
  x: number,
  y: number,
  width: number,
  color: string,
): void {
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor(color)
    .moveTo(x, y)
    .lineTo(x + width, y)
    .stroke()
    .restore();
}

function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function drawFooter(
  doc: PDFKit.PDFDocument,
  fontFor: FontFor,
  proof: CertificateProof,
  qrCodePng: Buffer,
): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const codeLabel = bilingualLines(fontFor, { zh: '验证码', en: 'Verification code' }).join('  ');
  const urlFontSize = fittingFontSize(doc, proof.verifyUrl, LATIN_FONTS.regular, width, 9, 6);
  const codeFontSize = fittingFontSize(
    doc,
    proof.verificationCode,
    CODE_FONT,
    width - CODE_CHARACTER_SPACING * proof.verificationCode.length,
    20,
    10,
  );
  const qrLeft = left + (width - QR_CODE_SIZE) / 2;
  const items: FooterItem[] = [
    centeredText(doc, left, width, 0, {
      text: codeLabel,
      font: fontFor(codeLabel) ?? LATIN_FONTS.regular,
      size: 9,
      color: MUTED,
    }),
    centeredText(
      doc,
      left,
      width,
      2,
      { text: proof.verificationCode, font: CODE_FONT, size: codeFontSize, color: INK },
      { characterSpacing: CODE_CHARACTER_SPACING },
    ),
    {
      gapBefore: 8,
      height: QR_CODE_SIZE,
      draw: (top) => {
        doc.image(qrCodePng, qrLeft, top, { width: QR_CODE_SIZE, height: QR_CODE_SIZE });
        doc.link(qrLeft, top, QR_CODE_SIZE, QR_CODE_SIZE, proof.verifyUrl);
      },
    },
    centeredText(
      doc,
      left,
      width,
      6,
      { text: proof.verifyUrl, font: LATIN_FONTS.regular, size: urlFontSize, color: INK },
      { link: proof.verifyUrl },
    ),
    centeredText(doc, left, width, 6, {
      text: `Scan the code or open the address to check this certificate. Signed with Ed25519 key ${proof.keyId}.`,
      font: LATIN_FONTS.regular,
      size: 8,
      color: MUTED,
    }),
  ];
  const footerHeight = items.reduce((sum, item) => sum + item.gapBefore + item.height, 0);
  // Rounding must not push the last line past the bottom margin, where pdfkit would add a page.
  const footerTop = doc.page.height - doc.page.margins.bottom - footerHeight - 2;
  if (doc.y > footerTop) doc.addPage();

  let top = footerTop;
  for (const item of items) {
    top += item.gapBefore;
    item.draw(top);
    top += item.height;
  }
}

interface FooterItem {
  gapBefore: number;
  height: number;
  draw: (top: number) => void;
}

function centeredText(
  doc: PDFKit.PDFDocument,
  left: number,
  width: number,
  gapBefore: number,
  line: DrawableLine,
  options: PDFKit.Mixins.TextOptions = {},
): FooterItem {
  const textOptions = { width, align: 'center' as const, ...options };
  const height = doc.font(line.font).fontSize(line.size).heightOfString(line.text, textOptions);
  return {
    gapBefore,
    height,
    draw: (top) => {
      doc
        .font(line.font)
        .fontSize(line.size)
        .fillColor(line.color)
        .text(line.text, left, top, textOptions);
    },
  };
}

function fittingFontSize(
  doc: PDFKit.PDFDocument,
  text: string,
  font: string,
  width: number,
  preferredSize: number,
  minimumSize: number,
): number {
  doc.font(font);
  let size = preferredSize;
  while (size > minimumSize && doc.fontSize(size).widthOfString(text) > width) size -= 0.5;
  return size;
}
