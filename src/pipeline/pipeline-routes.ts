import {
  applyDecorators,
  Controller,
  Delete,
  Get,
  HttpCode,
  ParseUUIDPipe,
  Patch,
  Post,
  Type,
} from '@nestjs/common';
import {
  ApiBody,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../common/auth/auth.decorators';
import { ENTERPRISE_ROLES } from '../common/auth/roles';
import { Created } from '../common/http/created.decorator';
import { WithETag } from '../common/http/versioning';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { ETAG_HEADER } from '../common/openapi/etag-header';
import { VerificationInput } from './dto/verification.dto';

/**
 * The routes of one kind of pipeline item (products, devices) under an enterprise: the
 * enterprise's admins keep them, its users and park staff read them, staff verify them.
 */
export const uuidParam = () => new ParseUUIDPipe();

const STAFF = ['OFFICER', 'DEPARTMENT_HEAD', 'ADMIN'] as const;

const IF_MATCH = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'ETag of the version you read; stale → 412',
});

export const PipelineItemController = (items: 'products' | 'devices') =>
  applyDecorators(ApiTags('industry map'), Controller(`enterprises/:id/${items}`));

export const ListItems = (items: string, page: Type) =>
  applyDecorators(
    Get(),
    Roles(...ENTERPRISE_ROLES, ...STAFF),
    ApiOperation({
      summary: `An enterprise's ${items}, newest first (its own users, or staff)`,
      description: `The ${items} of the enterprise's pipeline with their verification status. The enterprise's users and park staff; another enterprise is 404.`,
    }),
    ApiOkResponse({ type: page }),
    ApiAuthProblems(400, 404),
  );

export const ReadItem = (item: string, dto: Type) =>
  applyDecorators(
    Get(':itemId'),
    Roles(...ENTERPRISE_ROLES, ...STAFF),
    WithETag(),
    ApiOperation({
      summary: `One ${item} of an enterprise's pipeline`,
      description: `One ${item} with its verification status; the \`ETag\` is its version, for \`If-Match\` on changes. The enterprise's users and park staff.`,
    }),
    ApiOkResponse({ type: dto, headers: ETAG_HEADER }),
    ApiAuthProblems(400, 404),
  );

export const CreateItem = <T extends { id: string; enterpriseId: string }>(
  items: string,
  dto: Type<T>,
) =>
  applyDecorators(
    Post(),
    Roles('ENTERPRISE_ADMIN'),
    Created(dto, (created) => `/api/v1/enterprises/${created.enterpriseId}/${items}/${created.id}`),
    Idempotent(),
    ApiOperation({
      summary: `Add to your pipeline's ${items} (enterprise admins); it awaits verification`,
      description: `An enterprise admin adds to the ${items} of their enterprise; park staff then verify or reject it, and only verified items count in the public industry map.`,
    }),
    ApiAuthProblems(400, 404, 409, 422),
  );

export const UpdateItem = (item: string, dto: Type) =>
  applyDecorators(
    Patch(':itemId'),
    Roles('ENTERPRISE_ADMIN'),
    WithETag(),
    IF_MATCH,
    ApiOperation({
      summary: `Change a ${item} of your pipeline (enterprise admins); it awaits verification again`,
      description: `An enterprise admin changes a ${item}; the change is recorded in the pipeline history and the ${item} awaits verification again. A stale \`If-Match\` is 412.`,
    }),
    ApiOkResponse({ type: dto }),
    ApiAuthProblems(400, 404, 409, 412),
  );

export const DeleteItem = (item: string) =>
  applyDecorators(
    Delete(':itemId'),
    Roles('ENTERPRISE_ADMIN'),
    HttpCode(204),
    IF_MATCH,
    ApiOperation({
      summary: `Remove a ${item} from your pipeline; the history keeps it`,
      description: `An enterprise admin removes a ${item}; the pipeline history keeps what it was. A stale \`If-Match\` is 412.`,
    }),
    ApiNoContentResponse({ description: 'Removed.' }),
    ApiAuthProblems(400, 404, 412),
  );

export const VerifyItem = (item: string, dto: Type) =>
  applyDecorators(
    Post(':itemId/verification'),
    Roles(...STAFF),
    HttpCode(200),
    WithETag(),
    Idempotent(),
    ApiOperation({
      summary: `Verify or reject a ${item} as it stands (park staff; never the enterprise itself)`,
      description: `Park staff verify or reject the ${item} at the version they read, with a note; a change since is 409. The decision is recorded in the pipeline history.`,
    }),
    ApiBody({ type: VerificationInput }),
    ApiOkResponse({ type: dto }),
    ApiAuthProblems(400, 404, 409, 422),
  );
