import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { EventsModule } from '../events/events.module';
import { BookingsController } from './bookings.controller';
import { BookingsService } from './bookings.service';
import { ResourceStatsController } from './resource-stats.controller';
import { ResourceStatsService } from './resource-stats.service';
import { ResourcesController } from './resources.controller';
import { ResourcesService } from './resources.service';

@Module({
  imports: [CalendarModule, EventsModule],
  controllers: [ResourcesController, BookingsController, ResourceStatsController],
  providers: [ResourcesService, BookingsService, ResourceStatsService],
  exports: [BookingsService],
})
export class ResourcesModule {}
