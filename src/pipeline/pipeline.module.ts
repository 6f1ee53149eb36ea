import { Module } from '@nestjs/common';
import { DevicesController } from './devices.controller';
import { PipelineHistoryController } from './pipeline-history.controller';
import { PipelineService } from './pipeline.service';
import { ProductsController } from './products.controller';

/** The pipelines enterprises keep and staff verify. */
@Module({
  controllers: [ProductsController, DevicesController, PipelineHistoryController],
  providers: [PipelineService],
})
export class PipelineModule {}
