import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { MaterialsModule } from '../materials/materials.module';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';

@Module({
  imports: [MaterialsModule, EventsModule],
  controllers: [CertificatesController],
  providers: [CertificatesService],
  exports: [CertificatesService],
})
export class CertificatesModule {}
