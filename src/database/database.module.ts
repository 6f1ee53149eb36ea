import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { AfterCommit } from './after-commit.service';
import { databaseOptions } from './database-options';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ ...databaseOptions(config), autoLoadEntities: false }),
    }),
  ],
  providers: [AfterCommit],
  exports: [AfterCommit],
})
export class DatabaseModule {}
