import type { ContactPreferences, ContactUpdate, MemberContact } from '@shared/schemas/contact';
import type { User } from '@shared/schemas/session';
import { contactChannel } from '../domain/contact-channel';
import { forbidden } from '../domain/errors';
import type { Clock } from '../clock';
import type { Store, StoredContact } from '../storage/store';

/** What a member without a record has: no address, English, so they are told by post. */
const noContact = (memberId: string): StoredContact => ({ memberId, email: null, language: 'en', emailOptOut: false, updatedAt: '' });

export const toWireContact = (contact: StoredContact): MemberContact => ({
  memberId: contact.memberId,
  email: contact.email,
  language: contact.language,
  emailOptOut: contact.emailOptOut,
  channel: contactChannel(contact),
  updatedAt: contact.updatedAt || null,
  languageChosen: !!contact.languageChosenAt,
});

/**
 * Contact data: the insurer's CRM owns the address and the language; the member owns their
 * preference (language, e-mail or post), which a later CRM push leaves as the member set it.
 */
export function createContactService(deps: { store: Store; clock: Clock }) {
  const { store, clock } = deps;
  const now = () => clock.now().toISOString();

  const ownMemberId = (user: User): string => {
    if (!user.memberId) throw forbidden('forbidden', 'Only members have contact data here.');
    return user.memberId;
  };

  return {
    async putFromCrm(memberId: string, update: ContactUpdate): Promise<MemberContact> {
      const before = await store.contacts.get(memberId);
      // The CRM owns the language (as it owns the address): its push replaces a member's earlier choice.
      const next: StoredContact = { memberId, email: update.email, language: update.language, emailOptOut: before?.emailOptOut ?? false, updatedAt: now() };
      await store.contacts.put(next);
      return toWireContact(next);
    },

    async getOwn(user: User): Promise<MemberContact> {
      const memberId = ownMemberId(user);
      return toWireContact((await store.contacts.get(memberId)) ?? noContact(memberId));
    },

    async updateOwn(user: User, preferences: ContactPreferences): Promise<MemberContact> {
      const memberId = ownMemberId(user);
      const before = (await store.contacts.get(memberId)) ?? noContact(memberId);
      const next: StoredContact = {
        ...before,
        language: preferences.language ?? before.language,
        emailOptOut: preferences.emailOptOut ?? before.emailOptOut,
        updatedAt: now(),
        ...(preferences.language ? { languageChosenAt: now() } : {}),
      };
      await store.contacts.put(next);
      return toWireContact(next);
    },
  };
}

export type ContactService = ReturnType<typeof createContactService>;
