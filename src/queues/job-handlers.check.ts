import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { BULL_MODULE_QUEUE, BULL_MODULE_QUEUE_PROCESS } from '@nestjs/bull/dist/bull.constants';
import { JOB_NAMES, JOB_QUEUES } from './queues';

/**
 * Refuses to start a worker in which a job has no handler, two handlers, or a handler on the
 * wrong queue: such jobs would wait forever or run twice.
 */
@Injectable()
export class JobHandlersCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    const handlers = new Map<string, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const queue = Reflect.getMetadata(BULL_MODULE_QUEUE, metatype) as
        { name?: string } | undefined;
      if (!queue) continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const process = Reflect.getMetadata(BULL_MODULE_QUEUE_PROCESS, prototype[method]) as
          { name?: string } | undefined;
        if (!process?.name) continue;
        handlers.set(process.name, [
          ...(handlers.get(process.name) ?? []),
          `${queue.name}:${metatype.name}.${method}`,
        ]);
      }
    }
    const problems: string[] = [];
    for (const name of JOB_NAMES) {
      const found = handlers.get(name) ?? [];
      if (found.length !== 1)
        problems.push(`job "${name}" has ${found.length} handlers (${found.join(', ')})`);
      else if (!found[0].startsWith(`${JOB_QUEUES[name]}:`))
        problems.push(`job "${name}" is handled on ${found[0]}`);
    }
    for (const name of handlers.keys()) {
      if (!(JOB_NAMES as string[]).includes(name))
        problems.push(`handler for unknown job "${name}"`);
    }
    if (problems.length > 0)
      throw new Error(`Job handlers are inconsistent: ${problems.join('; ')}`);
  }
}
