/**
 * Reads an amount typed by a reviewer into integer cents, whichever convention they type in:
 * "1234.56", "1234,56", "1.234,56", "1,234.56", "€ 1 234,56". A lone separator followed by
 * exactly three digits is a thousands separator ("1.234" is 1234 in Dutch and French, and an
 * English reader would not write cents with three digits). Null when it is not an amount.
 */
export function parseMoneyToCents(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€$£]|EUR/gi, '');
  if (!/^\d[\d.,]*$/.test(cleaned)) return null;
  const last = Math.max(cleaned.lastIndexOf('.'), cleaned.lastIndexOf(','));
  if (last === -1) return Number(cleaned) * 100;
  const decimals = cleaned.length - last - 1;
  const separators = new Set(cleaned.replace(/\d/g, ''));
  if (decimals === 3 && separators.size === 1) {
    // Thousands only: every group after the first must have three digits.
    return /^\d{1,3}([.,]\d{3})+$/.test(cleaned) ? Number(cleaned.replace(/[.,]/g, '')) * 100 : null;
  }
  if (decimals === 0 || decimals > 2) return null;
  const whole = cleaned.slice(0, last);
  if (whole.includes(cleaned[last]!) && separators.size === 1) return null; // "1,234,56"
  if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(whole)) return null;
  const cents = Number(whole.replace(/[.,]/g, '')) * 100 + Number(cleaned.slice(last + 1).padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}
