import { Button, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { doctorDtoSpecialtyValues, newDoctorDtoTitleValues } from '@parkline/client';
import { fieldErrorsOf } from '../shared/api/problem';
import { useI18n } from '../shared/i18n/i18n';
import { FormProblem } from '../shared/ui/FormProblem';
import { LoadMore } from '../shared/ui/LoadMore';
import { ProblemAlert } from '../shared/ui/ProblemAlert';
import { RecordList } from '../shared/ui/RecordList';
import { useAddDoctor, useDoctors, type Doctor, type NewDoctor } from './placements';

/** A hospital's doctors, whom the park may place with enterprises; its users add them. */
export function DoctorsPage() {
  const { t } = useI18n();
  const doctors = useDoctors();
  const [adding, setAdding] = useState(false);
  const rows = doctors.data?.pages.flatMap((page) => page.data);
  const columns: ColumnsType<Doctor> = [
    { key: 'name', title: t('placements.doctor'), dataIndex: 'name' },
    {
      key: 'title',
      title: t('placements.doctorTitle'),
      render: (_, row) => t(`placements.title.${row.title}`),
    },
    { key: 'specialty', title: t('placements.specialty'), dataIndex: 'specialty' },
    { key: 'licence', title: t('placements.licence'), dataIndex: 'licenceNumber' },
    {
      key: 'placed',
      title: t('placements.livePlacements'),
      render: (_, row) =>
        row.livePlacements > 0 ? <Tag color="success">{row.livePlacements}</Tag> : '—',
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('placements.doctorsTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('placements.doctorsSubtitle')}</Typography.Text>
        </div>
        <Button type="primary" onClick={() => setAdding(true)}>
          {t('placements.addDoctor')}
        </Button>
      </Space>
      {doctors.isError ? (
        <ProblemAlert error={doctors.error} onRetry={() => void doctors.refetch()} />
      ) : (
        <RecordList<Doctor>
          rows={rows}
          loading={doctors.isPending}
          empty={t('placements.noDoctors')}
          columns={columns}
          card={(row) => ({
            title: `${row.name} · ${t(`placements.title.${row.title}`)}`,
            description: `${row.specialty} · ${row.licenceNumber}`,
          })}
        />
      )}
      <LoadMore query={doctors} />
      <NewDoctorModal open={adding} onClose={() => setAdding(false)} />
    </Space>
  );
}

function NewDoctorModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const add = useAddDoctor();
  const close = () => {
    add.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('placements.addDoctor')}
      okText={t('app.save')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: add.isPending }}
      onCancel={close}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        name="new-doctor"
        onFinish={(doctor: NewDoctor) =>
          add
            .mutateAsync(doctor)
            .then(close, (problem: unknown) => form.setFields(fieldErrorsOf(problem)))
        }
      >
        <Form.Item name="name" label={t('placements.doctor')} rules={[{ required: true, max: 60 }]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="title" label={t('placements.doctorTitle')} rules={[{ required: true }]}>
          <Select
            options={newDoctorDtoTitleValues.map((value) => ({
              value,
              label: t(`placements.title.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="specialty" label={t('placements.specialty')} rules={[{ required: true }]}>
          <Select options={doctorDtoSpecialtyValues.map((value) => ({ value, label: value }))} />
        </Form.Item>
        <Form.Item
          name="licenceNumber"
          label={t('placements.licence')}
          rules={[{ required: true, pattern: /^\d{15}$/, message: t('placements.licenceFormat') }]}
        >
          <Input inputMode="numeric" maxLength={15} />
        </Form.Item>
        <FormProblem error={add.error} />
      </Form>
    </Modal>
  );
}
