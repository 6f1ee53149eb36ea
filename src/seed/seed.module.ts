import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { SeedService } from './seed.service';

@Module({
  imports: [CatalogueModule, CalendarModule],
  providers: [SeedService],
  exports: [SeedService],
})
export class SeedModule {}
