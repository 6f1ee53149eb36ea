import { resolve } from 'node:path';
import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { AppConfig } from '../config/app-config';
import { LibraryController } from './library.controller';
import { MATERIAL_STORAGE, MaterialsService } from './materials.service';
import { LocalDiskStorage } from './storage/material-storage';

@Module({
  imports: [CatalogueModule],
  controllers: [LibraryController],
  providers: [
    MaterialsService,
    {
      provide: MATERIAL_STORAGE,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new LocalDiskStorage(resolve(config.STORAGE_DIR)),
    },
  ],
  exports: [MaterialsService],
})
export class MaterialsModule {}
