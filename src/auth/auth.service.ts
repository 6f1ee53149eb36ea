import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/problem/domain-error';
import { isUniqueViolation } from '../database/postgres-errors';
import { EnterpriseDto } from '../enterprises/dto/enterprise.dto';
import { Enterprise } from '../enterprises/enterprise.entity';
import { EventsService } from '../events/events.service';
import { UserDto } from '../users/dto/user.dto';
import { User } from '../users/user.entity';
import { LoginDto, RegisterDto, RegistrationDto, SessionUser } from './dto/auth.dto';
import { hashPassword, verifyPassword } from './passwords';
import { TokenPair, TokensService } from './tokens.service';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokensService,
    private readonly events: EventsService,
  ) {}

  /** Creates an enterprise (unverified) with its first admin, and signs that admin in. */
  async register({ enterprise, admin }: RegisterDto): Promise<RegistrationDto & TokenPair> {
    const passwordHash = await hashPassword(admin.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const created = await manager.save(manager.create(Enterprise, { ...enterprise }));
        const user = await manager.save(
          manager.create(User, {
            email: admin.email,
            name: admin.name,
            passwordHash,
            role: 'ENTERPRISE_ADMIN',
            enterpriseId: created.id,
          }),
        );
        await this.events.record(manager, {
          type: 'enterprise.registered',
          subjectType: 'enterprise',
          subjectId: created.id,
          enterpriseId: created.id,
          actor: { type: 'user', id: user.id },
          data: { name: created.name, creditCode: created.creditCode },
        });
        const tokens = await this.tokens.issueSession(manager, user);
        return { enterprise: EnterpriseDto.from(created), user: UserDto.from(user), ...tokens };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'enterprises_credit_code_key')) {
        throw new DomainError(
          'conflict',
          'An enterprise with this credit code is already registered',
          {
            errors: [{ field: 'enterprise.creditCode', message: 'is already registered' }],
          },
        );
      }
      if (isUniqueViolation(error, 'users_email_key')) {
        throw new DomainError('conflict', 'This email is already in use', {
          errors: [{ field: 'admin.email', message: 'is already in use' }],
        });
      }
      throw error;
    }
  }

  async login({ email, password }: LoginDto): Promise<TokenPair & SessionUser> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.email) = lower(:email)', { email })
      .getOne();
    const valid = await verifyPassword(user?.passwordHash, password);
    if (!user || !valid || !user.active) {
      throw new DomainError(
        'invalid-credentials',
        'Wrong email or password, or the account is inactive',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { lastLoginAt: new Date() });
      const tokens = await this.tokens.issueSession(manager, user);
      return { ...tokens, ...(await this.sessionUser(manager, user)) };
    });
  }

  async refresh(refreshToken: string): Promise<TokenPair & SessionUser> {
    const { user, ...tokens } = await this.tokens.rotate(refreshToken);
    return { ...tokens, ...(await this.sessionUser(this.dataSource.manager, user)) };
  }

  logout(refreshToken: string): Promise<void> {
    return this.tokens.revokeSessionOf(refreshToken);
  }

  async me(userId: string): Promise<SessionUser> {
    const manager = this.dataSource.manager;
    return this.sessionUser(manager, await manager.findOneByOrFail(User, { id: userId }));
  }

  private async sessionUser(manager: EntityManager, user: User): Promise<SessionUser> {
    const enterprise = user.enterpriseId
      ? await manager.findOneByOrFail(Enterprise, { id: user.enterpriseId })
      : null;
    return { user: UserDto.from(user), enterprise: enterprise && EnterpriseDto.from(enterprise) };
  }
}
