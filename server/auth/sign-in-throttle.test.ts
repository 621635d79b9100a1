import { describe, expect, it } from 'vitest';
import { addressBucket, delayAfter, THROTTLE } from './sign-in-throttle';

describe('addressBucket', () => {
  it('keeps an IPv4 address, also when written IPv4-mapped', () => {
    expect(addressBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    expect(addressBucket('2001:db8:aaaa:bbbb::1')).toBe('2001:db8:aaaa:bbbb::/64');
    expect(addressBucket('2001:0DB8:AAAA:BBBB:1:2:3:4')).toBe('2001:db8:aaaa:bbbb::/64');
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
    expect(addressBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressBucket('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
  });

  it('has one bucket for a client without an address', () => {
    expect(addressBucket(undefined)).toBe('unknown');
  });
});

describe('delayAfter', () => {
  it('costs nothing for the free failures, then doubles from one second up to the cap', () => {
    expect(delayAfter(THROTTLE.freeFailures - 1)).toBe(0);
    expect([0, 1, 2, 3].map((extra) => delayAfter(THROTTLE.freeFailures + extra))).toEqual([1000, 2000, 4000, 8000]);
    expect(delayAfter(THROTTLE.freeFailures + 40)).toBe(THROTTLE.maxDelayMs);
  });
});
