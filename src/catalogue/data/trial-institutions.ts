/** Registered clinical-trial institutions the park's liaison office works with. */
export const TRIAL_INSTITUTIONS = [
  {
    code: 'SZ_FIRST_HOSPITAL',
    name: '市第一人民医院',
    nameEn: "First People's Hospital",
    specialties: ['ONCOLOGY', 'CARDIOLOGY', 'ENDOCRINOLOGY', 'RESPIRATORY'],
    indications: ['肺癌', '高血压', '糖尿病', '慢阻肺'],
  },
  {
    code: 'PROVINCIAL_CANCER',
    name: '省肿瘤医院',
    nameEn: 'Provincial Cancer Hospital',
    specialties: ['ONCOLOGY', 'HEMATOLOGY'],
    indications: ['淋巴瘤', '白血病', '肺癌', '乳腺癌', '胃癌', '实体瘤'],
  },
  {
    code: 'UNIV_AFFILIATED_1',
    name: '大学附属第一医院',
    nameEn: 'First Affiliated Hospital of the University',
    specialties: ['HEMATOLOGY', 'NEUROLOGY', 'RHEUMATOLOGY_IMMUNOLOGY', 'ONCOLOGY'],
    indications: ['淋巴瘤', '骨髓瘤', '红斑狼疮', '阿尔茨海默'],
  },
  {
    code: 'CHILDRENS_HOSPITAL',
    name: '市儿童医院',
    nameEn: "Children's Hospital",
    specialties: ['PEDIATRICS', 'INFECTIOUS_DISEASE'],
    indications: ['儿童', '呼吸道合胞病毒', '手足口病'],
  },
  {
    code: 'INFECTIOUS_DISEASE_CENTER',
    name: '市传染病医院',
    nameEn: 'Infectious Disease Hospital',
    specialties: ['INFECTIOUS_DISEASE', 'RESPIRATORY'],
    indications: ['乙肝', '流感', '结核', '新冠'],
  },
  {
    code: 'EYE_HOSPITAL',
    name: '眼科医院',
    nameEn: 'Eye Hospital',
    specialties: ['OPHTHALMOLOGY'],
    indications: ['黄斑变性', '青光眼', '干眼'],
  },
  {
    code: 'SKIN_HOSPITAL',
    name: '皮肤病医院',
    nameEn: 'Dermatology Hospital',
    specialties: ['DERMATOLOGY', 'RHEUMATOLOGY_IMMUNOLOGY'],
    indications: ['银屑病', '特应性皮炎', '白癜风'],
  },
  {
    code: 'HEART_CENTER',
    name: '心血管病医院',
    nameEn: 'Cardiovascular Hospital',
    specialties: ['CARDIOLOGY', 'ENDOCRINOLOGY'],
    indications: ['心衰', '高血压', '高血脂', '糖尿病'],
  },
] as const;
