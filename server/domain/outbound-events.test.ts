import { describe, expect, it } from 'vitest';
import { dataKeptAfterDelivery, erasureConfirmationEntry, erasureNoticeHandedOver, requestNoticeEntry } from './outbound-events';

describe('the erasure confirmation forgets its address as soon as it may', () => {
  const at = '2026-11-25T12:00:00.000Z';
  const recipient = { email: 'bram@example.org', language: 'fr' as const };

  it('names no member, so the erasure that follows leaves it to be sent', () => {
    const entry = erasureConfirmationEntry('req_1', recipient, at);
    expect(entry).toMatchObject({ memberId: null, kind: 'erasure_done', requestId: 'req_1', recipient });
  });

  it('drops the address from the entry once fanned out, and from the delivery once sent', () => {
    const handed = erasureNoticeHandedOver(erasureConfirmationEntry('req_1', recipient, at), at);
    expect(handed).toMatchObject({ recipient: null, deliveredAt: at });
    expect(JSON.stringify(handed)).not.toContain('bram@');
    expect(dataKeptAfterDelivery('member.erasure_done', { kind: 'erasure_done', requestId: 'req_1', recipient })).toEqual({
      kind: 'erasure_done',
      requestId: 'req_1',
      recipient: null,
    });
  });

  it('keeps other request notices as they are: they hold ids only', () => {
    expect(erasureNoticeHandedOver(requestNoticeEntry('req_2', 'M-1001', 'request_refused', at), at)).toBeNull();
    expect(dataKeptAfterDelivery('member.request_refused', { kind: 'request_refused', requestId: 'req_2', memberId: 'M-1001' })).toMatchObject({
      memberId: 'M-1001',
    });
  });
});
