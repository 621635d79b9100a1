import { RightKind, type Explanation } from '../schemas/explanation';
import type { Lang } from '../schemas/model';
import { TEXTS } from './texts';

/**
 * Every explanation ends with the member's rights: to object, to a person's review (GDPR
 * Art. 22(3)), to complain to the Belgian data-protection authority, and to a copy of their data
 * (Art. 15). They are offered whatever the legal basis, as the privacy statement promises.
 */
export function memberRights(lang: Lang): Explanation['rights'] {
  return RightKind.options.map((right) => ({ right, text: TEXTS[lang].rights[right] }));
}
