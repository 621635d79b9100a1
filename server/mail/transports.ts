import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import type { Lang } from '@shared/schemas/model';

/** What the file transport keeps beside each .eml, so the admin page reads a mail without a MIME parser. */
export interface StoredMailSummary {
  id: string;
  messageId: string;
  to: string;
  subject: string;
  language: Lang;
  kind: string;
  caseId: string;
  writtenAt: string;
  text: string;
  html: string;
}

/** Sends one composed mail; answers the server's status code when it gave one. */
export interface MailTransport {
  readonly kind: 'smtp' | 'files';
  deliver(mail: Mail.Options, summary: StoredMailSummary): Promise<{ status: number | null }>;
  close(): void;
}

/** "250 2.0.0 Ok: queued as …" → 250. */
const statusOf = (response: unknown): number | null => {
  const match = typeof response === 'string' ? /^(\d{3})\b/.exec(response) : null;
  return match ? Number(match[1]) : null;
};

export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async deliver(mail) {
      const info = await transporter.sendMail(mail);
      return { status: statusOf(info.response) ?? 250 };
    },
    close: () => transporter.close(),
  };
}

/** Mail file names are the message ids, kept to characters every file system takes. */
export const mailFileId = (messageId: string): string => messageId.replace(/[^A-Za-z0-9_.-]/g, '_');

/**
 * The demonstration's transport: each mail is composed exactly as SMTP would carry it and written
 * as <id>.eml under the directory, with a JSON summary beside it. A retry of the same message
 * rewrites the same files, so at-least-once delivery leaves one copy.
 */
export function fileTransport(dir: string): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const writeAtomically = async (file: string, content: string | Buffer) => {
    const temporary = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temporary, content, { mode: 0o600 });
    await fs.rename(temporary, file);
  };
  return {
    kind: 'files',
    async deliver(mail, summary) {
      const info = await composer.sendMail(mail);
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      const id = mailFileId(summary.id);
      await writeAtomically(path.join(dir, `${id}.eml`), info.message as Buffer);
      await writeAtomically(path.join(dir, `${id}.json`), JSON.stringify({ ...summary, id }));
      return { status: null };
    },
    close: () => composer.close(),
  };
}
