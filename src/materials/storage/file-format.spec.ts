import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';

import { detectFileFormat, MEDIA_TYPES, SNIFF_BYTES } from './file-format';

interface ZipEntry {
  name: string;
  data: Buffer;
}

/**
 * A zip of uncompressed entries. Each local header gives the entry's sizes itself (`header`),
 * leaves them to a data descriptor after the data as streaming writers do (`data-descriptor`),
 * or gives them in a Zip64 extra field (`zip64`).
 */
function buildZip(
  entries: ZipEntry[],
  { sizes = 'header' }: { sizes?: 'header' | 'data-descriptor' | 'zip64' } = {},
): Buffer {
  const UTF8_NAMES = 0x0800;
  const SIZE_IN_DATA_DESCRIPTOR = 0x0008;
  const flags = sizes === 'data-descriptor' ? UTF8_NAMES | SIZE_IN_DATA_DESCRIPTOR : UTF8_NAMES;
  const localParts: Buffer[] = [];
  const centralParts: Buffer[] = [];
  let offset = 0;

  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const extra = Buffer.alloc(sizes === 'zip64' ? 20 : 0);
    const descriptor = Buffer.alloc(sizes === 'data-descriptor' ? 16 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(sizes === 'zip64' ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    if (sizes === 'header') {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(data.length, 18);
      local.writeUInt32LE(data.length, 22);
    } else if (sizes === 'zip64') {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(0xffffffff, 18);
      local.writeUInt32LE(0xffffffff, 22);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(data.length), 4);
      extra.writeBigUInt64LE(BigInt(data.length), 12);
    } else {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(data.length, 8);
      descriptor.writeUInt32LE(data.length, 12);
    }
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(extra.length, 28);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);

    const localPart = Buffer.concat([local, nameBytes, extra, data, descriptor]);
    localParts.push(localPart);
    centralParts.push(central, nameBytes);
    offset += localPart.length;
  }

  const centralDirectory = Buffer.concat(centralParts);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...localParts, centralDirectory, end]);
}

const xml = (text: string): Buffer =>
  Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`);
/** What Word and Excel write: the package's content types name its main part. */
const contentTypes = (mainPart: string, contentType: string): ZipEntry => ({
  name: '[Content_Types].xml',
  data: xml(
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/${mainPart}" ContentType="${contentType}"/></Types>`,
  ),
});
const wordContentTypes = contentTypes(
  'word/document.xml',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
);
const excelContentTypes = contentTypes(
  'xl/workbook.xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
);
const packageRelationships: ZipEntry = { name: '_rels/.rels', data: xml('<Relationships/>') };

const samples = {
  pdf: Buffer.from(
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  ),
  jpg: Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    Buffer.from('\0\x10JFIF\0'),
    Buffer.alloc(32),
  ]),
  // A 1×1 pixel: signature, IHDR, IDAT, IEND.
  png: Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
      '1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b10000000049454e44ae426082',
    'hex',
  ),
  docx: buildZip([
    wordContentTypes,
    packageRelationships,
    { name: 'word/document.xml', data: xml('<w:document/>') },
  ]),
  xlsx: buildZip([
    excelContentTypes,
    packageRelationships,
    { name: 'xl/workbook.xml', data: xml('<workbook/>') },
  ]),
  zip: buildZip([
    { name: 'readme.txt', data: Buffer.from('Scans of the lease contract') },
    { name: 'scans/page-1.txt', data: Buffer.from('page one') },
  ]),
};

describe('detectFileFormat', () => {
  it.each(Object.entries(samples))('detects %s by its leading bytes', async (format, bytes) => {
    expect(await detectFileFormat(bytes)).toBe(format);
  });

  it('takes any other zip-based format, such as a presentation, for a zip', async () => {
    const pptx = buildZip([
      contentTypes(
        'ppt/presentation.xml',
        'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
      ),
      { name: 'ppt/presentation.xml', data: xml('<p:presentation/>') },
    ]);
    expect(await detectFileFormat(pptx)).toBe('zip');
  });

  it('takes an empty zip archive for a zip', async () => {
    expect(await detectFileFormat(buildZip([]))).toBe('zip');
  });

  it('goes by the bytes, not the file name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parkline-format-'));
    try {
      const misnamed = join(dir, 'business-licence.pdf');
      await writeFile(misnamed, samples.png);
      expect(await detectFileFormat(await readFile(misnamed))).toBe('png');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe('steps over each entry by its size, not by searching for the next header', () => {
    const lookalikeHeader = buildZip([{ name: 'word/lookalike.xml', data: Buffer.alloc(0) }]);
    const thumbnail: ZipEntry = {
      name: 'docProps/thumbnail.jpeg',
      data: Buffer.concat([Buffer.alloc(10_000), lookalikeHeader, Buffer.alloc(10_000)]),
    };
    const entries = [
      excelContentTypes,
      thumbnail,
      { name: 'xl/workbook.xml', data: xml('<workbook/>') },
    ];

    it('with sizes given in the local header', async () => {
      expect(await detectFileFormat(buildZip(entries).subarray(0, SNIFF_BYTES))).toBe('xlsx');
    });

    // file-type reads no Zip64 extra fields; Office writes them only for parts past 4 GiB.
    it('and takes an Office file whose sizes are only in Zip64 extra fields for a zip', async () => {
      const zip64 = buildZip(entries, { sizes: 'zip64' }).subarray(0, SNIFF_BYTES);
      expect(await detectFileFormat(zip64)).toBe('zip');
    });
  });

  it('finds the Office part in a zip whose entry sizes follow their data', async () => {
    const xlsx = buildZip(
      [
        excelContentTypes,
        packageRelationships,
        { name: 'xl/workbook.xml', data: xml('<workbook/>') },
      ],
      { sizes: 'data-descriptor' },
    );
    expect(await detectFileFormat(xlsx)).toBe('xlsx');
  });

  it('classifies a zip by the entries within the sniffed prefix only', async () => {
    const late = buildZip([
      { name: 'media/video.bin', data: Buffer.alloc(SNIFF_BYTES) },
      { name: 'word/document.xml', data: xml('<w:document/>') },
    ]);
    expect(await detectFileFormat(late.subarray(0, SNIFF_BYTES))).toBe('zip');
  });

  it('never throws on a truncated head', async () => {
    for (let length = 0; length <= samples.docx.length; length += 1) {
      await expect(detectFileFormat(samples.docx.subarray(0, length))).resolves.not.toThrow();
    }
  });

  it.each([
    ['nothing', Buffer.alloc(0)],
    ['plain text', Buffer.from('Business licence, scanned')],
    ['a PDF signature after leading bytes', Buffer.concat([Buffer.from(' '), samples.pdf])],
    ['a cut-off PNG signature', samples.png.subarray(0, 7)],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')],
    ['a legacy Word document', Buffer.from('d0cf11e0a1b11ae1', 'hex')],
  ])('rejects %s', async (_description, bytes) => {
    expect(await detectFileFormat(bytes)).toBeNull();
  });

  it('maps every format to its media type', () => {
    expect(MEDIA_TYPES).toEqual({
      pdf: 'application/pdf',
      jpg: 'image/jpeg',
      png: 'image/png',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      zip: 'application/zip',
    });
  });
});
