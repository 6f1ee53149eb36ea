import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { EventsModule } from '../events/events.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PrincipalResolver } from './principal-resolver.service';
import { TokensService } from './tokens.service';

@Module({
  imports: [
    EventsModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, TokensService, PrincipalResolver, AccessGuard],
  exports: [TokensService, PrincipalResolver, AccessGuard],
})
export class AuthModule {}
