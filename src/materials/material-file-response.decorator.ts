import { ApiFileResponse } from '../common/openapi/api-file-response.decorator';
import { MEDIA_TYPES } from './storage/file-format';

/** An uploaded material, in the format it was stored in. */
export const ApiMaterialFileResponse = () =>
  ApiFileResponse('The file, in the format it was uploaded in.', Object.values(MEDIA_TYPES));
