import { useEffect, useRef } from 'react';
import { useMyContact, useUpdateMyContact } from '../features/my-data/api/my-contact';
import { useI18n } from '../i18n';

/**
 * A member's language lives on their account (the contact record the mails use too): at sign-in
 * the portal takes it up, and a language chosen in the header is kept there, so the next sign-in,
 * on any device, and every mail speak it. Renders nothing.
 */
export function AccountLanguage() {
  const { lang, setLang } = useI18n();
  const contact = useMyContact();
  const update = useUpdateMyContact();
  // The language the account and the portal last agreed on; null until the account was read.
  const agreed = useRef<string | null>(null);
  const { mutate } = update;

  useEffect(() => {
    if (!contact.data) return;
    if (agreed.current === null) {
      // Only the member's own choice is their account's language; the CRM's is the mails' default.
      const theirs = contact.data.languageChosen ? contact.data.language : lang;
      agreed.current = theirs;
      if (theirs !== lang) setLang(theirs);
      return;
    }
    if (lang === agreed.current) return;
    agreed.current = lang;
    mutate({ language: lang });
  }, [contact.data, lang, setLang, mutate]);

  return null;
}
