import type { BundleSeed } from './catalogue-seed.types';

export const BUNDLES: BundleSeed[] = [
  {
    code: 'CELL_THERAPY_LAB',
    name: '开办细胞治疗研发实验室“一件事”',
    nameEn: 'Open a cell-therapy R&D lab',
    description:
      '一次填报、一套材料，并联办理病原微生物实验室备案、实验动物使用许可、辐射安全许可和建设项目环评审批；实验动物使用许可在实验室备案完成后自动启动，并复用已出具的备案凭证。（危险化学品安全使用许可针对化工生产企业，研发实验室不在其列，故不纳入。）',
    serviceCodes: ['PATHOGEN_LAB_FILING', 'LAB_ANIMAL_USE', 'RADIATION_SAFETY', 'EIA_APPROVAL'],
    prerequisites: [{ serviceCode: 'LAB_ANIMAL_USE', requires: 'PATHOGEN_LAB_FILING' }],
  },
  {
    code: 'BIOLOGICS_IMPORT_ANIMAL_STUDIES',
    name: '进口研发用生物材料并开展动物实验“一件事”',
    nameEn: 'Import research biologics and start animal studies',
    description:
      '并联办理入境特殊物品卫生检疫审批、研发用物品进口“白名单”和实验动物使用许可；物品信息、进口合同、物品描述材料和实验室生物安全备案凭证只需提交一次。',
    serviceCodes: ['SPECIAL_ARTICLE_ENTRY', 'RD_IMPORT_WHITELIST', 'LAB_ANIMAL_USE'],
    prerequisites: [],
  },
  {
    code: 'DRUG_CANDIDATE_TO_CLINIC',
    name: '候选药物进入临床试验“一件事”',
    nameEn: 'Take a drug candidate to clinical trial',
    description:
      '代办药物临床试验申请（IND，六十日默示许可）和人类遗传资源国际合作临床试验审批，并对接临床试验机构；临床试验机构对接在临床试验申请获准（含默示许可）后启动。',
    serviceCodes: [
      'CLINICAL_TRIAL_APPLICATION',
      'HUMAN_GENETIC_RESOURCES',
      'CLINICAL_TRIAL_DOCKING',
    ],
    prerequisites: [
      { serviceCode: 'CLINICAL_TRIAL_DOCKING', requires: 'CLINICAL_TRIAL_APPLICATION' },
    ],
  },
];
