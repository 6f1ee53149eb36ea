import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { EventsModule } from '../events/events.module';
import { UsersModule } from '../users/users.module';
import { HandoversController } from './handovers.controller';
import { HandoversService } from './handovers.service';
import { ProvidersController } from './providers.controller';
import { ProvidersService } from './providers.service';

@Module({
  imports: [ApplicationsModule, EventsModule, UsersModule],
  controllers: [ProvidersController, HandoversController],
  providers: [ProvidersService, HandoversService],
})
export class ProvidersModule {}
