import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { CertificatesModule } from '../certificates/certificates.module';
import { EventsModule } from '../events/events.module';
import { MaterialsModule } from '../materials/materials.module';
import { SlaModule } from '../sla/sla.module';
import { ApplicationOversight } from './application-oversight.service';
import { ApplicationReader } from './application-reader.service';
import { ApplicationTimers } from './application-timers.service';
import { ApplicationWorkflow } from './application-workflow.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { BundleCoordinator } from './bundle-coordinator.service';
import { StageRunner } from './stage-runner.service';

@Module({
  imports: [CatalogueModule, CertificatesModule, EventsModule, MaterialsModule, SlaModule],
  controllers: [ApplicationsController],
  providers: [
    ApplicationsService,
    ApplicationReader,
    ApplicationWorkflow,
    ApplicationOversight,
    ApplicationTimers,
    BundleCoordinator,
    StageRunner,
  ],
  exports: [
    ApplicationReader,
    ApplicationWorkflow,
    ApplicationTimers,
    BundleCoordinator,
    StageRunner,
  ],
})
export class ApplicationsModule {}
