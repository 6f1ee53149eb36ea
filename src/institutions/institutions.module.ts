import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { EventsModule } from '../events/events.module';
import { UsersModule } from '../users/users.module';
import { DockingsController } from './dockings.controller';
import { DockingsService } from './dockings.service';
import { InstitutionsController } from './institutions.controller';
import { InstitutionsService } from './institutions.service';

@Module({
  imports: [ApplicationsModule, EventsModule, UsersModule],
  controllers: [InstitutionsController, DockingsController],
  providers: [InstitutionsService, DockingsService],
})
export class InstitutionsModule {}
