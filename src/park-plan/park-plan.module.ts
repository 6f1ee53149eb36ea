import { Module } from '@nestjs/common';
import { ParkPlanController } from './park-plan.controller';

/** The park's zones, served as they are kept in the repository. */
@Module({ controllers: [ParkPlanController] })
export class ParkPlanModule {}
