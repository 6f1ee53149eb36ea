import { Button, Col, DatePicker, Form, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMe } from '../../app/auth';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import { useCatalogueNames } from '../../shared/ui/catalogue-lookups';
import { PARK_TIME_ZONE } from '../../shared/ui/format';
import type { DeskFilter } from './drill-down';
import { DepartmentSelect } from '../../shared/ui/DepartmentSelect';

/** Today on the park's calendar, 'YYYY-MM-DD'. */
function parkToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: PARK_TIME_ZONE }).format(new Date());
}

const DAY = 'YYYY-MM-DD';

const PRESETS: { key: string; label: MessageKey; days: (today: Dayjs) => [Dayjs, Dayjs] }[] = [
  { key: 'month', label: 'desk.preset.month', days: (today) => [today.startOf('month'), today] },
  {
    key: 'quarter',
    label: 'desk.preset.threeMonths',
    days: (today) => [today.subtract(3, 'month').add(1, 'day'), today],
  },
  { key: 'year', label: 'desk.preset.year', days: (today) => [today.startOf('year'), today] },
  {
    key: 'twelveMonths',
    label: 'desk.preset.twelveMonths',
    days: (today) => [today.subtract(1, 'year').add(1, 'day'), today],
  },
];

/**
 * Department, service and days of the desk. A department head's department is fixed: the API
 * shows heads their own department only.
 */
export function DeskFilters({
  filter,
  onChange,
}: {
  filter: DeskFilter;
  onChange: (filter: DeskFilter) => void;
}) {
  const { t, pick } = useI18n();
  const me = useMe();
  const { services } = useCatalogueNames();
  const head = me.user.role === 'DEPARTMENT_HEAD';
  const department = head ? (me.user.departmentCode ?? undefined) : filter.department;
  const today = dayjs(parkToday());
  const preset = PRESETS.find((candidate) => {
    const [from, to] = candidate.days(today);
    return filter.from === from.format(DAY) && filter.to === to.format(DAY);
  });
  const change = (patch: Partial<DeskFilter>) => onChange({ ...filter, ...patch });
  const span = { xs: 12, lg: 5 };
  const item = { style: { marginBottom: 8 } };

  return (
    <Form layout="vertical" component="div">
      <Row gutter={[12, 0]} align="bottom">
        <Col {...span}>
          <Form.Item {...item} label={t('desk.filter.department')} htmlFor="desk-department">
            <DepartmentSelect
              id="desk-department"
              allowClear
              disabled={head}
              placeholder={t('desk.filter.allDepartments')}
              value={department}
              onChange={(value?: string) => change({ department: value, service: undefined })}
            />
          </Form.Item>
        </Col>
        <Col {...span}>
          <Form.Item {...item} label={t('desk.filter.service')} htmlFor="desk-service">
            <Select
              id="desk-service"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('desk.filter.allServices')}
              value={filter.service}
              onChange={(value?: string) => change({ service: value })}
              options={services
                ?.filter((service) => !department || service.departmentCode === department)
                .map((service) => ({
                  value: service.code,
                  label: pick(service.name, service.nameEn),
                }))}
              loading={!services}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item {...item} label={t('desk.filter.period')} htmlFor="desk-period">
            <Select
              id="desk-period"
              value={preset?.key ?? (filter.from || filter.to ? 'custom' : 'all')}
              onChange={(key: string) => {
                const chosen = PRESETS.find((candidate) => candidate.key === key);
                const [from, to] = chosen?.days(today) ?? [];
                change({ from: from?.format(DAY), to: to?.format(DAY) });
              }}
              options={[
                { value: 'all', label: t('desk.preset.all') },
                ...PRESETS.map((candidate) => ({
                  value: candidate.key,
                  label: t(candidate.label),
                })),
                { value: 'custom', label: t('desk.preset.custom'), disabled: true },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} lg={3}>
          <Form.Item {...item} label={t('desk.filter.from')} htmlFor="desk-from">
            <DatePicker
              id="desk-from"
              style={{ width: '100%' }}
              value={filter.from ? dayjs(filter.from) : null}
              maxDate={filter.to ? dayjs(filter.to) : undefined}
              onChange={(value: Dayjs | null) => change({ from: value?.format(DAY) })}
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6} lg={3}>
          <Form.Item {...item} label={t('desk.filter.to')} htmlFor="desk-to">
            <DatePicker
              id="desk-to"
              style={{ width: '100%' }}
              value={filter.to ? dayjs(filter.to) : null}
              minDate={filter.from ? dayjs(filter.from) : undefined}
              onChange={(value: Dayjs | null) => change({ to: value?.format(DAY) })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={3}>
          <Form.Item {...item}>
            <Button block onClick={() => onChange({})}>
              {t('desk.filter.reset')}
            </Button>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
