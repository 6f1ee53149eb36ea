import { ParklineApiError } from '../../shared/api/problem';
import type { JsonPath } from './json-text';

/** The parts of a definition edited as JSON text; the others have fields of their own. */
export const JSON_FIELDS = ['certificate', 'materials', 'formSchema', 'workflow'] as const;
export type JsonField = (typeof JSON_FIELDS)[number];

/** A problem inside a JSON part, with the path of the value it is about. */
export interface PlacedProblem {
  message: string;
  path: JsonPath;
}

export interface PlacedProblems {
  /** For the form's own fields, as `form.setFields` takes them. */
  fields: { name: string[]; errors: string[] }[];
  json: Partial<Record<JsonField, PlacedProblem[]>>;
  /** Problems that name nothing the form shows. */
  unplaced: string[];
}

interface WorkflowProblem {
  stage?: string | null;
  action?: string;
}

interface Stage {
  code?: unknown;
  actions?: object;
  outcomes?: object;
  events?: object;
}

const asIndexOrKey = (segment: string) => (/^\d+$/.test(segment) ? Number(segment) : segment);

/** `materials.<index>` (request validation) or `materials.<code>` (the publish check). */
function materialPath(materials: unknown, [first, ...rest]: string[]): JsonPath {
  if (first === undefined) return [];
  const byCode = Array.isArray(materials)
    ? materials.findIndex((material) => (material as { code?: unknown })?.code === first)
    : -1;
  const index = /^\d+$/.test(first) ? Number(first) : byCode;
  return index < 0 ? [] : [index, ...rest.map(asIndexOrKey)];
}

/** The stage, and its action, outcome or event, that a workflow problem names. */
function workflowPath(workflow: unknown, problem: WorkflowProblem | undefined): JsonPath {
  if (!problem || problem.stage === undefined) return [];
  if (problem.stage === null) return ['initialStage'];
  const stages = (workflow as { stages?: Stage[] } | null)?.stages;
  const index = Array.isArray(stages)
    ? stages.findIndex((stage) => stage?.code === problem.stage)
    : -1;
  if (index < 0) return [];
  const stage = stages![index];
  const kind = (['actions', 'outcomes', 'events'] as const).find(
    (candidate) => problem.action !== undefined && problem.action in (stage[candidate] ?? {}),
  );
  return kind ? ['stages', index, kind, problem.action!] : ['stages', index];
}

/**
 * Puts each problem of a failed save or publish where it belongs: on a field of the form, or
 * at the value it names inside a JSON part (`values` are those parts as last parsed).
 */
export function placeProblems(
  error: ParklineApiError,
  values: Partial<Record<JsonField, unknown>>,
  formFields: readonly string[],
): PlacedProblems {
  const placed: PlacedProblems = { fields: [], json: {}, unplaced: [] };
  const workflowProblems = ((error.problem as { workflowProblems?: WorkflowProblem[] })
    .workflowProblems ?? []) as WorkflowProblem[];
  let workflowIndex = 0;
  for (const { field, message } of error.errors) {
    const [top, ...rest] = field.replace(/^definition\./, '').split('.');
    if ((JSON_FIELDS as readonly string[]).includes(top)) {
      const part = top as JsonField;
      const path =
        part === 'materials'
          ? materialPath(values.materials, rest)
          : part === 'workflow'
            ? workflowPath(values.workflow, workflowProblems[workflowIndex++])
            : rest.map(asIndexOrKey);
      (placed.json[part] ??= []).push({ message, path });
    } else if (formFields.includes(top)) {
      const existing = placed.fields.find((entry) => entry.name[0] === top);
      if (existing) existing.errors.push(message);
      else placed.fields.push({ name: [top], errors: [message] });
    } else {
      placed.unplaced.push(`${field}: ${message}`);
    }
  }
  return placed;
}
