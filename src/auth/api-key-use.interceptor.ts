import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { mergeMap, Observable } from 'rxjs';
import { AuthenticatedRequest } from '../common/auth/auth.decorators';
import { PrincipalResolver } from './principal-resolver.service';

/** Records an API key's use once its request has succeeded (see PrincipalResolver.recordUse). */
@Injectable()
export class ApiKeyUseInterceptor implements NestInterceptor {
  constructor(private readonly resolver: PrincipalResolver) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const { principal } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (principal?.kind !== 'api_key') return next.handle();
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        await this.resolver.recordUse(principal);
        return body;
      }),
    );
  }
}
