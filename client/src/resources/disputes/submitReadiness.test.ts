import { describe, expect, it } from 'vitest';
import { submitReadiness, type ReadinessInput } from './submitReadiness.ts';

const ready: ReadinessInput = {
  status: 'needs_response', savedResponse: 'Delivered on 3 Nov, signed by the customer.', unsaved: false,
  attachments: 1, uploading: 0, dueDate: '2026-11-27', now: Date.parse('2026-11-21T12:00:00Z'),
};
const missing = (change: Partial<ReadinessInput>) => submitReadiness({ ...ready, ...change }).missing;

describe('whether a dispute response can be submitted', () => {
  it('is ready with a saved response, evidence, no upload under way, before the deadline', () => {
    expect(submitReadiness(ready)).toEqual({ ready: true, missing: [] });
    expect(missing({ now: Date.parse('2026-11-27T23:59:00Z') })).toEqual([]); // the due day itself is in time
  });

  it('names each missing piece', () => {
    expect(missing({ savedResponse: null })).toEqual(['response']);
    expect(missing({ savedResponse: '   \n' })).toEqual(['response']);
    expect(missing({ attachments: 0 })).toEqual(['evidence']);
    expect(missing({ uploading: 1 })).toEqual(['uploading']);
    expect(missing({ now: Date.parse('2026-11-28T00:00:00Z') })).toEqual(['overdue']);
    expect(missing({ status: 'under_review' })).toEqual(['not_open']);
    expect(missing({ savedResponse: null, attachments: 0 })).toEqual(['response', 'evidence']);
  });

  it('asks to save edits first, since the server submits the saved text', () => {
    expect(missing({ unsaved: true })).toEqual(['unsaved']);
    expect(missing({ savedResponse: null, unsaved: true })).toEqual(['unsaved']);
  });
});
