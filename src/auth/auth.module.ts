import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { EventsModule } from '../events/events.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PrincipalCache } from './principal-cache.service';
import { PrincipalResolver } from './principal-resolver.service';
import { LoginAccount, RefreshSession } from './rate-limited-accounts';
import { RefreshCookie } from './refresh-cookie';
import { TokensService } from './tokens.service';

@Module({
  imports: [
    EventsModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A key object: given the string, jsonwebtoken tries it as a PEM public key on every
        // verify first, and that failed attempt costs more than the rest of a request.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    TokensService,
    PrincipalResolver,
    PrincipalCache,
    AccessGuard,
    LoginAccount,
    RefreshSession,
    RefreshCookie,
  ],
  exports: [TokensService, PrincipalResolver, PrincipalCache, AccessGuard],
})
export class AuthModule {}
