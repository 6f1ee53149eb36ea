import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { useNavigate } from 'react-router';
import { call, parkline } from '../../shared/api/session';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useIdempotencyKey } from '../filing/idempotency';

/** What to file: one service, or a "one thing" bundle. */
export type FilingTarget = { serviceCode: string } | { bundleCode: string };

/**
 * Starts a draft on the server and opens it in the editor; a holder of a mandate names the
 * enterprise it files for.
 */
export function FileButton({
  target,
  label,
  disabled,
  enterpriseId,
}: {
  target: FilingTarget;
  label: string;
  disabled?: boolean;
  enterpriseId?: string;
}) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const create = useMutation({
    mutationFn: () =>
      call(() =>
        parkline.POST('/api/v1/applications', {
          params: { header: { 'Idempotency-Key': idempotency.key() } },
          body: { ...target, enterpriseId },
        }),
      ),
    onSuccess: (draft) => {
      idempotency.done();
      // The lists now hold a new draft; the draft itself is known already.
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
      queryClient.setQueryData(['applications', draft.id], draft);
      navigate(`/applications/${draft.id}/edit`);
    },
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button
        type="primary"
        size="large"
        loading={create.isPending}
        disabled={disabled}
        onClick={() => create.mutate()}
      >
        {label}
      </Button>
      {create.error && <ProblemAlert error={create.error} />}
    </Space>
  );
}
