import { ParklineApiError } from '@parkline/client';
import dayjs from 'dayjs';
import { ACTIONS, actionFieldErrors, completeInputOf, orderedActions } from './actions';

describe('task actions', () => {
  it('know the inputs of every action in the API vocabulary', () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(
      [
        'accept',
        'approve',
        'complete',
        'decline',
        'deny',
        'record',
        'record_agreement',
        'record_inspection',
        'refer_inspection',
        'reject',
        'request_supplement',
        'schedule',
      ].sort(),
    );
  });

  it('offer the way forward first and refusals last', () => {
    expect(orderedActions({ allowedActions: ['deny', 'request_supplement', 'approve', 'refer_inspection'] })).toEqual([
      'approve',
      'refer_inspection',
      'request_supplement',
      'deny',
    ]);
  });

  it('turn the supplement items into material and field keys, each with its reason', () => {
    expect(
      completeInputOf('request_supplement', {
        comment: '  ',
        'data.items': [
          { target: 'material:biosafety_lab_certificate', reason: ' 备案凭证已过期 ' },
          { target: 'field:project.name', reason: '与立项文件不一致' },
        ],
      }),
    ).toEqual({
      action: 'request_supplement',
      comment: undefined,
      data: {
        items: [
          { kind: 'material', key: 'biosafety_lab_certificate', reason: '备案凭证已过期' },
          { kind: 'field', key: 'project.name', reason: '与立项文件不一致' },
        ],
      },
    });
  });

  it('send only the data the action takes', () => {
    const values = {
      comment: '同意',
      'data.meetingDate': dayjs('2026-12-10'),
      'data.agreementNumber': 'CTA-2026-0415',
      'data.result': 'PASSED' as const,
    };
    expect(completeInputOf('approve', values)).toEqual({ action: 'approve', comment: '同意' });
    expect(completeInputOf('schedule', values)).toEqual({
      action: 'schedule',
      comment: '同意',
      data: { meetingDate: '2026-12-10' },
    });
    expect(completeInputOf('record_inspection', values)).toEqual({
      action: 'record_inspection',
      comment: '同意',
      data: { result: 'PASSED', findings: undefined },
    });
  });

  it("place the API's field errors on the form's fields, an item's on that item", () => {
    const error = new ParklineApiError({
      type: 'urn:parkline:problem:validation-failed',
      title: 'Request validation failed',
      status: 400,
      detail: 'Invalid fields',
      errors: [
        { field: 'data.items.1.reason', message: 'reason must be longer than or equal to 2 characters' },
        { field: 'data.items.0.key', message: 'key must be a string' },
        { field: 'data.result', message: 'is required' },
      ],
    });
    expect(actionFieldErrors(error)).toEqual([
      { name: ['data.items', 1, 'reason'], errors: ['reason must be longer than or equal to 2 characters'] },
      { name: ['data.items', 0, 'target'], errors: ['key must be a string'] },
      { name: ['data.result'], errors: ['is required'] },
    ]);
  });
});
