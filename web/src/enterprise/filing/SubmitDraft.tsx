import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Result, Typography, type FormInstance } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../app/auth';
import { call, parkline } from '../../shared/api/session';
import { useI18n, type Translate } from '../../shared/i18n/i18n';
import {
  isUnanswered,
  violationMessage,
  violationsOf,
  type FormField,
  type FormValues,
} from '../../shared/schema-form';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import type { MaterialType } from '../catalogue/queries';
import { applicationQuery, checklistQuery, storeApplication, type Checklist } from './draft';
import { useIdempotencyKey } from './idempotency';
import type { Application } from './upload';

type Item = Checklist['items'][number];

/** A checklist item about a field, in the user's words where the browser can tell why. */
function fieldReason(
  item: Item,
  field: FormField | undefined,
  value: unknown,
  t: Translate,
): string {
  if (!field) return item.reason;
  if (isUnanswered(value)) return t('schemaForm.required');
  const [violation] = violationsOf(field.schema, value);
  return violation ? violationMessage(violation, field, t) : item.reason;
}

/**
 * "Check and submit": saves what is pending, checks the form in the browser, asks the server's
 * pre-submit checklist (the authority on the situation rules), shows what is missing, and
 * submits when nothing is.
 */
export function SubmitDraft({
  application,
  form,
  fields,
  materials,
  save,
}: {
  application: Application;
  form: FormInstance<FormValues>;
  fields: readonly FormField[];
  materials: MaterialType[];
  /** Saves what the form holds; false when it could not. */
  save: () => Promise<boolean>;
}) {
  const { t, pick } = useI18n();
  const me = useMe();
  const verified = me.enterprise?.verified ?? false;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const idempotency = useIdempotencyKey();
  const [checklist, setChecklist] = useState<Checklist>();

  const check = useMutation({
    mutationFn: async () => {
      if (!(await save())) return undefined;
      // Shows the browser's own messages next to the fields; the checklist says the rest.
      await form.validateFields().catch(() => undefined);
      return queryClient.fetchQuery(checklistQuery(application.id));
    },
    onSuccess: (result) => {
      if (!result) return;
      const values = form.getFieldsValue(true) as FormValues;
      form.setFields(
        result.items
          .filter((item) => item.kind === 'field' && form.getFieldError([item.key]).length === 0)
          .map((item) => ({
            name: [item.key],
            errors: [
              fieldReason(
                item,
                fields.find((field) => field.key === item.key),
                values[item.key],
                t,
              ),
            ],
          })),
      );
      setChecklist(result);
    },
  });

  const submit = useMutation({
    mutationFn: () =>
      call(() =>
        parkline.POST('/api/v1/applications/{id}/submit', {
          params: {
            path: { id: application.id },
            header: { 'Idempotency-Key': idempotency.key() },
          },
          body: {
            expectedVersion: queryClient.getQueryData(applicationQuery(application.id).queryKey)
              ?.version,
          },
        }),
      ),
    onSuccess: (submitted) => {
      idempotency.done();
      storeApplication(queryClient, submitted);
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
      navigate(`/applications/${application.id}`);
    },
  });

  const itemText = (item: Item) => {
    if (item.kind === 'field') {
      const field = fields.find((candidate) => candidate.key === item.key);
      const values = form.getFieldsValue(true) as FormValues;
      return t('filing.checklist.item', {
        name: field ? pick(field.title, field.titleEn) : item.key,
        reason: fieldReason(item, field, values[item.key], t),
      });
    }
    const material = materials.find((candidate) => candidate.code === item.key);
    const given = application.materials.some((attached) => attached.materialType === item.key);
    const name = material ? pick(material.name, material.nameEn) : item.key;
    return t('filing.checklist.item', {
      name,
      reason: given ? item.reason : t('filing.material.missing'),
    });
  };

  const goTo = (item: Item) => {
    setChecklist(undefined);
    if (item.kind === 'field') form.scrollToField([item.key], { block: 'center', focus: true });
    else document.getElementById(`material-${item.key}`)?.scrollIntoView({ block: 'center' });
  };

  return (
    <>
      <Button
        type="primary"
        icon={<SendOutlined />}
        loading={check.isPending}
        onClick={() => check.mutate()}
      >
        {t('filing.checkAndSubmit')}
      </Button>
      {check.error && <ProblemAlert error={check.error} onRetry={() => check.mutate()} />}
      <Modal
        open={checklist !== undefined}
        title={t('filing.checklist.title')}
        onCancel={() => setChecklist(undefined)}
        footer={
          <Flex gap={8} justify="flex-end" wrap>
            <Button onClick={() => setChecklist(undefined)}>
              {t('filing.checklist.keepEditing')}
            </Button>
            <Button
              type="primary"
              disabled={!checklist?.complete || !verified}
              loading={submit.isPending}
              onClick={() => submit.mutate()}
            >
              {t('filing.submit')}
            </Button>
          </Flex>
        }
      >
        <Flex vertical gap={12}>
          {!verified && <Alert type="warning" showIcon title={t('filing.notVerified')} />}
          {checklist?.complete ? (
            <Result
              status="success"
              title={t('filing.checklist.complete')}
              subTitle={t('filing.checklist.completeNote')}
            />
          ) : (
            <>
              <Typography.Text>
                {t('filing.checklist.missing', { count: checklist?.items.length ?? 0 })}
              </Typography.Text>
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {checklist?.items.map((item) => (
                  <li key={`${item.kind}:${item.key}:${item.reason}`}>
                    <Button
                      type="link"
                      style={{
                        padding: 0,
                        height: 'auto',
                        whiteSpace: 'normal',
                        textAlign: 'start',
                      }}
                      onClick={() => goTo(item)}
                    >
                      {itemText(item)}
                    </Button>
                  </li>
                ))}
              </ol>
            </>
          )}
          {submit.error && <ProblemAlert error={submit.error} />}
        </Flex>
      </Modal>
    </>
  );
}
