import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { CertificatesModule } from '../certificates/certificates.module';
import { EventsModule } from '../events/events.module';
import { MandatesModule } from '../mandates/mandates.module';
import { MaterialsModule } from '../materials/materials.module';
import { ResourcesModule } from '../resources/resources.module';
import { SlaModule } from '../sla/sla.module';
import { ApplicationDrafts } from './application-drafts.service';
import { ApplicationMaterials } from './application-materials.service';
import { ApplicationOversight } from './application-oversight.service';
import { ApplicationReader } from './application-reader.service';
import { ApplicationTimers } from './application-timers.service';
import { ApplicationWorkflow } from './application-workflow.service';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { BundleCoordinator } from './bundle-coordinator.service';
import { StageRunner } from './stage-runner.service';

@Module({
  imports: [
    CatalogueModule,
    CertificatesModule,
    EventsModule,
    MandatesModule,
    MaterialsModule,
    ResourcesModule,
    SlaModule,
  ],
  controllers: [ApplicationsController],
  providers: [
    ApplicationsService,
    ApplicationDrafts,
    ApplicationMaterials,
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
