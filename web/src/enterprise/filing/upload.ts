import type { components } from '@parkline/client';
import { call, parkline } from '../../shared/api/session';
import type { FileFormat } from '../catalogue/materials';

export type Application = components['schemas']['ApplicationDto'];

/** Statuses whose response has no body (a Response refuses one for them). */
const NULL_BODY_STATUSES = [101, 204, 205, 304];

function headersOf(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

/**
 * A `fetch` for the typed client that reports how much of the request body has been sent:
 * fetch() cannot tell upload progress, XMLHttpRequest can. It sends the request the client
 * built (its multipart body and headers, the access token among them) as it is.
 */
export function fetchWithUploadProgress(onProgress: (percent: number) => void) {
  return async (request: Request): Promise<Response> => {
    const body =
      request.method === 'GET' || request.method === 'HEAD' ? null : await request.blob();
    return new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
      xhr.responseType = 'blob';
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
      };
      xhr.onload = () =>
        resolve(
          new Response(NULL_BODY_STATUSES.includes(xhr.status) ? null : (xhr.response as Blob), {
            status: xhr.status,
            statusText: xhr.statusText,
            headers: headersOf(xhr.getAllResponseHeaders()),
          }),
        );
      xhr.onerror = () => reject(new TypeError('Network request failed'));
      xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
      request.signal.addEventListener('abort', () => xhr.abort());
      xhr.send(body);
    });
  };
}

/** Uploads a file as a material of an application, reporting progress; answers the application. */
export function uploadMaterial(
  applicationId: string,
  materialType: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<Application> {
  return call(() =>
    parkline.POST('/api/v1/applications/{id}/materials', {
      params: { path: { id: applicationId } },
      // The document types a binary part as a string; the part is the File itself.
      body: { materialType, file: file as unknown as string },
      // The type first: the server reads the fields before the file streams in.
      bodySerializer: (fields) => {
        const data = new FormData();
        for (const [name, value] of Object.entries(fields))
          data.append(name, value as string | Blob);
        return data;
      },
      fetch: fetchWithUploadProgress(onProgress),
    }),
  );
}

/** Attaches a document of the enterprise's material library: nothing is uploaded again. */
export function attachFromLibrary(
  applicationId: string,
  materialType: string,
  libraryMaterialId: string,
): Promise<Application> {
  return call(() =>
    parkline.POST('/api/v1/applications/{id}/materials', {
      params: { path: { id: applicationId } },
      body: { materialType, libraryMaterialId },
    }),
  );
}

const EXTENSIONS: Record<FileFormat, string[]> = {
  pdf: ['.pdf'],
  jpg: ['.jpg', '.jpeg'],
  png: ['.png'],
  docx: ['.docx'],
  xlsx: ['.xlsx'],
  zip: ['.zip'],
};

/** For the file chooser: only the extensions the material type takes. */
export function acceptOf(formats: readonly FileFormat[]): string {
  return formats.flatMap((format) => EXTENSIONS[format]).join(',');
}

/** Why a file cannot be this material, before anything is sent (the server checks the content). */
export function fileProblemOf(
  file: Pick<File, 'name' | 'size'>,
  material: { formats: readonly FileFormat[]; maxBytes: number },
): 'format' | 'size' | 'empty' | undefined {
  const name = file.name.toLowerCase();
  if (
    !material.formats.some((format) =>
      EXTENSIONS[format].some((extension) => name.endsWith(extension)),
    )
  )
    return 'format';
  if (file.size === 0) return 'empty';
  if (file.size > material.maxBytes) return 'size';
  return undefined;
}
