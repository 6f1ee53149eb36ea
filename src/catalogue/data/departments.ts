/** The park's departments (DOMAIN.md); codes are stable identifiers used across the API. */
export const DEPARTMENTS = [
  {
    code: 'MPA',
    name: '药品监督管理局（省级窗口）',
    nameEn: 'Medical Products Administration (provincial window)',
  },
  { code: 'PSB', name: '公安局', nameEn: 'Public Security Bureau' },
  { code: 'CUSTOMS', name: '海关（口岸卫生检疫）', nameEn: 'Customs (port health quarantine)' },
  { code: 'COMMERCE', name: '商务局', nameEn: 'Commerce Bureau' },
  { code: 'HEALTH', name: '卫生健康委员会', nameEn: 'Health Commission' },
  { code: 'SCITECH', name: '科学技术局', nameEn: 'Science and Technology Bureau' },
  { code: 'MSA', name: '市场监督管理局', nameEn: 'Market Supervision Administration' },
  { code: 'EMB', name: '应急管理局', nameEn: 'Emergency Management Bureau' },
  { code: 'EEB', name: '生态环境局', nameEn: 'Ecology and Environment Bureau' },
  { code: 'HCB', name: '住房和城乡建设局', nameEn: 'Housing and Construction Bureau' },
  {
    code: 'HRSS',
    name: '人力资源和社会保障局',
    nameEn: 'Human Resources and Social Security Bureau',
  },
  { code: 'PSC', name: '园区企业服务中心', nameEn: 'Park Service Center' },
] as const;
