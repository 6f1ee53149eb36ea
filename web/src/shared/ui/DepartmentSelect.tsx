import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useI18n } from '../i18n/i18n';
import { departmentsQuery } from './catalogue-lookups';

/** A choice of the park's departments by name in the user's language, searchable. */
export function DepartmentSelect(props: Omit<SelectProps<string>, 'options' | 'loading'>) {
  const { pick } = useI18n();
  const departments = useQuery(departmentsQuery).data;
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      {...props}
      loading={!departments}
      options={departments?.map((item) => ({
        value: item.code,
        label: pick(item.name, item.nameEn),
      }))}
    />
  );
}
