export type FileFormat = 'pdf' | 'jpg' | 'png' | 'docx' | 'xlsx' | 'zip';

export const MEDIA_TYPES: Readonly<Record<FileFormat, string>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
};

/**
 * Leading bytes detectFileFormat looks at. Office writers put the `word/` or `xl/` parts within
 * the first few KB; the margin covers a large part (a thumbnail, a theme) written before them.
 */
export const SNIFF_BYTES = 64 * 1024;

const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP_LOCAL_FILE_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_END_OF_CENTRAL_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

const LOCAL_FILE_HEADER_LENGTH = 30;
const SIZE_IN_DATA_DESCRIPTOR_FLAG = 0x0008;
const ZIP64_SIZE_MARKER = 0xffffffff;
const ZIP64_EXTRA_FIELD_ID = 0x0001;

/** The format a file's leading bytes (see SNIFF_BYTES) show, or null for none we accept. */
export function detectFileFormat(head: Buffer): FileFormat | null {
  if (startsWith(head, PDF_SIGNATURE)) return 'pdf';
  if (startsWith(head, JPEG_SIGNATURE)) return 'jpg';
  if (startsWith(head, PNG_SIGNATURE)) return 'png';
  if (startsWith(head, ZIP_END_OF_CENTRAL_DIRECTORY)) return 'zip';
  if (!startsWith(head, ZIP_LOCAL_FILE_HEADER)) return null;

  const entryNames = [...zipEntryNames(head)];
  if (entryNames.some((name) => name.startsWith('word/'))) return 'docx';
  if (entryNames.some((name) => name.startsWith('xl/'))) return 'xlsx';
  return 'zip';
}

function startsWith(buffer: Buffer, prefix: Buffer): boolean {
  return buffer.length >= prefix.length && buffer.subarray(0, prefix.length).equals(prefix);
}

/** Names of the zip entries whose local file header lies within `head`, which starts with one. */
function* zipEntryNames(head: Buffer): Generator<string> {
  let offset = 0;
  while (offset !== -1 && offset + LOCAL_FILE_HEADER_LENGTH <= head.length) {
    const flags = head.readUInt16LE(offset + 6);
    const nameLength = head.readUInt16LE(offset + 26);
    const extraLength = head.readUInt16LE(offset + 28);
    const nameStart = offset + LOCAL_FILE_HEADER_LENGTH;
    const extraStart = nameStart + nameLength;
    const dataStart = extraStart + extraLength;
    if (extraStart > head.length) return;
    // Only ASCII prefixes are compared, so the name's encoding (CP437 or UTF-8) does not matter.
    yield head.toString('latin1', nameStart, extraStart);
    if (dataStart > head.length) return;

    const compressedSize = entryCompressedSize(head, offset, extraStart, dataStart);
    const sizeKnown =
      compressedSize !== null && !(flags & SIZE_IN_DATA_DESCRIPTOR_FLAG && compressedSize === 0);
    // A streamed entry's size follows its data, so look for the next header instead; searching
    // from the expected offset also steps over a data descriptor.
    offset = head.indexOf(
      ZIP_LOCAL_FILE_HEADER,
      sizeKnown ? dataStart + compressedSize : dataStart,
    );
  }
}

function entryCompressedSize(
  head: Buffer,
  headerOffset: number,
  extraStart: number,
  dataStart: number,
): number | null {
  const compressedSize = head.readUInt32LE(headerOffset + 18);
  if (compressedSize !== ZIP64_SIZE_MARKER) return compressedSize;
  let fieldOffset = extraStart;
  while (fieldOffset + 4 <= dataStart) {
    const fieldId = head.readUInt16LE(fieldOffset);
    const fieldLength = head.readUInt16LE(fieldOffset + 2);
    // A local header's Zip64 field holds the uncompressed size, then the compressed size.
    if (fieldId === ZIP64_EXTRA_FIELD_ID && fieldLength >= 16 && fieldOffset + 20 <= dataStart) {
      return Number(head.readBigUInt64LE(fieldOffset + 4 + 8));
    }
    fieldOffset += 4 + fieldLength;
  }
  return null;
}
