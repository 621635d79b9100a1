import { describe, expect, it } from 'vitest';
import { parseMoneyToCents } from './parse-money';

describe('parseMoneyToCents', () => {
  it.each([
    ['749.95', 74995],
    ['749,95', 74995],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['€ 1 234,56', 123456],
    ['1234', 123400],
    ['1.234', 123400],
    ['12,5', 1250],
    ['0', 0],
  ])('reads %s as %i cents', (text, cents) => expect(parseMoneyToCents(text)).toBe(cents));

  it.each(['', 'abc', '-5', '1,2345', '12.345.6', '1,234,56', '.50'])('refuses %j', (text) => expect(parseMoneyToCents(text)).toBeNull());
});
