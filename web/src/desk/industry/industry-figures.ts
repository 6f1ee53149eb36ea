import type { components } from '@parkline/client';
import {
  STAGES,
  DEVICE_CLASSES,
  type DeviceClass,
  type Segment,
  type Stage,
  type Zone,
} from '../../directory/directory-filter';

export type IndustryAggregates = components['schemas']['IndustryAggregatesDto'];

export interface ZoneFigures {
  enterprises: number;
  products: number;
  devices: number;
}

/** Each zone's enterprises, products and devices, summed over the segments. */
export function figuresByZone(aggregates: IndustryAggregates): Map<string, ZoneFigures> {
  const zones = new Map<string, ZoneFigures>();
  const add = (zone: string, field: keyof ZoneFigures, count: number) => {
    const figures = zones.get(zone) ?? { enterprises: 0, products: 0, devices: 0 };
    figures[field] += count;
    zones.set(zone, figures);
  };
  for (const cell of aggregates.enterprises) add(cell.zone, 'enterprises', cell.count);
  for (const cell of aggregates.products) add(cell.zone, 'products', cell.count);
  for (const cell of aggregates.devices) add(cell.zone, 'devices', cell.count);
  return zones;
}

export interface FunnelStep {
  stage: Stage;
  count: number;
}

/**
 * The products at each stage, from the laboratory to the market (the API's order of stages,
 * not the counts' order), a stage with none kept as zero so that the funnel has every step.
 */
export function pipelineFunnel(aggregates: IndustryAggregates): FunnelStep[] {
  const counts = new Map<string, number>();
  for (const cell of aggregates.products)
    counts.set(cell.stage, (counts.get(cell.stage) ?? 0) + cell.count);
  return STAGES.map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));
}

/** A node of the chain: a segment, or what its pipeline holds (a product stage, a device class). */
export type ChainNode =
  | { id: string; kind: 'segment'; segment: Segment }
  | { id: string; kind: 'stage'; stage: Stage }
  | { id: string; kind: 'deviceClass'; deviceClass: DeviceClass };

export interface ChainLink {
  source: string;
  target: string;
  value: number;
  segment: Segment;
  stage?: Stage;
  deviceClass?: DeviceClass;
}

export const segmentNode = (segment: Segment) => `segment:${segment}`;
export const stageNode = (stage: Stage) => `stage:${stage}`;
export const deviceClassNode = (deviceClass: DeviceClass) => `class:${deviceClass}`;

/**
 * The industry chain as a flow: each segment to the stages of its products and the classes of
 * its devices. Enterprises that have not named their segment have no place in it (the
 * directory lists them unfiltered); nodes without a flow are left out.
 */
export function chainFlows(aggregates: IndustryAggregates): {
  nodes: ChainNode[];
  links: ChainLink[];
} {
  const links = new Map<string, ChainLink>();
  const add = (link: Omit<ChainLink, 'value'>, count: number) => {
    const key = `${link.source}>${link.target}`;
    const known = links.get(key);
    if (known) known.value += count;
    else links.set(key, { ...link, value: count });
  };
  for (const cell of aggregates.products)
    if (cell.segment && cell.count > 0)
      add(
        {
          source: segmentNode(cell.segment),
          target: stageNode(cell.stage),
          segment: cell.segment,
          stage: cell.stage,
        },
        cell.count,
      );
  for (const cell of aggregates.devices) {
    const deviceClass = cell.deviceClass as DeviceClass;
    if (cell.segment && cell.count > 0)
      add(
        {
          source: segmentNode(cell.segment),
          target: deviceClassNode(deviceClass),
          segment: cell.segment,
          deviceClass,
        },
        cell.count,
      );
  }
  const used = new Set([...links.values()].flatMap((link) => [link.source, link.target]));
  const segments = [...new Set([...links.values()].map((link) => link.segment))];
  const nodes: ChainNode[] = [
    ...segments.map((segment) => ({ id: segmentNode(segment), kind: 'segment' as const, segment })),
    ...STAGES.filter((stage) => used.has(stageNode(stage))).map((stage) => ({
      id: stageNode(stage),
      kind: 'stage' as const,
      stage,
    })),
    ...DEVICE_CLASSES.filter((deviceClass) => used.has(deviceClassNode(deviceClass))).map(
      (deviceClass) => ({
        id: deviceClassNode(deviceClass),
        kind: 'deviceClass' as const,
        deviceClass,
      }),
    ),
  ];
  return { nodes, links: [...links.values()] };
}

/** The directory filter a node of the chain opens. */
export function nodeFilter(node: ChainNode) {
  if (node.kind === 'segment') return { segment: node.segment };
  if (node.kind === 'stage') return { stage: node.stage };
  return { deviceClass: node.deviceClass };
}

export type { Zone };
