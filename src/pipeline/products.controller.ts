import { Body, Param, Query } from '@nestjs/common';
import { CurrentPrincipal } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/principal';
import { IfMatchVersion } from '../common/http/versioning';
import { Page, PageQuery } from '../common/pagination/page';
import { ProductChange, ProductDto, ProductInput, ProductPageDto } from './dto/product.dto';
import { VerificationInput } from './dto/verification.dto';
import { PRODUCTS } from './pipeline-kinds';
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

@PipelineItemController('products')
export class ProductsController {
  constructor(private readonly pipeline: PipelineService) {}

  @ListItems('products', ProductPageDto)
  listProducts(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam()) id: string,
    @Query() page: PageQuery,
  ): Promise<Page<ProductDto>> {
    return this.pipeline.list(PRODUCTS, principal, id, page);
  }

  @ReadItem('product', ProductDto)
  getProduct(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam()) id: string,
    @Param('itemId', uuidParam()) itemId: string,
  ): Promise<ProductDto> {
    return this.pipeline.get(PRODUCTS, principal, id, itemId);
  }

  @CreateItem('products', ProductDto)
  createProduct(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam()) id: string,
    @Body() body: ProductInput,
  ): Promise<ProductDto> {
    return this.pipeline.create(PRODUCTS, principal, id, body);
  }

  @UpdateItem('product', ProductDto)
  updateProduct(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam()) id: string,
    @Param('itemId', uuidParam()) itemId: string,
    @Body() body: ProductChange,
    @IfMatchVersion() ifMatch: number | undefined,
  ): Promise<ProductDto> {
    return this.pipeline.update(PRODUCTS, principal, id, itemId, body, ifMatch);
  }

  @DeleteItem('product')
  deleteProduct(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam()) id: string,
    @Param('itemId', uuidParam()) itemId: string,
    @IfMatchVersion() ifMatch: number | undefined,
  ): Promise<void> {
    return this.pipeline.remove(PRODUCTS, principal, id, itemId, ifMatch);
  }

  @VerifyItem('product', ProductDto)
  verifyProduct(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam()) id: string,
    @Param('itemId', uuidParam()) itemId: string,
    @Body() body: VerificationInput,
  ): Promise<ProductDto> {
    return this.pipeline.verify(PRODUCTS, principal, id, itemId, body);
  }
}
