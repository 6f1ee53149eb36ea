/**
 * Drug clinical trial institutions (药物临床试验机构, filed with the NMPA) in Hangzhou that the
 * park's liaison office at Hangzhou Medical Port works with. `specialties` and `indications` are
 * what the office matches a trial on, not each hospital's full list of filed specialties.
 */
export const TRIAL_INSTITUTIONS = [
  {
    code: 'ZJU_FIRST_AFFILIATED',
    name: '浙江大学医学院附属第一医院',
    nameEn: 'The First Affiliated Hospital, Zhejiang University School of Medicine',
    specialties: ['HEMATOLOGY', 'INFECTIOUS_DISEASE', 'ONCOLOGY', 'RESPIRATORY'],
    indications: ['淋巴瘤', '白血病', '骨髓瘤', '肝癌', '乙肝', '流感'],
  },
  {
    code: 'ZJU_SECOND_AFFILIATED',
    name: '浙江大学医学院附属第二医院',
    nameEn: 'The Second Affiliated Hospital, Zhejiang University School of Medicine',
    specialties: ['CARDIOLOGY', 'NEUROLOGY', 'OPHTHALMOLOGY', 'ONCOLOGY'],
    indications: ['心衰', '冠心病', '脑卒中', '阿尔茨海默', '黄斑变性', '青光眼', '结直肠癌'],
  },
  {
    code: 'ZJU_SIR_RUN_RUN_SHAW',
    name: '浙江大学医学院附属邵逸夫医院',
    nameEn: 'Sir Run Run Shaw Hospital, Zhejiang University School of Medicine',
    specialties: ['ENDOCRINOLOGY', 'ONCOLOGY', 'RHEUMATOLOGY_IMMUNOLOGY', 'DERMATOLOGY'],
    indications: ['糖尿病', '肥胖', '胃癌', '结直肠癌', '红斑狼疮', '银屑病'],
  },
  {
    code: 'ZJU_CHILDRENS',
    name: '浙江大学医学院附属儿童医院',
    nameEn: "Children's Hospital, Zhejiang University School of Medicine",
    specialties: ['PEDIATRICS', 'INFECTIOUS_DISEASE'],
    indications: ['儿童', '呼吸道合胞病毒', '手足口病'],
  },
  {
    code: 'ZJ_PROVINCIAL_PEOPLES',
    name: '浙江省人民医院',
    nameEn: "Zhejiang Provincial People's Hospital",
    specialties: ['RESPIRATORY', 'CARDIOLOGY', 'ENDOCRINOLOGY', 'DERMATOLOGY'],
    indications: ['慢阻肺', '哮喘', '高血压', '糖尿病', '特应性皮炎'],
  },
  {
    code: 'ZJ_CANCER_HOSPITAL',
    name: '浙江省肿瘤医院',
    nameEn: 'Zhejiang Cancer Hospital',
    specialties: ['ONCOLOGY', 'HEMATOLOGY'],
    indications: ['肺癌', '乳腺癌', '胃癌', '鼻咽癌', '淋巴瘤', '实体瘤'],
  },
  {
    code: 'HZ_FIRST_PEOPLES',
    name: '杭州市第一人民医院',
    nameEn: "Hangzhou First People's Hospital",
    specialties: ['ONCOLOGY', 'CARDIOLOGY', 'ENDOCRINOLOGY', 'OPHTHALMOLOGY'],
    indications: ['甲状腺癌', '高血压', '高血脂', '糖尿病', '干眼'],
  },
] as const;
