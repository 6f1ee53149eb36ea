import { call, parkline } from '../../shared/api/session';
import type { ApplicationDto } from './definition';

/** Names of a file's format as the catalogue lists them (`formats`), by extension. */
const EXTENSIONS: Record<string, string> = {
  pdf: 'pdf',
  jpg: 'jpg',
  jpeg: 'jpg',
  png: 'png',
  docx: 'docx',
  xlsx: 'xlsx',
  zip: 'zip',
};

/** The file input's `accept` for some formats (`jpg` covers `.jpeg` too). */
export function acceptOf(formats: readonly string[]): string {
  return Object.keys(EXTENSIONS)
    .filter((extension) => formats.includes(EXTENSIONS[extension]))
    .map((extension) => `.${extension}`)
    .join(',');
}

/**
 * Why a file cannot be uploaded as a material, before sending it: its format (by extension;
 * the server checks the content again) or its size. Undefined when it may go.
 */
export function refusalOf(
  file: Pick<File, 'name' | 'size'>,
  type: { formats: readonly string[]; maxBytes: number },
): 'format' | 'size' | undefined {
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  if (!type.formats.includes(EXTENSIONS[extension] ?? '')) return 'format';
  if (file.size > type.maxBytes) return 'size';
  return undefined;
}

/** A fetch that reports how much of the request body has gone, which fetch itself cannot. */
function fetchWithUploadProgress(onProgress: (percent: number) => void) {
  return async (request: Request): Promise<Response> => {
    const body = await request.blob();
    return new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
      xhr.responseType = 'blob';
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
      };
      xhr.onload = () => {
        const headers = new Headers();
        for (const line of xhr
          .getAllResponseHeaders()
          .trim()
          .split(/[\r\n]+/)) {
          const at = line.indexOf(':');
          if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
        }
        const empty = xhr.status === 204 || xhr.status === 304;
        resolve(new Response(empty ? null : (xhr.response as Blob), { status: xhr.status, headers }));
      };
      xhr.onerror = () => reject(new TypeError('Network request failed'));
      xhr.send(body);
    });
  };
}

/** Uploads a file as a material of the application, reporting the percent sent. */
export function uploadMaterial(
  applicationId: string,
  materialType: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<ApplicationDto> {
  return call(() =>
    parkline.POST('/api/v1/applications/{id}/materials', {
      params: { path: { id: applicationId } },
      // The generated types describe a binary part as a string; at runtime it is the File.
      body: { materialType, file: file as unknown as string },
      bodySerializer: () => {
        // The server reads materialType first, to check the file that follows against it.
        const multipart = new FormData();
        multipart.append('materialType', materialType);
        multipart.append('file', file);
        return multipart;
      },
      fetch: fetchWithUploadProgress(onProgress),
    }),
  );
}

/** Attaches a document of the enterprise's material library instead of uploading one. */
export function attachFromLibrary(
  applicationId: string,
  materialType: string,
  libraryMaterialId: string,
): Promise<ApplicationDto> {
  return call(() =>
    parkline.POST('/api/v1/applications/{id}/materials', {
      params: { path: { id: applicationId } },
      body: { materialType, libraryMaterialId },
    }),
  );
}
