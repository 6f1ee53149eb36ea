import { App, Empty, Flex, Form, Input, Modal, Select, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { fieldErrorsOf } from '../../shared/api/problem';
import { useI18n } from '../../shared/i18n/i18n';
import { FormProblem } from '../../shared/ui/FormProblem';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { parkDate, parkTime, useAvailability, useBook, type AvailabilityDay, type Resource } from '../bookings';

/** Two weeks of free slots from tomorrow. */
const FROM_DAYS = 1;
const TO_DAYS = 14;

interface BookingForm {
  date: string;
  startsAt: string;
  slots: number;
  purpose: string;
}

/** How many slots from `start` on are free in a row, up to the resource's longest booking. */
function freeRun(day: AvailabilityDay | undefined, startsAt: string | undefined, maxSlots: number): number {
  if (!day || !startsAt) return 0;
  const first = day.slots.findIndex((slot) => slot.startsAt === startsAt);
  let count = 0;
  while (first >= 0 && count < maxSlots && day.slots[first + count]?.freeUnits > 0) count++;
  return count;
}

/** A resource's free slots on the coming working days, and a booking of consecutive ones. */
export function BookDialog({ resource, onClose }: { resource: Resource | undefined; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [from, to] = [parkDate(FROM_DAYS), parkDate(TO_DAYS)];
  const availability = useAvailability(resource?.id, from, to);
  const book = useBook();
  const date = Form.useWatch<string | undefined>('date', form);
  const startsAt = Form.useWatch<string | undefined>('startsAt', form);
  const [submitted, setSubmitted] = useState(false);
  const days = availability.data?.days.filter((day) => day.slots.some((slot) => slot.freeUnits > 0)) ?? [];
  const day = days.find((candidate) => candidate.date === date);
  const maxSlots = resource ? (resource.maxBookingHours * 60) / resource.slotMinutes : 0;
  const run = freeRun(day, startsAt, maxSlots);

  const submit = (values: BookingForm) => {
    if (!resource || !day) return;
    const first = day.slots.findIndex((slot) => slot.startsAt === values.startsAt);
    setSubmitted(true);
    book.mutate(
      {
        resourceId: resource.id,
        startsAt: values.startsAt,
        endsAt: day.slots[first + values.slots - 1].endsAt,
        purpose: values.purpose,
      },
      {
        onSuccess: () => {
          void message.success(t('bookings.new.done'));
          onClose();
        },
        onError: (error) => form.setFields(fieldErrorsOf(error)),
      },
    );
  };

  return (
    <Modal
      open={Boolean(resource)}
      title={resource && t('bookings.new.title', { name: pick(resource.name, resource.nameEn) })}
      okText={t('bookings.new.submit')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: book.isPending, disabled: !days.length }}
      onCancel={onClose}
      afterClose={() => {
        book.reset();
        setSubmitted(false);
      }}
      destroyOnHidden
      width={720}
    >
      {resource && (
        <Typography.Paragraph type="secondary">
          {t('bookings.new.rules', {
            lead: resource.minLeadHours,
            max: resource.maxBookingHours,
            free: resource.freeCancellationHours,
            late: t(`bookings.new.late.${resource.lateCancellation}`),
          })}
        </Typography.Paragraph>
      )}
      {availability.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : availability.isError ? (
        <ProblemAlert error={availability.error} onRetry={() => void availability.refetch()} />
      ) : !days.length ? (
        <Empty description={t('bookings.new.noDays')} />
      ) : (
        <Form<BookingForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          preserve={false}
          initialValues={{ date: days[0].date, slots: 1 }}
          onValuesChange={(changed) => {
            if ('date' in changed) form.setFieldsValue({ startsAt: undefined, slots: 1 });
            if ('startsAt' in changed) form.setFieldsValue({ slots: 1 });
          }}
        >
          <Form.Item name="date" label={t('bookings.new.day')} rules={[{ required: true, message: t('bookings.new.day') }]}>
            <Select options={days.map((candidate) => ({ value: candidate.date, label: candidate.date }))} />
          </Form.Item>
          {day && (
            <Flex wrap gap={6} style={{ marginBottom: 16 }} aria-label={t('bookings.new.slots')}>
              {day.slots.map((slot) => (
                <Tag
                  key={slot.startsAt}
                  color={slot.freeUnits > 0 ? (slot.startsAt === startsAt ? 'blue' : 'green') : 'default'}
                  style={{ cursor: slot.freeUnits > 0 ? 'pointer' : 'not-allowed' }}
                  onClick={() => slot.freeUnits > 0 && form.setFieldsValue({ startsAt: slot.startsAt, slots: 1 })}
                >
                  {parkTime(slot.startsAt)} · {slot.freeUnits > 0 ? t('bookings.new.free', { count: slot.freeUnits }) : t('bookings.new.full')}
                </Tag>
              ))}
            </Flex>
          )}
          <Flex gap={12} wrap>
            <Form.Item
              name="startsAt"
              label={t('bookings.new.start')}
              rules={[{ required: true, message: t('bookings.new.start') }]}
              style={{ minWidth: 160 }}
            >
              <Select
                options={(day?.slots ?? [])
                  .filter((slot) => slot.freeUnits > 0)
                  .map((slot) => ({ value: slot.startsAt, label: parkTime(slot.startsAt) }))}
              />
            </Form.Item>
            <Form.Item name="slots" label={t('bookings.new.duration')} style={{ minWidth: 160 }}>
              <Select
                disabled={!run}
                options={Array.from({ length: Math.max(run, 1) }, (_, index) => ({
                  value: index + 1,
                  label: t('bookings.new.minutes', { minutes: (index + 1) * (resource?.slotMinutes ?? 60) }),
                }))}
              />
            </Form.Item>
          </Flex>
          <Form.Item
            name="purpose"
            label={t('bookings.new.purpose')}
            extra={t('bookings.new.purposeHelp')}
            rules={[{ required: true, min: 2, message: t('bookings.new.purposeHelp') }]}
          >
            <Input maxLength={500} />
          </Form.Item>
          {submitted && <FormProblem error={book.error} />}
        </Form>
      )}
    </Modal>
  );
}
