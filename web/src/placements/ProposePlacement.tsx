import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Skeleton, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { doctorDtoSpecialtyValues } from '@parkline/client';
import type { ApplicationDto } from '../applications/parts';
import { isHandlingOpen, type Task } from '../officer/tasks';
import { fieldErrorsOf } from '../shared/api/problem';
import { useI18n } from '../shared/i18n/i18n';
import { FormProblem } from '../shared/ui/FormProblem';
import { useDoctorChoices, usePlacements, useProposePlacement, type Doctor } from './placements';

/** The value-added service whose requests start placements. */
const PLACEMENT_SERVICE = 'DOCTORS_INTO_ENTERPRISE';

interface ProposalValues {
  doctorId: string;
  term: [Dayjs, Dayjs];
  duties: string;
  hoursPerWeek: number;
}

const specialtyOf = (application: ApplicationDto): Doctor['specialty'] | undefined => {
  const answer = application.form?.['clinical.specialty'];
  return doctorDtoSpecialtyValues.find((value) => value === answer);
};

/**
 * On a doctors-into-enterprise request being handled: the placement proposed for it, or a form
 * to propose one — a registered doctor of the request's specialty, the term, duties and hours.
 * Both the hospital and the enterprise confirm it; its start completes the handling.
 */
export function ProposePlacement({ task, application }: { task: Task; application?: ApplicationDto }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const open = application?.serviceCode === PLACEMENT_SERVICE && isHandlingOpen(task);
  const placements = usePlacements({ applicationId: task.applicationId }, open);
  const live = placements.data?.pages[0]?.data.find((placement) => placement.status !== 'ENDED');
  const specialty = application && specialtyOf(application);
  const doctors = useDoctorChoices(specialty, open && placements.isSuccess && !live);
  const propose = useProposePlacement();
  if (!open) return null;
  const submit = ({ term: [from, until], ...values }: ProposalValues) =>
    propose
      .mutateAsync({
        ...values,
        applicationId: task.applicationId,
        from: from.format('YYYY-MM-DD'),
        until: until.format('YYYY-MM-DD'),
      })
      .catch((problem: unknown) => form.setFields(fieldErrorsOf(problem)));
  return (
    <Card title={t('placements.propose.title')} size="small">
      {placements.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : live ? (
        <Typography.Text>
          {t('placements.propose.with', {
            name: live.doctor.name,
            status: t(`placements.status.${live.status}`),
          })}{' '}
          {live.term.from} – {live.term.until}
        </Typography.Text>
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ hoursPerWeek: 8 }}>
          <Form.Item
            name="doctorId"
            label={t('placements.propose.doctor')}
            extra={t('placements.propose.doctorHint')}
            rules={[{ required: true }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={doctors.isPending}
              notFoundContent={t('placements.propose.none')}
              options={doctors.data?.map((doctor) => ({
                value: doctor.id,
                label: `${doctor.name} · ${t(`placements.title.${doctor.title}`)} · ${doctor.institutionName}`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="term"
            label={t('placements.propose.term')}
            rules={[{ required: true, message: t('placements.termRequired') }]}
          >
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="duties" label={t('placements.propose.duties')} rules={[{ required: true }, { min: 2 }]}>
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
          <Form.Item name="hoursPerWeek" label={t('placements.propose.hours')} rules={[{ required: true }]}>
            <InputNumber min={1} max={40} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <FormProblem error={propose.error} />
          <Button type="primary" htmlType="submit" loading={propose.isPending} block>
            {t('placements.propose.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
