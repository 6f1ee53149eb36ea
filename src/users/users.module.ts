import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DepartmentStaffController } from './department-staff.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [AuthModule],
  controllers: [UsersController, DepartmentStaffController],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
