import { Module } from '@nestjs/common';
import { BundlesController } from './bundles.controller';
import { BundlesService } from './bundles.service';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';
import { DepartmentsController } from './departments.controller';

@Module({
  controllers: [CatalogueController, BundlesController, DepartmentsController],
  providers: [CatalogueService, BundlesService],
  exports: [CatalogueService, BundlesService],
})
export class CatalogueModule {}
