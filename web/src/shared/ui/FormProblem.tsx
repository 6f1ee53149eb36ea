import { ParklineApiError } from '@parkline/client';
import { ProblemAlert } from './ProblemAlert';

/**
 * A form's problem that names no field (a conflict, a refusal, a network failure); problems
 * with field errors are shown next to their fields instead (`form.setFields(fieldErrorsOf(…))`).
 */
export function FormProblem({ error }: { error: unknown }) {
  if (!error || (error instanceof ParklineApiError && error.errors.length > 0)) return null;
  return (
    <div style={{ marginBottom: 16 }}>
      <ProblemAlert error={error} />
    </div>
  );
}
