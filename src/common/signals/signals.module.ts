import { Global, Module } from '@nestjs/common';
import { ClusterSignals } from './cluster-signals.service';

@Global()
@Module({ providers: [ClusterSignals], exports: [ClusterSignals] })
export class SignalsModule {}
