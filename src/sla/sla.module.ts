import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { EventsModule } from '../events/events.module';
import { SlaService } from './sla.service';

@Module({ imports: [CalendarModule, EventsModule], providers: [SlaService], exports: [SlaService] })
export class SlaModule {}
