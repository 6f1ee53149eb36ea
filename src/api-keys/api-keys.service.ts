import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { hashApiKey } from '../auth/principal-resolver.service';
import { AuditService } from '../audit/audit.service';
import { actorOf, isAdmin, UserPrincipal } from '../common/auth/principal';
import { mapPage, Page, PageQuery, paginateNewestFirst } from '../common/pagination/page';
import { DomainError } from '../common/problem/domain-error';
import { Enterprise } from '../enterprises/enterprise.entity';
import { ApiKey } from './api-key.entity';
import { ApiKeyDto, CreatedApiKeyDto, NewApiKeyDto } from './dto/api-key.dto';

@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listApiKeys(user: UserPrincipal, page: PageQuery): Promise<Page<ApiKeyDto>> {
    const keys = this.dataSource.getRepository(ApiKey).createQueryBuilder('key');
    const own = ownEnterpriseOf(user);
    if (own) keys.andWhere(`key.enterprise_ids = ARRAY[:own]::uuid[]`, { own });
    return mapPage(await paginateNewestFirst(keys, page), ApiKeyDto.from);
  }

  /** Creates a key; only its hash is kept, so the response is the one chance to read it. */
  async createApiKey(user: UserPrincipal, request: NewApiKeyDto): Promise<CreatedApiKeyDto> {
    const own = ownEnterpriseOf(user);
    if (own && (request.enterpriseIds.length !== 1 || request.enterpriseIds[0] !== own)) {
      throw DomainError.invalidField('enterpriseIds', 'must be exactly your own enterprise');
    }
    const actor = actorOf(user);
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

  async revokeApiKey(user: UserPrincipal, id: string): Promise<void> {
    const own = ownEnterpriseOf(user);
    await this.dataSource.transaction(async (manager) => {
      const [key]: { revoked_at: Date | null }[] = await manager.query(
        `SELECT revoked_at FROM api_keys WHERE id = $1 AND ($2::uuid IS NULL OR enterprise_ids = ARRAY[$2::uuid]) FOR UPDATE`,
        [id, own],
      );
      if (!key) throw DomainError.notFound('API key');
      if (key.revoked_at) return;
      await manager.query(`UPDATE api_keys SET revoked_at = now() WHERE id = $1`, [id]);
      await this.audit.record(manager, actorOf(user), 'api_key.revoked', { type: 'api_key', id });
    });
  }
}

/**
 * The enterprise whose keys an enterprise admin manages: those bound to it alone, for the
 * systems acting for it. Undefined for park admins, who manage every key.
 */
function ownEnterpriseOf(user: UserPrincipal): string | undefined {
  if (isAdmin(user)) return undefined;
  if (!user.enterpriseId)
    throw new DomainError('forbidden', 'Only admins and enterprise admins manage API keys');
  return user.enterpriseId;
}
