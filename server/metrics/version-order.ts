/**
 * Natural order of model versions: the numeric parts compared as numbers, the rest as text,
 * so '9' < '10' and '1.2' < '1.10' < '2026.1'. A version that is a prefix of another comes
 * first ('1.2' < '1.2.1'). Numbers of any length compare exactly (by their digits, not as
 * floating point); '01' and '1' are equal as numbers and then ordered as text, so the order is total.
 */
export function compareVersions(a: string, b: string): number {
  const partsA = a.match(PARTS) ?? [];
  const partsB = b.match(PARTS) ?? [];
  for (let i = 0; i < Math.min(partsA.length, partsB.length); i++) {
    const order = compareParts(partsA[i]!, partsB[i]!);
    if (order !== 0) return order;
  }
  return partsA.length - partsB.length || compareText(a, b);
}

/** Runs of digits and runs of anything else. */
const PARTS = /\d+|\D+/g;
const isNumber = (part: string) => part.charCodeAt(0) >= 48 && part.charCodeAt(0) <= 57;
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareParts(a: string, b: string): number {
  if (isNumber(a) && isNumber(b)) {
    const digitsA = a.replace(/^0+(?=\d)/, '');
    const digitsB = b.replace(/^0+(?=\d)/, '');
    return digitsA.length - digitsB.length || compareText(digitsA, digitsB);
  }
  // A number sorts before text in the same place ('1.2' before '1.x'), as in most version schemes.
  if (isNumber(a) !== isNumber(b)) return isNumber(a) ? -1 : 1;
  return compareText(a, b);
}
