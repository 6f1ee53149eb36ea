import { Input, Select, Space } from 'antd';
import { useState } from 'react';
import { FileButton } from '../enterprise/catalogue/FileButton';
import { useI18n } from '../shared/i18n/i18n';
import type { Mandate } from './mandates';

/** A holder files a draft for the enterprise of the mandate, on a service within its scope. */
export function FileForButton({ mandate }: { mandate: Mandate }) {
  const { t } = useI18n();
  const [serviceCode, setServiceCode] = useState(mandate.serviceCodes?.[0] ?? '');
  return (
    <Space wrap align="start">
      {mandate.serviceCodes ? (
        <Select
          aria-label={t('mandates.fileService')}
          value={serviceCode}
          onChange={setServiceCode}
          options={mandate.serviceCodes.map((code) => ({ value: code, label: code }))}
          style={{ minWidth: 200 }}
        />
      ) : (
        <Input
          aria-label={t('mandates.fileService')}
          placeholder="CRO_CDMO_MATCHING"
          value={serviceCode}
          onChange={(event) => setServiceCode(event.target.value.trim().toUpperCase())}
          style={{ width: 200 }}
        />
      )}
      <div>
        <FileButton
          target={{ serviceCode }}
          enterpriseId={mandate.enterpriseId}
          label={t('mandates.fileFor')}
          disabled={!serviceCode}
        />
      </div>
    </Space>
  );
}
