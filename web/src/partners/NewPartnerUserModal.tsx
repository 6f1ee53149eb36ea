import { NewPersonModal, type NewPerson } from '../admin/users/NewPersonModal';
import { call, parkline } from '../shared/api/session';
import { useI18n } from '../shared/i18n/i18n';

/** Whose user is added: a provider's (PROVIDER_USER) or a hospital's (INSTITUTION_USER). */
export interface PartnerRef {
  kind: 'provider' | 'institution';
  id: string;
  name: string;
}

/** Adds a user of a provider or a hospital, who signs in with the password given. */
export function NewPartnerUserModal({ partner, onClose }: { partner: PartnerRef | undefined; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <NewPersonModal<NewPerson>
      open={Boolean(partner)}
      title={partner && t('partners.newUser.title', { name: partner.name })}
      name="new-partner-user"
      create={(user, idempotencyKey) => {
        const request = { params: { path: { id: partner!.id }, header: { 'Idempotency-Key': idempotencyKey } }, body: user };
        return partner!.kind === 'provider'
          ? call(() => parkline.POST('/api/v1/providers/{id}/users', request))
          : call(() => parkline.POST('/api/v1/institutions/{id}/users', request));
      }}
      onClose={onClose}
    />
  );
}
