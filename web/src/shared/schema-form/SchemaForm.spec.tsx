import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Form } from 'antd';
import { useState } from 'react';
import { I18nProvider } from '../i18n/i18n';
import { SchemaForm, type FormValues } from './SchemaForm';
import { isRequiredNow, requirementOf, type SituationalMaterial } from './situations';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['project.name', 'contact.phone'],
  properties: {
    'project.name': {
      type: 'string',
      title: '项目名称',
      titleEn: 'Project name',
      minLength: 2,
      maxLength: 100,
      examples: ['PKL-201'],
    },
    'contact.phone': {
      type: 'string',
      title: '联系电话',
      titleEn: 'Contact phone',
      pattern: '^1[3-9]\\d{9}$|^0\\d{2,3}-?\\d{7,8}$',
      examples: ['13812345678'],
    },
    'article.riskClass': {
      type: 'string',
      title: '风险等级',
      titleEn: 'Risk class',
      description: 'A 高风险；B 较高风险；C 一般风险；D 低风险',
      enum: ['A', 'B', 'C', 'D'],
      examples: ['C'],
    },
    'article.unit': {
      type: 'string',
      title: '计量单位',
      titleEn: 'Unit of measure',
      enum: ['VIAL', 'TUBE'],
      enumTitles: { VIAL: '支（瓶）', TUBE: '管' },
      enumTitlesEn: { VIAL: 'Vials', TUBE: 'Tubes' },
      examples: ['VIAL'],
    },
  },
};

const materials: (SituationalMaterial & { code: string; name: string })[] = [
  { code: 'application_form', name: '申请表', required: true },
  {
    code: 'biosafety_evaluation',
    name: '生物安全评估报告',
    required: false,
    requiredWhen: {
      type: 'object',
      required: ['article.riskClass'],
      properties: { 'article.riskClass': { enum: ['A', 'B'] } },
    },
  },
];

/** The editor's wiring in small: the form, and the materials its answers make required. */
function Filing({ initialValues }: { initialValues?: FormValues }) {
  const [form] = Form.useForm<FormValues>();
  const [values, setValues] = useState<FormValues>(initialValues ?? {});
  const needed = materials.filter((material) => isRequiredNow(requirementOf(material, values)));
  return (
    <>
      <SchemaForm
        schema={schema}
        form={form}
        initialValues={initialValues}
        onValuesChange={setValues}
      />
      <ul aria-label="materials">
        {needed.map((material) => (
          <li key={material.code}>{material.name}</li>
        ))}
      </ul>
      <output data-testid="values">{JSON.stringify(form.getFieldsValue(true))}</output>
    </>
  );
}

function renderIn(language: 'zh-CN' | 'en-US', initialValues?: FormValues) {
  localStorage.setItem('parkline.language', language);
  return render(
    <I18nProvider>
      <Filing initialValues={initialValues} />
    </I18nProvider>,
  );
}

const labelOf = (text: string) => screen.getByText(text, { selector: 'label' });

describe('SchemaForm', () => {
  it('labels the fields in Chinese', () => {
    renderIn('zh-CN');
    expect(labelOf('项目名称')).toBeTruthy();
    expect(labelOf('联系电话')).toBeTruthy();
    expect(screen.queryByText('Project name')).toBeNull();
  });

  it('labels the fields in English', () => {
    renderIn('en-US');
    expect(labelOf('Project name')).toBeTruthy();
    expect(labelOf('Risk class')).toBeTruthy();
    expect(screen.queryByText('项目名称')).toBeNull();
  });

  it.each([
    ['zh-CN', '计量单位', ['支（瓶）', '管']],
    ['en-US', 'Unit of measure', ['Vials', 'Tubes']],
  ] as const)('names the choices as the catalogue does, in %s', async (language, label, names) => {
    renderIn(language);
    act(() => {
      fireEvent.mouseDown(screen.getByLabelText(label));
    });
    for (const name of names) expect(await screen.findByTitle(name)).toBeTruthy();
  });

  it('marks the required fields only', () => {
    renderIn('en-US');
    expect(labelOf('Project name').className).toContain('ant-form-item-required');
    expect(labelOf('Contact phone').className).toContain('ant-form-item-required');
    expect(labelOf('Risk class').className).not.toContain('ant-form-item-required');
  });

  it('checks the pattern of a field and names the dotted key as one field', async () => {
    renderIn('en-US');
    const phone = screen.getByLabelText('Contact phone');
    fireEvent.change(phone, { target: { value: '12345' } });
    expect(await screen.findByText('Not in the expected format, e.g. 13812345678')).toBeTruthy();
    fireEvent.change(phone, { target: { value: '13812345678' } });
    await waitFor(() => expect(screen.queryByText(/Not in the expected format/)).toBeNull());
    // "contact.phone" is a key of the form, not a path into a "contact" object.
    expect(JSON.parse(screen.getByTestId('values').textContent!)).toEqual({
      'contact.phone': '13812345678',
    });
  });

  it('asks for a required field the user cleared', async () => {
    renderIn('zh-CN', { 'project.name': 'PKL-201' });
    fireEvent.change(screen.getByLabelText('项目名称'), { target: { value: '' } });
    expect(await screen.findByText('请填写此项')).toBeTruthy();
  });

  it('shows a situational material only while the answers match its rule', async () => {
    renderIn('zh-CN', { 'article.riskClass': 'C' });
    const listed = () =>
      [...screen.getByRole('list', { name: 'materials' }).children].map((item) => item.textContent);
    expect(listed()).toEqual(['申请表']);

    // Choose "A 高风险" in the select: the rule's enum matches, the report becomes required.
    const select = screen.getByLabelText('风险等级');
    act(() => {
      fireEvent.mouseDown(select);
    });
    fireEvent.click(await screen.findByTitle('高风险'));
    await waitFor(() => expect(listed()).toEqual(['申请表', '生物安全评估报告']));
  });
});
