import { ALL_SERVICES, FieldSchema, formSchema, JsonSchema } from '../catalogue/data';
import { approvedParticulars, CertificateParticular } from './certificate-particulars';
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
    particulars: { articleName: 'Human serum albumin', quantity: 200 },
    issuer: { departmentCode: 'CUSTOMS', departmentName: '下沙海关' },
  };
}

/** The approved particulars of a special article, as its service's form labels them. */
const particulars = approvedParticulars(
  formSchema(['article.name', 'article.quantity', 'article.unit', 'article.storageConditions']),
  {
    'article.name': 'Human serum albumin',
    'article.quantity': 200,
    'article.unit': 'VIAL',
    'article.storageConditions': 'MINUS_80C',
  },
);

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

/** Texts as long as an enterprise realistically writes them, however much the form allows. */
const REALISTIC_TEXT_LENGTH = 160;

/**
 * Every field answered at its largest realistic: every choice of a list, each example list in
 * full, and texts their examples repeated to a realistic length.
 */
function largestForm(schema: JsonSchema): Record<string, unknown> {
  const properties = schema.properties as Record<string, FieldSchema>;
  return Object.fromEntries(
    Object.entries(properties).map(([key, field]) => {
      const items = field.items as JsonSchema | undefined;
      const [example] = field.examples;
      if (items?.enum) return [key, items.enum];
      if (field.type !== 'string' || field.enum || field.format) return [key, example];
      const length = Math.min(Number(field.maxLength ?? 50), REALISTIC_TEXT_LENGTH);
      const text = String(example);
      return [key, text.repeat(Math.ceil(length / text.length)).slice(0, length)];
    }),
  );
}

describe('renderCertificatePdf', () => {
  let pdf: Buffer;

  beforeAll(async () => {
    pdf = await renderCertificatePdf(sampleCertificate(), particulars, proof, { compress: false });
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

  it("prints the approved particulars under the form's labels, choices by their names", () => {
    const text = drawnText(pdf);
    expect(text).toEqual(
      expect.arrayContaining([
        'Approved particulars',
        'Article name',
        'Human serum albumin',
        'Quantity',
        '200',
        'Unit of measure',
        'Vials',
        'Storage conditions',
        '-80 °C',
      ]),
    );
    for (const key of ['article.name', 'articleName', 'VIAL', 'MINUS_80C'])
      expect(text.some((line) => line.includes(key))).toBe(false);
  });

  it('prints the application number of a certificate that signed it', () => {
    expect(drawnText(pdf)).toEqual(
      expect.arrayContaining(['Application number', 'QT-2026-000123']),
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
    const compressed = await renderCertificatePdf(sampleCertificate(), particulars, proof);
    expect(compressed.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(compressed.toString('latin1')).toContain('/Filter /FlateDecode');
    expect(drawnText(compressed)).toEqual([]);
  });

  it('keeps the largest realistic particulars of every certifying service on one page', async () => {
    const certifying = ALL_SERVICES.filter((service) => service.certificate !== null);
    expect(certifying.length).toBeGreaterThan(15);
    for (const service of certifying) {
      const largest = approvedParticulars(service.formSchema, largestForm(service.formSchema));
      const rendered = await renderCertificatePdf(sampleCertificate(), largest, proof, {
        cjkFontPath: BUNDLED_CJK_FONT,
      });
      expect([service.code, pageCount(rendered)]).toEqual([service.code, 1]);
    }
  });

  it('continues on a second page only for particulars beyond any form, the QR code at the end', async () => {
    const many: CertificateParticular[] = Array.from({ length: 60 }, (_, index) => ({
      field: `batch.lot${index + 1}`,
      label: { zh: `批号 ${index + 1}`, en: `Lot ${index + 1}` },
      value: {
        zh: `Lot 2026-${String(index + 1).padStart(4, '0')}`,
        en: `Lot 2026-${String(index + 1).padStart(4, '0')}`,
      },
    }));
    const longPdf = await renderCertificatePdf(sampleCertificate(), many, proof, {
      compress: false,
    });
    expect(pageCount(longPdf)).toBe(2);
    const text = drawnText(longPdf);
    expect(text).toEqual(expect.arrayContaining(['Lot 2026-0060', proof.verifyUrl]));
    expect(text.indexOf(proof.verifyUrl)).toBeGreaterThan(text.indexOf('Lot 2026-0060'));
  });

  it('prints a current certificate, without application number or particulars, and its long code', async () => {
    const { applicationId, applicationNumber, particulars, holder, ...content } =
      sampleCertificate();
    expect([applicationId, applicationNumber, particulars]).not.toContain(undefined);
    const code = '7K3M-Q9XA-2TNE-H4WD-8RBF-Z6PC-1VJS-G5YN';
    const current = await renderCertificatePdf(
      { ...content, holder: { name: holder.name, creditCode: holder.creditCode } },
      [],
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
    await expect(renderCertificatePdf(content, particulars, proof)).rejects.toThrow(RangeError);
  });

  it('embeds the CJK font for Chinese text when one is given', async () => {
    const chinesePdf = await renderCertificatePdf(sampleCertificate(), particulars, proof, {
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
