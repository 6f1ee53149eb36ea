import { BUNDLED_CJK_FONT, renderCertificatePdf } from './certificate-pdf';
import { LegacyCertificateContent } from './certificate-signature';

/** A certificate as issued before its content was cut down: it still prints all it signed. */
function sampleCertificate(): LegacyCertificateContent {
  return {
    number: 'SPECIAL_ARTICLE_ENTRY-2026-000042',
    serviceCode: 'SPECIAL_ARTICLE_ENTRY',
    serviceName: '出入境特殊物品卫生检疫审批',
    serviceNameEn: 'Health quarantine approval of special articles',
    title: '出入境特殊物品卫生检疫审批单',
    titleEn: 'Entry-Exit Special Articles Health Quarantine Approval',
    holder: {
      enterpriseId: '7b0c2f8e-4a51-4d7e-9a43-2f1f6f0d3b11',
      name: '杭州示例生物科技有限公司',
      creditCode: '91330114MA2K4XY72B',
    },
    applicationId: '0f5e8a52-1c7b-4b8e-8d57-6f2a9c3e4d21',
    applicationNumber: 'QT-2026-000123',
    issuedAt: '2026-03-05T17:30:00.000Z',
    validFrom: '2026-03-06',
    validUntil: '2027-03-05',
    particulars: {
      articleName: 'Human serum albumin',
      quantity: 200,
      unit: 'vials',
      coldChain: true,
    },
    issuer: { departmentCode: 'CUSTOMS', departmentName: '下沙海关' },
  };
}

const proof = {
  verifyUrl:
    'https://parkline.example.cn/verify/SPECIAL_ARTICLE_ENTRY-2026-000042?code=77PPYXAJ8U8K',
  verificationCode: '77PPYXAJ8U8K',
  keyId: '06e3fd8fda29bb60',
};

/** Text of every uncompressed TJ operator: pdfkit writes the standard fonts' text as hex. */
function drawnText(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  return [...source.matchAll(/\[([^\]]*)\] TJ/g)].map(([, operands]) =>
    [...operands.matchAll(/<([0-9a-f]*)>/g)]
      .map(([, hex]) => Buffer.from(hex, 'hex').toString('latin1'))
      .join(''),
  );
}

/** A document information entry, which pdfkit writes as a reference to a string object. */
function documentInfo(pdf: Buffer, key: string): string | undefined {
  const source = pdf.toString('latin1');
  const objectNumber = new RegExp(`/${key} (\\d+) 0 R`).exec(source)?.[1];
  if (objectNumber === undefined) return undefined;
  return new RegExp(`\\n${objectNumber} 0 obj\\n\\((.*)\\)\\nendobj`).exec(source)?.[1];
}

function baseFonts(pdf: Buffer): string[] {
  return [...pdf.toString('latin1').matchAll(/\/BaseFont \/([^\s/>]+)/g)].map(([, name]) => name);
}

function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}

describe('renderCertificatePdf', () => {
  let pdf: Buffer;

  beforeAll(async () => {
    pdf = await renderCertificatePdf(sampleCertificate(), proof, { compress: false });
  });

  it('renders a PDF of more than 1 KB', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1024);
  });

  it('prints the number, holder credit code, validity, verification code and verify URL', () => {
    const text = drawnText(pdf);
    expect(text).toContain('No. SPECIAL_ARTICLE_ENTRY-2026-000042');
    expect(text).toContain('91330114MA2K4XY72B');
    expect(text).toContain('2026-03-06 to 2027-03-05');
    expect(text).toContain('77PPYXAJ8U8K');
    expect(text).toContain(proof.verifyUrl);
  });

  it('prints the issue date in Asia/Shanghai', () => {
    expect(drawnText(pdf)).toContain('2026-03-06');
  });

  it('prints the application number and the particulars', () => {
    const text = drawnText(pdf);
    expect(text).toEqual(
      expect.arrayContaining(['articleName', 'Human serum albumin', 'quantity', '200', 'Yes']),
    );
    expect(text).toEqual(
      expect.arrayContaining(['Application number', 'QT-2026-000123', 'Approved particulars']),
    );
  });

  it('embeds the QR code as an image and links it to the verify URL', () => {
    const source = pdf.toString('latin1');
    expect(source).toContain('/Subtype /Image');
    expect(source).toContain(`/URI (${proof.verifyUrl})`);
  });

  it('sets the title, author and creation date', () => {
    expect(documentInfo(pdf, 'Title')).toBe(
      'Entry-Exit Special Articles Health Quarantine Approval SPECIAL_ARTICLE_ENTRY-2026-000042',
    );
    expect(documentInfo(pdf, 'Author')).toBe('Parkline');
    expect(documentInfo(pdf, 'CreationDate')).toBe('D:20260305173000Z');
  });

  it('prints English text only and marks Chinese-only values when no CJK font is given', () => {
    const text = drawnText(pdf);
    expect(text).toContain('Entry-Exit Special Articles Health Quarantine Approval');
    expect(text).toContain('Health quarantine approval of special articles');
    expect(text).toContain('SPECIAL_ARTICLE_ENTRY');
    expect(text).toContain('Holder');
    expect(text.filter((line) => line.startsWith('(Chinese text'))).toHaveLength(2);
    expect(new Set(baseFonts(pdf))).toEqual(
      new Set(['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Courier-Bold']),
    );
  });

  it('compresses the content streams by default', async () => {
    const compressed = await renderCertificatePdf(sampleCertificate(), proof);
    expect(compressed.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(compressed.toString('latin1')).toContain('/Filter /FlateDecode');
    expect(drawnText(compressed)).toEqual([]);
  });

  it('continues on a second page when the particulars do not fit on one', async () => {
    const content = sampleCertificate();
    for (let index = 1; index <= 30; index += 1) {
      content.particulars![`batch${index}`] = `Lot 2026-${String(index).padStart(4, '0')}`;
    }
    const longPdf = await renderCertificatePdf(content, proof, { compress: false });
    expect(pageCount(longPdf)).toBe(2);
    expect(drawnText(longPdf)).toEqual(expect.arrayContaining(['Lot 2026-0030', proof.verifyUrl]));
  });

  it('prints a current certificate, without application number or particulars, and its long code', async () => {
    const { applicationId, applicationNumber, particulars, holder, ...content } =
      sampleCertificate();
    expect([applicationId, applicationNumber, particulars]).not.toContain(undefined);
    const code = '7K3M-Q9XA-2TNE-H4WD-8RBF-Z6PC-1VJS-G5YN';
    const current = await renderCertificatePdf(
      { ...content, holder: { name: holder.name, creditCode: holder.creditCode } },
      { ...proof, verificationCode: code, verifyUrl: `${proof.verifyUrl.split('=')[0]}=${code}` },
      { compress: false },
    );
    const text = drawnText(current);
    expect(text).toContain(code);
    expect(text).toContain('91330114MA2K4XY72B');
    expect(text).not.toContain('Application number');
    expect(text).not.toContain('Approved particulars');
    expect(text).not.toContain('QT-2026-000123');
    expect(pageCount(current)).toBe(1);
  });

  it('rejects a certificate whose issuedAt is not an instant', async () => {
    const content = { ...sampleCertificate(), issuedAt: 'yesterday' };
    await expect(renderCertificatePdf(content, proof)).rejects.toThrow(RangeError);
  });

  it('embeds the CJK font for Chinese text when one is given', async () => {
    const chinesePdf = await renderCertificatePdf(sampleCertificate(), proof, {
      compress: false,
      cjkFontPath: BUNDLED_CJK_FONT,
    });
    const source = chinesePdf.toString('latin1');
    expect(source).toContain('/Subtype /Type0');
    expect(source).toMatch(/\/FontFile[23]? /);
    const text = drawnText(chinesePdf);
    expect(text).toContain('No. SPECIAL_ARTICLE_ENTRY-2026-000042');
    expect(text).toContain(proof.verifyUrl);
    expect(text.some((line) => line.startsWith('(Chinese text'))).toBe(false);
  });
});
