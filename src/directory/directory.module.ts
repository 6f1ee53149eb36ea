import { Module } from '@nestjs/common';
import { DirectoryController } from './directory.controller';
import { DirectoryService } from './directory.service';

/** The industry directory and map, read from the rollup the database keeps. */
@Module({ controllers: [DirectoryController], providers: [DirectoryService] })
export class DirectoryModule {}
