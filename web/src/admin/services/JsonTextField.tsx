import { Button, Form, Input, Space, Typography } from 'antd';
import type { FormRule } from 'antd';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';
import type { PlacedProblem } from './definition-problems';
import { JsonSyntaxError, lineOf, parseJson, spanOf } from './json-text';

/** What a JSON part must hold once parsed. */
export type JsonShape = 'object' | 'array' | 'objectOrNull';

const SHAPE_MESSAGES: Record<JsonShape, MessageKey> = {
  object: 'admin.json.mustBeObject',
  array: 'admin.json.mustBeArray',
  objectOrNull: 'admin.json.mustBeObjectOrNull',
};

function hasShape(value: unknown, shape: JsonShape): boolean {
  if (shape === 'array') return Array.isArray(value);
  if (value === null) return shape === 'objectOrNull';
  return typeof value === 'object' && !Array.isArray(value);
}

/** The id antd gives a field of the form named `formName`. */
export const fieldId = (formName: string, field: string) => `${formName}_${field}`;

/** Selects a span of a JSON field's text and scrolls it into view, as an editor would. */
function reveal(formName: string, field: string, problem: PlacedProblem) {
  const textArea = document.getElementById(fieldId(formName, field)) as HTMLTextAreaElement | null;
  if (!textArea) return;
  let span = { start: 0, end: 0 };
  try {
    span = spanOf(parseJson(textArea.value), problem.path);
  } catch {
    // Edited into invalid JSON since: the top of the text.
  }
  textArea.focus();
  textArea.setSelectionRange(span.start, span.end);
  const lineHeight = parseFloat(getComputedStyle(textArea).lineHeight) || 20;
  textArea.scrollTop = Math.max(0, (lineOf(textArea.value, span.start) - 3) * lineHeight);
}

/**
 * A part of a definition edited as JSON: parse errors show as the text is checked, with their
 * line and column; the API's problems show under it, each with a way to the value it names.
 */
export function JsonTextField({
  formName,
  name,
  label,
  shape,
  problems,
  disabled,
  rows,
}: {
  formName: string;
  name: string;
  label: string;
  shape: JsonShape;
  problems: PlacedProblem[] | undefined;
  disabled: boolean;
  rows: number;
}) {
  const { t } = useI18n();
  const rule: FormRule = {
    validator: async (_, text: string) => {
      let value: unknown;
      try {
        value = parseJson(text ?? '').value;
      } catch (error) {
        if (!(error instanceof JsonSyntaxError)) throw error;
        const { line, column, found } = error;
        throw new Error(
          found === undefined
            ? t('admin.json.unexpectedEnd', { line, column })
            : t('admin.json.unexpected', { line, column, found }),
        );
      }
      if (!hasShape(value, shape)) throw new Error(t(SHAPE_MESSAGES[shape]));
    },
  };
  const listed = problems && problems.length > 0;
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[rule]}
      // The API's problems replace the form's own messages until the text changes.
      validateStatus={listed ? 'error' : undefined}
      help={
        listed && (
          <Space orientation="vertical" size={0} style={{ marginBlock: 4 }}>
            {problems.map((problem, index) => (
              <Typography.Text key={index} type="danger">
                {problem.message}{' '}
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0, height: 'auto' }}
                  onClick={() => reveal(formName, name, problem)}
                >
                  {t('admin.json.showPlace')}
                </Button>
              </Typography.Text>
            ))}
          </Space>
        )
      }
    >
      <Input.TextArea
        // Read-only rather than disabled: a published definition stays legible and copyable.
        disabled={false}
        readOnly={disabled}
        spellCheck={false}
        // Fixed rows, not autoSize: antd measures autoSize with a style attribute, which the CSP
        // refuses (and the measuring textarea then shows at the foot of the page).
        rows={rows}
        style={{
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
          fontSize: 13,
        }}
      />
    </Form.Item>
  );
}
