import { ParklineApiError } from '../../shared/api/problem';
import { placeProblems } from './definition-problems';

describe('problems of a service definition, placed', () => {
  const values = {
    materials: [{ code: 'licence' }, { code: 'lab_certificate', requiredWhen: {} }],
    workflow: {
      initialStage: 'review',
      stages: [
        { code: 'acceptance', actions: { accept: 'review' } },
        { code: 'review', outcomes: { done: 'nowhere' } },
      ],
    },
  };
  const problem = (errors: { field: string; message: string }[], extra = {}) =>
    new ParklineApiError({
      type: 't',
      title: 'Invalid',
      status: 400,
      detail: '',
      errors,
      ...extra,
    });

  it('puts the publish check’s problems at the material and the stage they name', () => {
    const placed = placeProblems(
      problem(
        [
          { field: 'promisedWorkingDays', message: 'more than the statutory limit' },
          { field: 'materials.lab_certificate.requiredWhen', message: 'refers to "x"' },
          { field: 'workflow', message: 'stage review, action done: leads to unknown stage' },
          { field: 'workflow', message: 'stage (workflow): initial stage missing' },
          { field: 'formSchema', message: 'must be an object schema' },
          { field: 'elsewhere', message: 'no such field' },
        ],
        {
          workflowProblems: [
            { stage: 'review', action: 'done', message: 'leads to unknown stage' },
            { stage: null, message: 'initial stage missing' },
          ],
        },
      ),
      values,
      ['name', 'promisedWorkingDays'],
    );
    expect(placed.fields).toEqual([
      { name: ['promisedWorkingDays'], errors: ['more than the statutory limit'] },
    ]);
    expect(placed.json.materials).toEqual([
      { message: 'refers to "x"', path: [1, 'requiredWhen'] },
    ]);
    expect(placed.json.workflow!.map((entry) => entry.path)).toEqual([
      ['stages', 1, 'outcomes', 'done'],
      ['initialStage'],
    ]);
    expect(placed.json.formSchema).toEqual([{ message: 'must be an object schema', path: [] }]);
    expect(placed.unplaced).toEqual(['elsewhere: no such field']);
  });

  it('puts request validation’s problems at the index they name', () => {
    const placed = placeProblems(
      problem([
        { field: 'materials.0.formats', message: 'at least 1 element' },
        { field: 'certificate.titleZh', message: 'must be a string' },
      ]),
      values,
      [],
    );
    expect(placed.json.materials).toEqual([
      { message: 'at least 1 element', path: [0, 'formats'] },
    ]);
    expect(placed.json.certificate).toEqual([{ message: 'must be a string', path: ['titleZh'] }]);
  });
});
