import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { actorOf, actsForEnterprise, isStaff, Principal } from '../common/auth/principal';
import { ExpectedVersion, assertVersion } from '../common/http/versioning';
import { mapPage, Page, paginateNewestFirst } from '../common/pagination/page';
import { DomainError } from '../common/problem/domain-error';
import { escapeLike } from '../database/escape-like';
import { EventsService } from '../events/events.service';
import { UserDto } from '../users/dto/user.dto';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { EnterpriseDto } from './dto/enterprise.dto';
import { UpdateEnterpriseDto } from './dto/enterprise-profile.dto';
import { EnterpriseListQuery } from './dto/enterprise-query.dto';
import { NewMemberDto } from './dto/member.dto';
import { Enterprise } from './enterprise.entity';

@Injectable()
export class EnterprisesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly events: EventsService,
    private readonly audit: AuditService,
  ) {}

  async listEnterprises(query: EnterpriseListQuery): Promise<Page<EnterpriseDto>> {
    const enterprises = this.dataSource.getRepository(Enterprise).createQueryBuilder('enterprise');
    if (query.sector) enterprises.andWhere('enterprise.sector = :sector', { sector: query.sector });
    if (query.zone) enterprises.andWhere('enterprise.zone = :zone', { zone: query.zone });
    if (query.verified) {
      enterprises.andWhere(
        `enterprise.verified_at IS ${query.verified === 'true' ? 'NOT NULL' : 'NULL'}`,
      );
    }
    if (query.q) {
      enterprises.andWhere(
        '(enterprise.name ILIKE :contains OR enterprise.name_en ILIKE :contains OR enterprise.credit_code LIKE :prefix)',
        { contains: `%${escapeLike(query.q)}%`, prefix: `${escapeLike(query.q.toUpperCase())}%` },
      );
    }
    return mapPage(await paginateNewestFirst(enterprises, query), EnterpriseDto.from);
  }

  async getEnterprise(principal: Principal, id: string): Promise<EnterpriseDto> {
    return EnterpriseDto.from(await this.findVisible(this.dataSource.manager, principal, id));
  }

  async updateEnterprise(
    principal: Principal,
    id: string,
    change: UpdateEnterpriseDto,
    ifMatch: number | undefined,
  ): Promise<EnterpriseDto> {
    const { expectedVersion, ...profile } = change;
    return this.dataSource.transaction(async (manager) => {
      const enterprise = await this.findVisible(manager, principal, id, true);
      assertVersion(
        enterprise.version,
        { ifMatch, body: expectedVersion } satisfies ExpectedVersion,
        'Enterprise',
      );
      await manager.update(
        Enterprise,
        { id, version: enterprise.version },
        { ...profile, version: enterprise.version + 1 },
      );
      return EnterpriseDto.from(await manager.findOneByOrFail(Enterprise, { id }));
    });
  }

  /**
   * Any staff member confirms the enterprise is who it says; only verified ones may submit.
   * Their notes (what they checked) stay with the audit entry and the event.
   */
  async verifyEnterprise(
    principal: Principal,
    id: string,
    notes: string | null = null,
  ): Promise<EnterpriseDto> {
    const actor = actorOf(principal);
    return this.dataSource.transaction(async (manager) => {
      const enterprise = await this.findVisible(manager, principal, id, true);
      if (enterprise.verifiedAt) return EnterpriseDto.from(enterprise);
      await manager.update(
        Enterprise,
        { id },
        { verifiedAt: () => 'now()', verifiedBy: actor.id, version: enterprise.version + 1 },
      );
      await this.audit.record(
        manager,
        actor,
        'enterprise.verified',
        { type: 'enterprise', id },
        { notes },
      );
      await this.events.record(manager, {
        type: 'enterprise.verified',
        subjectType: 'enterprise',
        subjectId: id,
        enterpriseId: id,
        actor,
        data: { name: enterprise.name, notes },
      });
      return EnterpriseDto.from(await manager.findOneByOrFail(Enterprise, { id }));
    });
  }

  async listMembers(principal: Principal, enterpriseId: string): Promise<UserDto[]> {
    await this.findVisible(this.dataSource.manager, principal, enterpriseId);
    const members = await this.dataSource
      .getRepository(User)
      .find({ where: { enterpriseId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return members.map(UserDto.from);
  }

  async addMember(
    principal: Principal,
    enterpriseId: string,
    member: NewMemberDto,
  ): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.findVisible(manager, principal, enterpriseId, true);
      const user = await this.users.insertUser(manager, { ...member, enterpriseId });
      return UserDto.from(user);
    });
  }

  /**
   * The enterprise if the principal may see it; another enterprise's id is a 404, so ids
   * reveal nothing. With `lock`, the row is locked for the caller's transaction.
   */
  private async findVisible(
    manager: EntityManager,
    principal: Principal,
    id: string,
    lock = false,
  ): Promise<Enterprise> {
    if (!isStaff(principal) && !actsForEnterprise(principal, id))
      throw DomainError.notFound('Enterprise');
    const enterprise = await manager.findOne(Enterprise, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!enterprise) throw DomainError.notFound('Enterprise');
    return enterprise;
  }
}
