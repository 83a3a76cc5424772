import { describe, expect, it } from 'vitest';
import { contactInput } from './CaseWork';

describe('recording a contact', () => {
  it('sends what was ticked, trims notes to nothing, and asks for police only when the answer was yes', () => {
    const input = contactInput('case-1', {
      participantId: 'p-1', kind: 'HOME_VISIT', on: '2026-11-23', notes: '   ', risks: ['Previous controlling behaviour'], measures: ['Police officer present'], police: 'yes', consent: 'yes',
    });
    expect(input).toEqual({
      caseId: 'case-1', participantId: 'p-1', kind: 'HOME_VISIT', on: '2026-11-23', notes: null, riskFactors: ['Previous controlling behaviour'],
      safetyMeasures: ['Police officer present'], policeShouldAttend: true, consentGiven: true, consentScope: 'To take part in restorative justice',
    });
  });

  it('leaves consent unsaid when it was not asked', () => {
    const input = contactInput('case-1', { participantId: 'p-1', kind: 'PHONE', on: '2026-11-23', notes: 'Left a message', risks: [], measures: [], police: 'no', consent: '' });
    expect([input.consentGiven, input.consentScope, input.policeShouldAttend, input.notes]).toEqual([null, null, false, 'Left a message']);
  });
});
