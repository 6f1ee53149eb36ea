import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { BilingualText, CertificateParticular } from './certificate-particulars';
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

interface DrawableLine {
  text: string;
  font: string;
  size: number;
  color: string;
}

const PAGE_MARGIN = 48;
const FRAME_INSET = 24;
const LABEL_COLUMN_WIDTH = 150;
const CELL_PADDING = 4;
const BODY_FONT_SIZE = 10;
const LABEL_FONT_SIZE = 9;
const LABEL_EN_FONT_SIZE = 7.5;
const QR_CODE_SIZE = 100;
const QR_GAP = 14;
const BLOCK_GAP = 14;
/**
 * Everything is drawn at the largest of these scales at which the certificate fits its page;
 * only particulars beyond any realistic form continue on a second page at the smallest.
 */
const SCALES = [1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7];
const INK = '#1a1a1a';
const MUTED = '#666666';
const RULE = '#bbbbbb';
const CJK_FONT = 'certificate-cjk';
const LATIN_FONTS: Record<FontWeight, string> = { regular: 'Helvetica', bold: 'Helvetica-Bold' };
const PLACEHOLDER_FONT = 'Helvetica-Oblique';
const CODE_FONT = 'Courier-Bold';
const CODE_CHARACTER_SPACING = 1;
const CHINESE_ONLY_PLACEHOLDER = '(Chinese text, shown on the verification page)';
// Asia/Shanghai has been UTC+8 without DST since 1991, so a fixed offset is exact.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
// Characters outside Latin-1 that the standard fonts' WinAnsiEncoding still has.
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * An A4 certificate: heading, the certificate's details, the approved particulars (labelled as
 * the service's form names them, in Chinese and English) and, at the foot of the page, the QR
 * code of the public verify URL with the verification code.
 */
export async function renderCertificatePdf(
  content: LegacyCertificateContent,
  particulars: CertificateParticular[],
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
  const sheet: Sheet = {
    doc,
    fontFor,
    left: doc.page.margins.left,
    width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
    top: doc.page.margins.top,
    bottom: doc.page.height - doc.page.margins.bottom,
  };
  const blocksAt = (scale: number): Block[] => [
    headingBlock(sheet, content, scale),
    tableBlock(
      sheet,
      { zh: '证书信息', en: 'Certificate details' },
      certificateRows(content, issuedAt),
      scale,
    ),
    tableBlock(
      sheet,
      { zh: '核准事项', en: 'Approved particulars' },
      particulars.map(({ label, value }) => ({
        label,
        value: value.zh === value.en ? [value.zh] : [value.zh, value.en],
      })),
      scale,
    ),
    footerBlock(sheet, proof, qrCodePng, scale),
  ];
  const [heading, details, approved, footer] = largestFitting(blocksAt, sheet.bottom - sheet.top);

  drawFrame(doc);
  doc.on('pageAdded', () => drawFrame(doc));
  const tablesEnd = approved.draw(details.draw(heading.draw(sheet.top)));
  if (tablesEnd + footer.height > sheet.bottom) doc.addPage();
  // The verification block sits at the foot of the page, however much the tables above hold.
  footer.draw(sheet.bottom - footer.height);

  doc.end();
  return rendered;
}

/** The page's writable area, and what draws on it. */
interface Sheet {
  doc: PDFKit.PDFDocument;
  fontFor: FontFor;
  left: number;
  width: number;
  top: number;
  bottom: number;
}

/** A part of the certificate: its height on one page, and a drawing that returns where it ends. */
interface Block {
  height: number;
  draw: (top: number) => number;
}

/** The blocks at the largest scale at which they fit the page, else at the smallest. */
function largestFitting(blocksAt: (scale: number) => Block[], pageHeight: number): Block[] {
  let blocks: Block[] = [];
  for (const scale of SCALES) {
    blocks = blocksAt(scale);
    if (blocks.reduce((sum, block) => sum + block.height, 0) <= pageHeight) break;
  }
  return blocks;
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

/** A label: Chinese above, English below in a smaller size; English alone without a CJK font. */
function labelLines(fontFor: FontFor, label: BilingualText, scale: number): DrawableLine[] {
  const english = {
    text: label.en,
    font: fontFor(label.en) ?? PLACEHOLDER_FONT,
    size: LABEL_EN_FONT_SIZE * scale,
    color: MUTED,
  };
  const chineseFont = fontFor(label.zh);
  if (chineseFont === null) return [{ ...english, size: LABEL_FONT_SIZE * scale }];
  return [
    { text: label.zh, font: chineseFont, size: LABEL_FONT_SIZE * scale, color: INK },
    english,
  ];
}

function bilingualText(fontFor: FontFor, label: BilingualText): string {
  return fontFor(label.zh) === null ? label.en : `${label.zh}  ${label.en}`;
}

function heightOfLines(
  doc: PDFKit.PDFDocument,
  lines: DrawableLine[],
  width: number,
  options: PDFKit.Mixins.TextOptions = {},
): number {
  return lines.reduce(
    (height, line) =>
      height +
      doc
        .font(line.font)
        .fontSize(line.size)
        .heightOfString(line.text, { width, ...options }),
    0,
  );
}

/** Draws lines one under another from `top`; returns where the last one ends. */
function drawLines(
  doc: PDFKit.PDFDocument,
  lines: DrawableLine[],
  x: number,
  top: number,
  width: number,
  options: PDFKit.Mixins.TextOptions = {},
): number {
  let lineTop = top;
  for (const line of lines) {
    const textOptions = { width, ...options };
    doc.font(line.font).fontSize(line.size).fillColor(line.color);
    const height = doc.heightOfString(line.text, textOptions);
    doc.text(line.text, x, lineTop, textOptions);
    lineTop += height;
  }
  return lineTop;
}

function drawRule(doc: PDFKit.PDFDocument, x: number, y: number, width: number, color: string) {
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor(color)
    .moveTo(x, y)
    .lineTo(x + width, y)
    .stroke()
    .restore();
}

function headingBlock(sheet: Sheet, content: CertificateContent, scale: number): Block {
  const { doc, fontFor, left, width } = sheet;
  const chineseFont = fontFor(content.title, 'bold');
  const lines: DrawableLine[] = [
    ...(chineseFont === null
      ? []
      : [{ text: content.title, font: chineseFont, size: 20 * scale, color: INK }]),
    {
      text: content.titleEn,
      font: fontFor(content.titleEn, 'bold') ?? LATIN_FONTS.bold,
      size: 14 * scale,
      color: INK,
    },
    { text: `No. ${content.number}`, font: LATIN_FONTS.regular, size: 10 * scale, color: MUTED },
  ];
  const centred = { align: 'center' as const, paragraphGap: 4 * scale };
  return {
    height: heightOfLines(doc, lines, width, centred) + BLOCK_GAP * scale,
    draw: (top) => drawLines(doc, lines, left, top, width, centred) + BLOCK_GAP * scale,
  };
}

function tableBlock(sheet: Sheet, caption: BilingualText, rows: TableRow[], scale: number): Block {
  const { doc, fontFor, left, width } = sheet;
  if (rows.length === 0) return { height: 0, draw: (top) => top };
  const padding = CELL_PADDING * scale;
  const labelWidth = LABEL_COLUMN_WIDTH - 2 * padding;
  const valueWidth = width - LABEL_COLUMN_WIDTH - 2 * padding;
  const captionText = bilingualText(fontFor, caption);
  const captionLine: DrawableLine = {
    text: captionText,
    font: fontFor(captionText, 'bold') ?? LATIN_FONTS.bold,
    size: 11 * scale,
    color: INK,
  };
  const captionHeight = heightOfLines(doc, [captionLine], width) + 3 * scale;
  const cells = rows.map((row) => {
    const label = labelLines(fontFor, row.label, scale);
    const value = drawableLines(fontFor, row.value, BODY_FONT_SIZE * scale, INK);
    const height =
      Math.max(heightOfLines(doc, label, labelWidth), heightOfLines(doc, value, valueWidth)) +
      2 * padding;
    return { label, value, height };
  });
  return {
    height: captionHeight + cells.reduce((sum, cell) => sum + cell.height, 0) + BLOCK_GAP * scale,
    draw: (top) => {
      let y = drawLines(doc, [captionLine], left, top, width) + 3 * scale;
      drawRule(doc, left, y, width, INK);
      for (const cell of cells) {
        // Only particulars beyond any realistic form get here.
        if (y + cell.height > sheet.bottom) {
          doc.addPage();
          y = sheet.top;
        }
        drawLines(doc, cell.label, left + padding, y + padding, labelWidth);
        drawLines(doc, cell.value, left + LABEL_COLUMN_WIDTH + padding, y + padding, valueWidth);
        y += cell.height;
        drawRule(doc, left, y, width, RULE);
      }
      return y + BLOCK_GAP * scale;
    },
  };
}

/** The QR code at the left; the verification code, the address and what they are for beside it. */
function footerBlock(
  sheet: Sheet,
  proof: CertificateProof,
  qrCodePng: Buffer,
  scale: number,
): Block {
  const { doc, fontFor, left, width } = sheet;
  const qrSize = QR_CODE_SIZE * scale;
  const textLeft = left + qrSize + QR_GAP * scale;
  const textWidth = width - qrSize - QR_GAP * scale;
  const codeLabel = bilingualText(fontFor, { zh: '验证码', en: 'Verification code' });
  const codeSize = fittingFontSize(
    doc,
    proof.verificationCode,
    CODE_FONT,
    textWidth - CODE_CHARACTER_SPACING * proof.verificationCode.length,
    16 * scale,
    8,
  );
  const urlSize = fittingFontSize(
    doc,
    proof.verifyUrl,
    LATIN_FONTS.regular,
    textWidth,
    8 * scale,
    6,
  );
  const howTo = bilingualText(fontFor, {
    zh: '扫描二维码或打开上述地址，核验本证书的真实性与状态。',
    en: `Scan the code or open the address to check this certificate. Signed with Ed25519 key ${proof.keyId}.`,
  });
  const items: { line: DrawableLine; options?: PDFKit.Mixins.TextOptions; gap: number }[] = [
    {
      line: {
        text: codeLabel,
        font: fontFor(codeLabel) ?? LATIN_FONTS.regular,
        size: 8.5 * scale,
        color: MUTED,
      },
      gap: 0,
    },
    {
      line: { text: proof.verificationCode, font: CODE_FONT, size: codeSize, color: INK },
      options: { characterSpacing: CODE_CHARACTER_SPACING },
      gap: 2 * scale,
    },
    {
      line: { text: proof.verifyUrl, font: LATIN_FONTS.regular, size: urlSize, color: INK },
      options: { link: proof.verifyUrl },
      gap: 5 * scale,
    },
    {
      line: {
        text: howTo,
        font: fontFor(howTo) ?? LATIN_FONTS.regular,
        size: 7.5 * scale,
        color: MUTED,
      },
      gap: 5 * scale,
    },
  ];
  const textHeight = items.reduce(
    (sum, item) => sum + item.gap + heightOfLines(doc, [item.line], textWidth, item.options),
    0,
  );
  // Rounding must not push the last line past the bottom margin, where pdfkit would add a page.
  const height = Math.max(qrSize, textHeight) + 2;
  return {
    height,
    draw: (top) => {
      doc.image(qrCodePng, left, top, { width: qrSize, height: qrSize });
      doc.link(left, top, qrSize, qrSize, proof.verifyUrl);
      let y = top + Math.max(0, (qrSize - textHeight) / 2);
      for (const item of items) {
        y = drawLines(doc, [item.line], textLeft, y + item.gap, textWidth, item.options);
      }
      return top + height;
    },
  };
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

interface TableRow {
  label: BilingualText;
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
