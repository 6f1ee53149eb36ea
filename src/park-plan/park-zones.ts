/**
 * The plan of Qiantang's biomedical park around Hangzhou Medical Port (杭州医药港), drawn in a
 * plan space of PLAN_WIDTH × PLAN_HEIGHT units with the origin top left, north up and the
 * Qiantang River along the south edge. Zone outlines are schematic: they place each zone
 * beside its neighbours for the command desk's map, not on a survey.
 */
export const PLAN_WIDTH = 1000;
export const PLAN_HEIGHT = 700;

export type PlanPoint = readonly [x: number, y: number];

export interface ParkZone {
  code: string;
  name: string;
  nameEn: string;
  /** What the zone hosts, for the map's legend. */
  focus: string;
  focusEn: string;
  /** Closed outline, clockwise; the first point is not repeated at the end. */
  outline: readonly PlanPoint[];
  /** Where the zone's label and figures sit on the map. */
  label: PlanPoint;
}

export const PARK_ZONES = [
  {
    code: 'HMP-CORE',
    name: '杭州医药港小镇核心区',
    nameEn: 'Hangzhou Medical Port Town core',
    focus: '创新药研发总部、投融资与展示中心',
    focusEn: 'Innovative drug headquarters, investment and exhibition centre',
    outline: [
      [380, 190],
      [560, 170],
      [600, 330],
      [420, 360],
    ],
    label: [490, 265],
  },
  {
    code: 'HMP-INNOVATION',
    name: '医药港创新研发区',
    nameEn: 'Medical Port innovation and R&D district',
    focus: '孵化器、加速器与 CRO 实验室',
    focusEn: 'Incubators, accelerators and CRO laboratories',
    outline: [
      [110, 110],
      [360, 90],
      [380, 190],
      [420, 360],
      [150, 380],
    ],
    label: [265, 240],
  },
  {
    code: 'XIASHA-BIOPARK',
    name: '下沙生物医药产业园',
    nameEn: 'Xiasha biomedical industrial park',
    focus: '生物药与化学药中试及产业化',
    focusEn: 'Biologics and small-molecule pilot and commercial plants',
    outline: [
      [560, 170],
      [810, 130],
      [850, 300],
      [600, 330],
    ],
    label: [705, 235],
  },
  {
    code: 'CGT-PARK',
    name: '细胞与基因治疗产业园',
    nameEn: 'Cell and gene therapy park',
    focus: '细胞制备中心、病毒载体与 GMP 洁净车间',
    focusEn: 'Cell preparation centre, viral vectors and GMP clean rooms',
    outline: [
      [600, 330],
      [850, 300],
      [870, 450],
      [640, 480],
    ],
    label: [740, 390],
  },
  {
    code: 'DEVICE-PARK',
    name: '高端医疗器械产业园',
    nameEn: 'Advanced medical devices park',
    focus: '有源与植介入器械、体外诊断试剂',
    focusEn: 'Active and implantable devices, in-vitro diagnostics',
    outline: [
      [150, 380],
      [420, 360],
      [440, 520],
      [170, 560],
    ],
    label: [295, 455],
  },
  {
    code: 'PLATFORM-HUB',
    name: '公共服务平台区',
    nameEn: 'Public platforms hub',
    focus: '检验检测、动物实验、药物安全评价与政务服务',
    focusEn: 'Testing, animal studies, drug safety evaluation and the service window',
    outline: [
      [420, 360],
      [600, 330],
      [640, 480],
      [440, 520],
    ],
    label: [525, 425],
  },
  {
    code: 'JIANGDONG-CDMO',
    name: '江东 CDMO 产业基地',
    nameEn: 'Jiangdong CDMO base',
    focus: '合同研发生产、制剂灌装',
    focusEn: 'Contract development and manufacturing, fill and finish',
    outline: [
      [810, 130],
      [960, 110],
      [980, 290],
      [850, 300],
    ],
    label: [900, 210],
  },
  {
    code: 'LINJIANG-MFG',
    name: '临江原料药与制剂制造区',
    nameEn: 'Linjiang API and formulation manufacturing zone',
    focus: '原料药、中间体与制剂生产',
    focusEn: 'Active pharmaceutical ingredients, intermediates and formulations',
    outline: [
      [850, 300],
      [980, 290],
      [990, 520],
      [870, 450],
    ],
    label: [925, 400],
  },
  {
    code: 'LOGISTICS-PARK',
    name: '医药冷链物流园',
    nameEn: 'Pharmaceutical cold-chain logistics park',
    focus: '药品批发、冷链仓储与进口生物制品口岸服务',
    focusEn: 'Drug wholesale, cold-chain storage and port services for imported biologics',
    outline: [
      [440, 520],
      [640, 480],
      [870, 450],
      [990, 520],
      [990, 600],
      [460, 620],
    ],
    label: [720, 550],
  },
] as const satisfies readonly ParkZone[];

export type ZoneCode = (typeof PARK_ZONES)[number]['code'];

export const ZONE_CODES: readonly ZoneCode[] = PARK_ZONES.map((zone) => zone.code);
