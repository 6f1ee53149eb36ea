import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { EventsModule } from '../events/events.module';
import { DoctorsController } from './doctors.controller';
import { DoctorsService } from './doctors.service';
import { PlacementReader } from './placement-reader.service';
import { PlacementsController } from './placements.controller';
import { PlacementsService } from './placements.service';

/** Doctors into enterprise: the hospitals' doctors and their placements with enterprises. */
@Module({
  imports: [ApplicationsModule, EventsModule],
  controllers: [DoctorsController, PlacementsController],
  providers: [DoctorsService, PlacementReader, PlacementsService],
})
export class PlacementsModule {}
