import fs from 'node:fs/promises';
import path from 'node:path';
import { can } from '@shared/auth/permissions';
import { MemberMailMessage, type MemberMailList } from '@shared/schemas/member-mail';
import type { User } from '@shared/schemas/session';
import { forbidden, notFound } from '../domain/errors';
import { mailDirectory, type MailChannelConfig } from './mail-channel';

const LISTED = 500;

/** What the demonstration's file transport wrote, for the admin page: read from the JSON beside each .eml. */
export function createMailboxService(deps: { config: MailChannelConfig }) {
  const dir = mailDirectory(deps.config);
  const transport = deps.config.smtpUrl ? 'smtp' : 'files';

  const assertAdmin = (user: User) => {
    if (!can(user, 'admin.console')) throw forbidden('forbidden', 'Only admin reads the mail sent to members.');
  };

  async function read(file: string): Promise<MemberMailMessage | null> {
    try {
      const parsed = MemberMailMessage.safeParse(JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  return {
    async list(user: User): Promise<MemberMailList> {
      assertAdmin(user);
      if (transport === 'smtp') return { transport, mails: [] };
      const files = await fs.readdir(dir).catch(() => [] as string[]);
      const mails = (await Promise.all(files.filter((f) => f.endsWith('.json')).map(read))).filter((m) => m !== null);
      mails.sort((a, b) => b.writtenAt.localeCompare(a.writtenAt) || b.id.localeCompare(a.id));
      return { transport, mails: mails.slice(0, LISTED).map(({ text: _text, html: _html, ...summary }) => summary) };
    },

    async get(user: User, id: string): Promise<MemberMailMessage> {
      assertAdmin(user);
      const mail = transport === 'files' ? await read(`${id}.json`) : null;
      if (!mail) throw notFound(`No mail ${id}.`);
      return mail;
    },
  };
}

export type MailboxService = ReturnType<typeof createMailboxService>;
