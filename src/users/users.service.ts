import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import { PrincipalCache } from '../auth/principal-cache.service';
import { TokensService } from '../auth/tokens.service';
import { AuditService } from '../audit/audit.service';
import { Actor, UserPrincipal } from '../common/auth/principal';
import { affiliationOf, DEPARTMENT_ROLES, Role } from '../common/auth/roles';
import { mapPage, Page, paginateNewestFirst } from '../common/pagination/page';
import { DomainError } from '../common/problem/domain-error';
import { escapeLike } from '../database/escape-like';
import { isForeignKeyViolation, isUniqueViolation } from '../database/postgres-errors';
import { NewPersonDto } from '../auth/dto/auth.dto';
import { DepartmentStaffDto } from './dto/department-staff.dto';
import { UserDto } from './dto/user.dto';
import { NewStaffDto, UpdateUserDto, UserListQuery } from './dto/staff.dto';
import { User } from './user.entity';

interface NewUser extends NewPersonDto {
  role: Role;
  enterpriseId?: string;
  departmentCode?: string;
  providerId?: string;
  institutionId?: string;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokensService,
    private readonly principals: PrincipalCache,
    private readonly audit: AuditService,
  ) {}

  async listUsers(query: UserListQuery): Promise<Page<UserDto>> {
    const users = this.dataSource.getRepository(User).createQueryBuilder('user');
    if (query.role) users.andWhere('user.role = :role', { role: query.role });
    if (query.department)
      users.andWhere('user.department_code = :department', { department: query.department });
    if (query.active) users.andWhere('user.active = :active', { active: query.active === 'true' });
    if (query.q) {
      users.andWhere('(user.name ILIKE :q OR user.email ILIKE :q)', {
        q: `%${escapeLike(query.q)}%`,
      });
    }
    return mapPage(await paginateNewestFirst(users, query), UserDto.from);
  }

  async listDepartmentStaff(
    principal: UserPrincipal,
    departmentCode: string,
  ): Promise<DepartmentStaffDto[]> {
    if (principal.role === 'DEPARTMENT_HEAD' && principal.departmentCode !== departmentCode)
      throw new DomainError('forbidden', "Heads list their own department's staff only");
    // One row per colleague, or one empty row for a department without any: none means unknown.
    const rows: (DepartmentStaffDto | { id: null })[] = await this.dataSource.query(
      `SELECT u.id, u.name, u.role FROM departments d
         LEFT JOIN users u ON u.department_code = d.code AND u.active
                          AND u.role IN ('OFFICER', 'DEPARTMENT_HEAD')
        WHERE d.code = $1
        ORDER BY u.name, u.id`,
      [departmentCode],
    );
    if (rows.length === 0) throw DomainError.notFound(`Department ${departmentCode}`);
    return rows.filter((row): row is DepartmentStaffDto => row.id !== null);
  }

  async createStaff(actor: Actor, staff: NewStaffDto): Promise<UserDto> {
    if (staff.role === 'ADMIN' && staff.departmentCode) {
      throw DomainError.invalidField('departmentCode', 'must be absent for ADMIN');
    }
    return this.dataSource.transaction(async (manager) => {
      const user = await this.insertUser(manager, staff);
      await this.audit.record(
        manager,
        actor,
        'user.created',
        { type: 'user', id: user.id },
        {
          role: user.role,
          departmentCode: user.departmentCode,
        },
      );
      return UserDto.from(user);
    });
  }

  /** Inserts a user with a fresh password hash; duplicate emails and unknown departments are 4xx. */
  async insertUser(manager: EntityManager, person: NewUser): Promise<User> {
    const passwordHash = await hashPassword(person.password);
    try {
      return await manager.save(
        manager.create(User, {
          email: person.email,
          name: person.name,
          passwordHash,
          role: person.role,
          enterpriseId: person.enterpriseId ?? null,
          departmentCode: person.departmentCode ?? null,
          providerId: person.providerId ?? null,
          institutionId: person.institutionId ?? null,
        }),
      );
    } catch (error) {
      throw translateUserError(error);
    }
  }

  async updateUser(actor: Actor, userId: string, change: UpdateUserDto): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw DomainError.notFound('User');
      if (change.expectedVersion !== undefined && change.expectedVersion !== user.version) {
        throw new DomainError(
          'version-conflict',
          `User is at version ${user.version}, not ${change.expectedVersion}`,
        );
      }
      const role = change.role ?? user.role;
      const departmentCode = DEPARTMENT_ROLES.includes(role)
        ? (change.departmentCode ?? user.departmentCode)
        : null;
      if (affiliationOf(role) !== affiliationOf(user.role)) {
        throw DomainError.invalidField(
          'role',
          'cannot move a user between an enterprise, the park staff, a provider and an institution',
        );
      }
      if (DEPARTMENT_ROLES.includes(role) && !departmentCode) {
        throw DomainError.invalidField('departmentCode', `is required for ${role}`);
      }
      if (change.departmentCode && !DEPARTMENT_ROLES.includes(role)) {
        throw DomainError.invalidField('departmentCode', `must be absent for ${role}`);
      }
      const active = change.active ?? user.active;
      try {
        await manager.update(
          User,
          { id: user.id },
          { role, departmentCode, active, version: user.version + 1 },
        );
      } catch (error) {
        throw translateUserError(error);
      }
      this.principals.userChanged(manager, user.id);
      if (user.active && !active) {
        await this.tokens.revokeAllOf(manager, user.id);
        // Their claimed tasks go back to the department's queue.
        await manager.query(
          `UPDATE tasks SET status = 'OPEN', assignee_id = NULL, claimed_at = NULL, version = version + 1
           WHERE assignee_id = $1 AND status = 'CLAIMED'`,
          [user.id],
        );
      }
      await this.audit.record(
        manager,
        actor,
        'user.updated',
        { type: 'user', id: user.id },
        {
          before: { role: user.role, departmentCode: user.departmentCode, active: user.active },
          after: { role, departmentCode, active },
        },
      );
      return UserDto.from(await manager.findOneByOrFail(User, { id: user.id }));
    });
  }
}

function translateUserError(error: unknown): unknown {
  if (isUniqueViolation(error, 'users_email_key')) {
    return new DomainError('conflict', 'This email is already in use', {
      errors: [{ field: 'email', message: 'is already in use' }],
    });
  }
  if (isForeignKeyViolation(error))
    return DomainError.invalidField('departmentCode', 'is not a known department');
  return error;
}
