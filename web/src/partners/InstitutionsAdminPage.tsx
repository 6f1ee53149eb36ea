import { Button, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../shared/i18n/i18n';
import { LoadMore } from '../shared/ui/LoadMore';
import { ProblemAlert } from '../shared/ui/ProblemAlert';
import { RecordList } from '../shared/ui/RecordList';
import { NewPartnerUserModal, type PartnerRef } from './NewPartnerUserModal';
import { useInstitutions, useSetInstitutionActive, type Institution } from './partners';

/** The clinical-trial hospitals: specialties, GCP wards, load, and whether they take trials. */
export function InstitutionsAdminPage() {
  const { t, pick } = useI18n();
  const institutions = useInstitutions();
  const setActive = useSetInstitutionActive();
  const [addingUser, setAddingUser] = useState<PartnerRef>();
  const rows = institutions.data?.pages.flatMap((page) => page.data);
  const addUser = (row: Institution) => (
    <Button
      size="small"
      type="link"
      onClick={() => setAddingUser({ kind: 'institution', id: row.id, name: row.name })}
      aria-label={`${t('partners.newUser.open')} ${row.name}`}
    >
      {t('partners.newUser.open')}
    </Button>
  );
  const active = (row: Institution) => (
    <Switch
      checked={row.active}
      loading={setActive.isPending && setActive.variables?.id === row.id}
      onChange={(checked) => setActive.mutate({ id: row.id, active: checked })}
      aria-label={`${t('partners.institution.active')} ${row.name}`}
    />
  );
  const specialties = (row: Institution) => (
    <Space size={[4, 4]} wrap>
      {row.specialties.map((specialty) => (
        <Tag key={specialty} color={row.gcpSpecialties.includes(specialty) ? 'blue' : undefined}>
          {specialty}
        </Tag>
      ))}
    </Space>
  );
  const columns: ColumnsType<Institution> = [
    { key: 'name', title: t('partners.institution.name'), render: (_, row) => pick(row.name, row.nameEn) },
    { key: 'specialties', title: t('partners.institution.specialties'), render: (_, row) => specialties(row) },
    { key: 'load', title: t('partners.institution.load'), render: (_, row) => `${row.load} / ${row.capacity}` },
    { key: 'active', title: t('partners.institution.active'), render: (_, row) => active(row) },
    { key: 'users', title: t('partners.actions'), render: (_, row) => addUser(row) },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('partners.institutions.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('partners.institutions.subtitle')}</Typography.Text>
      </div>
      {institutions.isError ? (
        <ProblemAlert error={institutions.error} onRetry={() => void institutions.refetch()} />
      ) : (
        <RecordList<Institution>
          rows={rows}
          loading={institutions.isPending}
          columns={columns}
          card={(row) => ({
            title: pick(row.name, row.nameEn),
            description: (
              <Space orientation="vertical" size={4}>
                {specialties(row)}
                {`${t('partners.institution.load')} ${row.load} / ${row.capacity}`}
              </Space>
            ),
            extra: (
              <Space orientation="vertical">
                {active(row)}
                {addUser(row)}
              </Space>
            ),
          })}
        />
      )}
      <LoadMore query={institutions} />
      {setActive.isError && <ProblemAlert error={setActive.error} />}
      <NewPartnerUserModal partner={addingUser} onClose={() => setAddingUser(undefined)} />
    </Space>
  );
}
