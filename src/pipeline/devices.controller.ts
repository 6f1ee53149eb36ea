import { Body, Param, Query } from '@nestjs/common';
import { CurrentPrincipal } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/principal';
import { IfMatchVersion } from '../common/http/versioning';
import { Page, PageQuery } from '../common/pagination/page';
import { DeviceChange, DeviceDto, DeviceInput, DevicePageDto } from './dto/device.dto';
import { VerificationInput } from './dto/verification.dto';
import { DEVICES } from './pipeline-kinds';
import {
  CreateItem,
  DeleteItem,
  ListItems,
  PipelineItemController,
  ReadItem,
  UpdateItem,
  uuidParam,
  VerifyItem,
} from './pipeline-routes';
import { PipelineService } from './pipeline.service';

@PipelineItemController('devices')
export class DevicesController {
  constructor(private readonly pipeline: PipelineService) {}

  @ListItems('devices', DevicePageDto)
  listDevices(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam()) id: string,
    @Query() page: PageQuery,
  ): Promise<Page<DeviceDto>> {
    return this.pipeline.list(DEVICES, principal, id, page);
  }

  @ReadItem('device', DeviceDto)
  getDevice(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam()) id: string,
    @Param('itemId', uuidParam()) itemId: string,
  ): Promise<DeviceDto> {
    return this.pipeline.get(DEVICES, principal, id, itemId);
  }

  @CreateItem('devices', DeviceDto)
  createDevice(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam()) id: string,
    @Body() body: DeviceInput,
  ): Promise<DeviceDto> {
    return this.pipeline.create(DEVICES, principal, id, body);
  }

  @UpdateItem('device', DeviceDto)
  updateDevice(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam()) id: string,
    @Param('itemId', uuidParam()) itemId: string,
    @Body() body: DeviceChange,
    @IfMatchVersion() ifMatch: number | undefined,
  ): Promise<DeviceDto> {
    return this.pipeline.update(DEVICES, principal, id, itemId, body, ifMatch);
  }

  @DeleteItem('device')
  deleteDevice(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam()) id: string,
    @Param('itemId', uuidParam()) itemId: string,
    @IfMatchVersion() ifMatch: number | undefined,
  ): Promise<void> {
    return this.pipeline.remove(DEVICES, principal, id, itemId, ifMatch);
  }

  @VerifyItem('device', DeviceDto)
  verifyDevice(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam()) id: string,
    @Param('itemId', uuidParam()) itemId: string,
    @Body() body: VerificationInput,
  ): Promise<DeviceDto> {
    return this.pipeline.verify(DEVICES, principal, id, itemId, body);
  }
}
