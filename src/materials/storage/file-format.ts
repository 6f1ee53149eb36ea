import { fileTypeFromBuffer } from 'file-type';

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

/**
 * The platform's six formats by the extension file-type detects. An animated PNG is a PNG;
 * Word and Excel templates and macro variants count as their document format, and every other
 * zip-based format (a presentation, an e-book, an OpenDocument file) as the zip archive it is.
 */
const FORMAT_BY_DETECTED_EXTENSION: Readonly<Record<string, FileFormat>> = {
  ...detectedAs('pdf', ['pdf']),
  ...detectedAs('jpg', ['jpg']),
  ...detectedAs('png', ['png', 'apng']),
  ...detectedAs('docx', ['docx', 'docm', 'dotx', 'dotm']),
  ...detectedAs('xlsx', ['xlsx', 'xlsm', 'xltx', 'xltm']),
  ...detectedAs('zip', ['zip', 'pptx', 'pptm', 'ppsx', 'ppsm', 'potx', 'potm', 'vsdx', '3mf']),
  ...detectedAs('zip', ['odt', 'ott', 'ods', 'ots', 'odp', 'otp', 'odg', 'otg', 'epub']),
  ...detectedAs('zip', ['jar', 'apk', 'xpi']),
};

function detectedAs(format: FileFormat, extensions: string[]): Record<string, FileFormat> {
  return Object.fromEntries(extensions.map((extension) => [extension, format]));
}

/** The format a file's leading bytes (see SNIFF_BYTES) show, or null for none we accept. */
export async function detectFileFormat(head: Uint8Array): Promise<FileFormat | null> {
  const detected = await fileTypeFromBuffer(head);
  return (detected && FORMAT_BY_DETECTED_EXTENSION[detected.ext]) ?? null;
}
