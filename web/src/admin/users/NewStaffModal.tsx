import { useQueryClient } from '@tanstack/react-query';
import type { components } from '@parkline/client';
import { call, parkline } from '../../shared/api/session';
import { useI18n } from '../../shared/i18n/i18n';
import { NewPersonModal } from './NewPersonModal';
import { RoleFields } from './RoleFields';
import { STAFF_ROLES } from './roles';

type NewStaff = components['schemas']['NewStaffDto'];

/** Creates an officer, a department head or an admin, who signs in with the password given. */
export function NewStaffModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  return (
    <NewPersonModal<NewStaff>
      open={open}
      title={t('admin.users.new')}
      name="new-staff"
      initialValues={{ role: 'OFFICER' }}
      create={(staff, idempotencyKey) =>
        call(() =>
          parkline.POST('/api/v1/users', {
            body: staff,
            params: { header: { 'Idempotency-Key': idempotencyKey } },
          }),
        )
      }
      onCreated={() => void queryClient.invalidateQueries({ queryKey: ['users'] })}
      onClose={onClose}
    >
      <RoleFields roles={STAFF_ROLES} />
    </NewPersonModal>
  );
}
