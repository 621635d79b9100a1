import type { StoredContact } from './entities';

/**
 * How a member hears about their cases: by e-mail when an address is on file and they did not
 * opt out, otherwise by post — which a reviewer must then see, for the law requires that the
 * member be told (GDPR Art. 12(3)), not that an e-mail be tried.
 */
export const contactChannel = (contact: StoredContact | null): 'email' | 'post' => (contact?.email && !contact.emailOptOut ? 'email' : 'post');
