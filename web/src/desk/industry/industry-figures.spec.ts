import {
  chainFlows,
  figuresByZone,
  nodeFilter,
  pipelineFunnel,
  type IndustryAggregates,
} from './industry-figures';

const AGGREGATES: IndustryAggregates = {
  enterprises: [
    { segment: 'CELL_GENE_THERAPY', zone: 'CGT-PARK', count: 4 },
    { segment: 'CRO', zone: 'CGT-PARK', count: 1 },
    { segment: null, zone: 'HMP-CORE', count: 2 },
  ],
  products: [
    { segment: 'CELL_GENE_THERAPY', zone: 'CGT-PARK', stage: 'PHASE_2', count: 3 },
    { segment: 'CELL_GENE_THERAPY', zone: 'HMP-CORE', stage: 'PHASE_2', count: 2 },
    { segment: 'CELL_GENE_THERAPY', zone: 'CGT-PARK', stage: 'PRECLINICAL', count: 1 },
    { segment: null, zone: 'HMP-CORE', stage: 'APPROVED', count: 5 },
  ],
  devices: [{ segment: 'CRO', zone: 'CGT-PARK', deviceClass: 'II', count: 2 }],
  approvalsPerYear: [],
  newEnterprisesPerMonth: [],
  totals: { enterprises: 7, products: 11, devices: 2 },
};

describe('the figures of the industry map', () => {
  it('sums each zone over the segments', () => {
    const zones = figuresByZone(AGGREGATES);
    expect(zones.get('CGT-PARK')).toEqual({ enterprises: 5, products: 4, devices: 2 });
    expect(zones.get('HMP-CORE')).toEqual({ enterprises: 2, products: 7, devices: 0 });
    expect(zones.has('DEVICE-PARK')).toBe(false);
  });

  it('orders the funnel from preclinical to approved whatever the counts, every stage present', () => {
    expect(pipelineFunnel(AGGREGATES)).toEqual([
      { stage: 'PRECLINICAL', count: 1 },
      { stage: 'IND', count: 0 },
      { stage: 'PHASE_1', count: 0 },
      { stage: 'PHASE_2', count: 5 },
      { stage: 'PHASE_3', count: 0 },
      { stage: 'NDA_BLA', count: 0 },
      { stage: 'APPROVED', count: 5 },
    ]);
  });

  it('flows each named segment to its stages and device classes, each flow summed over zones', () => {
    const { nodes, links } = chainFlows(AGGREGATES);
    expect(links).toEqual([
      {
        source: 'segment:CELL_GENE_THERAPY',
        target: 'stage:PHASE_2',
        segment: 'CELL_GENE_THERAPY',
        stage: 'PHASE_2',
        value: 5,
      },
      {
        source: 'segment:CELL_GENE_THERAPY',
        target: 'stage:PRECLINICAL',
        segment: 'CELL_GENE_THERAPY',
        stage: 'PRECLINICAL',
        value: 1,
      },
      { source: 'segment:CRO', target: 'class:II', segment: 'CRO', deviceClass: 'II', value: 2 },
    ]);
    // Stages in pipeline order; the unnamed segment's approved products have no flow to show.
    expect(nodes.map((node) => node.id)).toEqual([
      'segment:CELL_GENE_THERAPY',
      'segment:CRO',
      'stage:PRECLINICAL',
      'stage:PHASE_2',
      'class:II',
    ]);
    expect(nodes.map(nodeFilter)).toEqual([
      { segment: 'CELL_GENE_THERAPY' },
      { segment: 'CRO' },
      { stage: 'PRECLINICAL' },
      { stage: 'PHASE_2' },
      { deviceClass: 'II' },
    ]);
  });
});
