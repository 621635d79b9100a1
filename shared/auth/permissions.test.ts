import { describe, expect, it } from 'vitest';
import { can, canReadDecision, PERMISSIONS, visibleTypes, type Permission } from './permissions';
import type { Role } from '../schemas/common';

const reach = (role: Role) => (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can({ roles: [role] }, p)).sort();

describe('the permission table', () => {
  it('gives each role exactly the reach the services and screens gave it', () => {
    expect(reach('member')).toEqual(['decisions.readOwn']);
    expect(reach('reviewer')).toEqual(['cases.openPage', 'cases.review', 'metrics.readModels', 'staff.read']);
    expect(reach('approver')).toEqual(['cases.approve', 'cases.openPage', 'cases.review', 'metrics.readModels', 'staff.read']);
    expect(reach('discloser')).toEqual(['disclosure']);
    expect(reach('governance')).toEqual(
      [
        'audit.inspect',
        'cases.openPage',
        'decisions.readAll',
        'disclosures.read',
        'governance.dashboard',
        'metrics.read',
        'metrics.readModels',
        'monitors.manage',
        'reports.freeze',
        'reports.read',
        'staff.read',
      ].sort(),
    );
    expect(reach('admin')).toEqual(
      [
        'admin.console',
        'audit.inspect',
        'decisions.readAll',
        'disclosures.read',
        'ingestKeys.manage',
        'legalHolds.manage',
        'models.manage',
        'personalData.erase',
        'personalData.exportForMember',
        'signInThrottles.lift',
        'staff.read',
        'users.manage',
        'webhooks.manage',
      ].sort(),
    );
  });

  it('holds reviewers to their scopes and members to their own decisions', () => {
    const reviewer = { roles: ['reviewer'] as Role[], scopes: ['renewal_price' as const] };
    const member = { roles: ['member'] as Role[], scopes: [], memberId: 'M-1' };
    expect(visibleTypes(reviewer)).toEqual(['renewal_price']);
    expect(visibleTypes({ roles: ['governance'], scopes: [] })).toBe('all');
    expect(visibleTypes(member)).toEqual([]);
    expect(canReadDecision(reviewer, { type: 'renewal_price', subject: null })).toBe(true);
    expect(canReadDecision(reviewer, { type: 'fraud_flag', subject: null })).toBe(false);
    expect(canReadDecision(member, { type: 'renewal_price', subject: { memberId: 'M-1' } })).toBe(true);
    expect(canReadDecision(member, { type: 'renewal_price', subject: { memberId: 'M-2' } })).toBe(false);
  });
});
