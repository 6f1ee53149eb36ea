import { ParklineApiError } from '@parkline/client';
import { Button, DatePicker, Flex, Form, Input, Radio, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { KeyboardEvent } from 'react';
import type { ApplicationDefinition } from '../../applications/parts';
import { useI18n } from '../../shared/i18n/i18n';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useCompleteTask, type Task, type TaskAction } from '../tasks';
import { ACTIONS, actionFieldErrors, actionLabel, completeInputOf, type ActionValues } from './actions';
import { SupplementItems } from './SupplementItems';

const INSPECTION_RESULTS = ['PASSED', 'PASSED_WITH_REMARKS', 'FAILED'] as const;

interface ActionFormProps {
  task: Task;
  action: TaskAction;
  definition: ApplicationDefinition | undefined;
  onCancel: () => void;
  onDone: (task: Task) => void;
  /** Reads the task again, after a colleague or the workflow changed it (409). */
  onRefresh: () => void;
}

/** The inputs one action needs, and its submission against the task version the page shows. */
export function ActionForm({ task, action, definition, onCancel, onDone, onRefresh }: ActionFormProps) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const complete = useCompleteTask(task);
  const { inputs, tone } = ACTIONS[action];
  const label = actionLabel(t, task, action);

  const submit = (values: ActionValues) =>
    complete.mutate(completeInputOf(action, values), {
      onSuccess: onDone,
      onError: (error) => form.setFields(actionFieldErrors(error)),
    });
  // Ctrl+Enter sends from any text box: a long reason need not leave the keyboard.
  const sendOnCtrlEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.submit();
  };
  const problem = complete.error instanceof ParklineApiError && complete.error.errors.length ? undefined : complete.error;

  return (
    <Form<ActionValues> form={form} layout="vertical" onFinish={submit} onKeyDown={sendOnCtrlEnter}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {label}
      </Typography.Title>
      {inputs.includes('items') && (
        <div style={{ marginBottom: 16 }}>
          <SupplementItems definition={definition} />
        </div>
      )}
      {inputs.includes('inspection') && (
        <>
          <Form.Item name="data.result" label={t('officer.form.result')} rules={[{ required: true, message: t('officer.form.resultRequired') }]}>
            <Radio.Group
              options={INSPECTION_RESULTS.map((result) => ({ value: result, label: t(`officer.inspection.${result}`) }))}
            />
          </Form.Item>
          <Form.Item name="data.findings" label={t('officer.form.findings')}>
            <Input.TextArea rows={3} maxLength={4000} showCount />
          </Form.Item>
        </>
      )}
      {inputs.includes('meetingDate') && (
        <Form.Item name="data.meetingDate" label={t('officer.form.meetingDate')} rules={[{ required: true, message: t('officer.form.meetingDateRequired') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isBefore(dayjs(), 'day')} />
        </Form.Item>
      )}
      {inputs.includes('agreementNumber') && (
        <Form.Item
          name="data.agreementNumber"
          label={t('officer.form.agreementNumber')}
          rules={[{ required: true, whitespace: true, message: t('officer.form.agreementNumberRequired') }]}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
      )}
      {inputs.includes('summary') && (
        <Form.Item
          name="data.summary"
          label={t('officer.form.summary')}
          extra={t('officer.form.summaryHelp')}
          rules={[{ required: true, whitespace: true, message: t('officer.form.summaryRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} showCount />
        </Form.Item>
      )}
      {inputs.includes('reason') && (
        <Form.Item
          name="comment"
          label={t('officer.form.reason')}
          extra={t('officer.form.reasonHelp')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('officer.form.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={4000} showCount autoFocus />
        </Form.Item>
      )}
      {inputs.includes('comment') && (
        <Form.Item name="comment" label={t('officer.form.comment')}>
          <Input.TextArea rows={2} maxLength={4000} autoFocus={inputs[0] === 'comment'} />
        </Form.Item>
      )}
      {problem ? (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={problem} onRetry={onRefresh} />
        </div>
      ) : null}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space>
          <Button type="primary" danger={tone === 'danger'} htmlType="submit" loading={complete.isPending}>
            {label}
          </Button>
          <Button onClick={onCancel} disabled={complete.isPending}>
            {t('app.cancel')}
          </Button>
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('officer.form.ctrlEnter')}
        </Typography.Text>
      </Flex>
    </Form>
  );
}
