import { describe, expect, it } from 'vitest';
import { type Criteria, label, setExclusion, toggleRoute } from './Criteria';

const criteria: Criteria = {
  name: 'Norfolk 2019', effectiveFrom: '2019-11-04', triage: { coordinatorTriagesAll: true },
  types: [{ type: 'neighbourDispute', accepted: true, routes: ['partner'], eligibility: ['Both parties agree'] }],
  exclusions: [{ concern: 'domesticAbuse', action: 'coordinatorJudgement', reason: 'A coordinator decides', specialism: 'Domestic abuse' }],
  remedyMenu: [],
};

describe('editing referral criteria', () => {
  it('turns a route on and off for one type and keeps what the editor does not show', () => {
    const on = toggleRoute(criteria, 'neighbourDispute', 'selfReferral');
    expect(on.types[0]!.routes).toEqual(['partner', 'selfReferral']);
    expect(on.types[0]!.eligibility).toEqual(['Both parties agree']);
    expect(toggleRoute(on, 'neighbourDispute', 'partner').types[0]!.routes).toEqual(['selfReferral']);
    expect(on.triage).toEqual({ coordinatorTriagesAll: true });
  });

  it('changes a rule keeping its other details, adds one with an empty reason, and removes one', () => {
    expect(setExclusion(criteria, 'domesticAbuse', 'reject').exclusions).toEqual([
      { concern: 'domesticAbuse', action: 'reject', reason: 'A coordinator decides', specialism: 'Domestic abuse' }]);
    expect(setExclusion(criteria, 'fireRelated', 'redirect').exclusions[1]).toEqual({ concern: 'fireRelated', action: 'redirect', reason: '' });
    expect(setExclusion(criteria, 'domesticAbuse', '').exclusions).toEqual([]);
  });

  it("names the API's camelCase words for people", () => {
    expect(label('communityResolution')).toBe('Community resolution');
  });
});
