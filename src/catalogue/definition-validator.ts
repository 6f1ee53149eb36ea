import { validateWorkflow } from '../workflow/workflow-validator';
import { schemaProblem } from './form-schemas';
import type { ServiceDefinition } from './service-definition';

export interface DefinitionProblem {
  /** Where: `workflow`, `formSchema`, `materials.<code>`, or a top-level field. */
  field: string;
  /** For workflow problems: the stage and action at fault. */
  stage?: string | null;
  action?: string;
  message: string;
}

/** Everything that must hold before a version may be published (and so never change again). */
export function validateServiceDefinition(definition: ServiceDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (
    definition.statutoryWorkingDays !== null &&
    definition.promisedWorkingDays > definition.statutoryWorkingDays
  ) {
    problems.push({
      field: 'promisedWorkingDays',
      message: 'the park cannot promise more than the statutory limit',
    });
  }

  const formProblem = schemaProblem(definition.formSchema);
  const formProperties = Object.keys(
    (definition.formSchema?.properties as object | undefined) ?? {},
  );
  if (formProblem) problems.push({ field: 'formSchema', message: formProblem });
  else if (definition.formSchema.type !== 'object' || formProperties.length === 0) {
    problems.push({
      field: 'formSchema',
      message: 'must be an object schema with at least one property',
    });
  }

  const codes = new Set<string>();
  for (const material of definition.materials ?? []) {
    if (codes.has(material.code))
      problems.push({ field: `materials.${material.code}`, message: 'appears twice' });
    codes.add(material.code);
    if (material.requiredWhen === undefined) continue;
    if (material.required) {
      problems.push({
        field: `materials.${material.code}`,
        message: 'is always required, so requiredWhen would never apply',
      });
    }
    const ruleProblem = schemaProblem(material.requiredWhen);
    if (ruleProblem)
      problems.push({ field: `materials.${material.code}.requiredWhen`, message: ruleProblem });
    const referenced = Object.keys((material.requiredWhen.properties as object | undefined) ?? {});
    for (const key of referenced.filter((name) => !formProperties.includes(name))) {
      problems.push({
        field: `materials.${material.code}.requiredWhen`,
        message: `refers to "${key}", which the form does not ask`,
      });
    }
  }
  if (!(definition.materials ?? []).some((material) => material.required)) {
    problems.push({
      field: 'materials',
      message: 'at least one material must be required in every situation',
    });
  }

  for (const [index, window] of (definition.intakeWindows ?? []).entries()) {
    if (window.opensOn > window.closesOn)
      problems.push({ field: `intakeWindows.${index}`, message: 'closes before it opens' });
  }
  const byFact = definition.certificate?.validityByFact;
  if (byFact) {
    for (const [value, months] of Object.entries(byFact.months ?? {})) {
      if (!Number.isInteger(months) || months < 1 || months > 600)
        problems.push({
          field: `certificate.validityByFact.months.${value}`,
          message: 'must be a whole number of months from 1 to 600',
        });
    }
  }

  // What a service declares it issues, its workflow issues, and nothing else.
  const issues = (definition.workflow?.stages ?? []).some(
    (stage) => stage.kind === 'AUTOMATED' && stage.handler === 'certificate_issuance',
  );
  if (definition.certificate && !issues)
    problems.push({
      field: 'certificate',
      message: 'is declared but the workflow has no certificate_issuance stage to issue it',
    });
  if (!definition.certificate && issues)
    problems.push({
      field: 'certificate',
      message: 'the workflow issues a certificate but the service declares none',
    });

  for (const problem of validateWorkflow(definition.workflow)) {
    problems.push({ field: 'workflow', ...problem });
  }
  return problems;
}
