import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { hashApiKey } from '../auth/principal-resolver.service';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/auth/principal';
import { mapPage, Page, PageQuery, paginateNewestFirst } from '../common/pagination/page';
import { DomainError } from '../common/problem/domain-error';
import { Enterprise } from '../enterprises/enterprise.entity';
import { ApiKey } from './api-key.entity';
import { ApiKeyDto, CreatedApiKeyDto, NewApiKeyDto } from './dto/api-key.dto';
import { updateReturning } from '../database/update-returning';

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listApiKeys(page: PageQuery): Promise<Page<ApiKeyDto>> {
    const keys = this.dataSource.getRepository(ApiKey).createQueryBuilder('key');
    return mapPage(await paginateNewestFirst(keys, page), ApiKeyDto.from);
  }

  /** Creates a key; only its hash is kept, so the response is the one chance to read it. */
  async createApiKey(actor: Actor, request: NewApiKeyDto): Promise<CreatedApiKeyDto> {
    const key = `plk_${randomBytes(30).toString('base64url')}`;
    return this.dataSource.transaction(async (manager) => {
      const known = await manager.countBy(Enterprise, { id: In(request.enterpriseIds) });
      if (known !== request.enterpriseIds.length) {
        throw DomainError.invalidField('enterpriseIds', 'names an enterprise that does not exist');
      }
      const saved = await manager.save(
        manager.create(ApiKey, {
          name: request.name,
          keyPrefix: key.slice(0, 10),
          keyHash: hashApiKey(key),
          scopes: request.scopes,
          enterpriseIds: request.enterpriseIds,
          createdBy: actor.id,
        }),
      );
      await this.audit.record(
        manager,
        actor,
        'api_key.created',
        { type: 'api_key', id: saved.id },
        {
          name: saved.name,
          scopes: saved.scopes,
          enterpriseIds: saved.enterpriseIds,
        },
      );
      return { ...ApiKeyDto.from(saved), key };
    });
  }

  async revokeApiKey(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const revoked = await updateReturning<{ id: string }>(
        manager,
        `UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
        [id],
      );
      if (revoked.length === 0) {
        const exists = await manager.existsBy(ApiKey, { id });
        if (!exists) throw DomainError.notFound('API key');
        return;
      }
      await this.audit.record(manager, actor, 'api_key.revoked', { type: 'api_key', id });
    });
  }
}
