import path from 'node:path';
import type Mail from 'nodemailer/lib/mailer';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { Store } from '../storage/store';
import { renderMail, renderRequestMail, type MailKind, type RenderedMail, type RequestMailKind } from './render-mail';
import { fileTransport, smtpTransport, type MailTransport } from './transports';

/**
 * One mail about a member's request. Ids only, except the erasure's confirmation, which carries
 * the address read before the erasure forgot the contact, until it is delivered.
 */
export interface RequestMail {
  id: string;
  kind: RequestMailKind;
  requestId: string;
  memberId: string | null;
  recipient: { email: string; language: 'en' | 'nl' | 'fr' } | null;
}

/** One mail to a member, as the outbox holds it: ids only, no personal data. */
export interface MemberMail {
  /** Stable across retries: the Message-ID is built from it, so a receiver sees one message. */
  id: string;
  kind: MailKind;
  memberId: string;
  caseId: string;
  decisionId: string;
}

export interface AttemptResult {
  ok: boolean;
  status: number | null;
  error: string | null;
  /** Retrying cannot help (no address on file, the member chose post, the server refused the address). */
  permanent?: boolean;
}

export interface MailChannelConfig {
  /** Without it, mail is written as .eml files under dataDir/mail (the demonstration). */
  smtpUrl?: string;
  dataDir: string;
  mailFrom: string;
  appUrl: string;
}

/** Where the demonstration's mail is written. */
export const mailDirectory = (config: Pick<MailChannelConfig, 'dataDir'>) => path.join(config.dataDir, 'mail');

/** SMTP when configured, else .eml files under the data directory. */
export const transportFor = (config: MailChannelConfig): MailTransport =>
  config.smtpUrl ? smtpTransport(config.smtpUrl) : fileTransport(mailDirectory(config));

const refused = (error: string): AttemptResult => ({ ok: false, status: null, error, permanent: true });

/** The host part of the sender, which also names our Message-IDs. */
const senderDomain = (from: string) => /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'recourse.localhost';

interface SmtpFailure {
  responseCode?: number;
  code?: string;
  message?: string;
}
const asSmtpFailure = (error: unknown): SmtpFailure => (typeof error === 'object' && error !== null ? (error as SmtpFailure) : {});

/**
 * E-mail to members. The channel loads the case, the decision and the contact itself, so what
 * waits in the outbox stays small and free of personal data; it renders in the member's language
 * and hands the mail to the transport. A member who cannot be e-mailed is a permanent failure
 * with its reason, never a silent skip: the reviewer's case page says they must be told by post.
 */
export function createMailChannel(deps: { store: Store; config: MailChannelConfig; clock: Clock; logger: Logger; transport?: MailTransport }) {
  const { store, config, clock, logger } = deps;
  const transport = deps.transport ?? transportFor(config);
  const domain = senderDomain(config.mailFrom);

  async function send(message: MemberMail): Promise<AttemptResult> {
    const contact = await store.contacts.get(message.memberId);
    if (!contact?.email) return refused('no_email_on_file: the member must be told by post');
    if (contact.emailOptOut) return refused('member_chose_post: the member must be told by post');
    const [c, decision] = await Promise.all([store.cases.get(message.caseId), store.decisions.get(message.decisionId)]);
    if (!c || !decision) return refused('case_not_found: the case or its decision is gone');
    if (decision.erasedAt) return refused('member_erased: the personal data was erased');

    const rendered = renderMail({ kind: message.kind, lang: contact.language, case: c, decision, appUrl: config.appUrl });
    return transmit({ id: message.id, kind: message.kind, caseId: message.caseId }, contact.email, rendered);
  }

  /** A mail about a request: to the captured recipient (the erasure's confirmation) or the member's contact on file. */
  async function sendRequestMail(message: RequestMail): Promise<AttemptResult> {
    let to = message.recipient;
    if (!to) {
      const contact = message.memberId ? await store.contacts.get(message.memberId) : null;
      if (!contact?.email) return refused('no_email_on_file: the member must be told by post');
      if (contact.emailOptOut) return refused('member_chose_post: the member must be told by post');
      to = { email: contact.email, language: contact.language };
    }
    const request = await store.memberRequests.get(message.requestId);
    const rendered = renderRequestMail({ kind: message.kind, lang: to.language, request, appUrl: config.appUrl });
    return transmit({ id: message.id, kind: message.kind, caseId: '' }, to.email, rendered);
  }

  async function transmit(message: { id: string; kind: string; caseId: string }, address: string, rendered: RenderedMail): Promise<AttemptResult> {
    const messageId = `<${message.id}@${domain}>`;
    const mail: Mail.Options = {
      from: config.mailFrom,
      to: address,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId,
      headers: { 'Content-Language': rendered.lang, 'Auto-Submitted': 'auto-generated' },
    };
    const summary = {
      id: message.id,
      messageId,
      to: address,
      subject: rendered.subject,
      language: rendered.lang,
      kind: message.kind,
      caseId: message.caseId,
      writtenAt: clock.now().toISOString(),
      text: rendered.text,
      html: rendered.html,
    };
    try {
      const { status } = await transport.deliver(mail, summary);
      // No address, no subject: the log says which case heard what, not who.
      logger.info({ mail: message.kind, caseId: message.caseId, transport: transport.kind, status }, 'member mail sent');
      return { ok: true, status, error: null };
    } catch (error) {
      const failure = asSmtpFailure(error);
      const status = typeof failure.responseCode === 'number' ? failure.responseCode : null;
      // 5xx is the server's final word on this mail; anything else (4xx, a dropped connection) may pass later.
      const permanent = status !== null && status >= 500 && status < 600;
      logger.warn({ mail: message.kind, caseId: message.caseId, transport: transport.kind, status, code: failure.code }, 'member mail failed');
      return { ok: false, status, error: `${failure.code ?? 'send_failed'}: ${failure.message ?? 'the mail could not be sent'}`.slice(0, 300), permanent };
    }
  }

  return { send, sendRequestMail, transport: transport.kind, close: () => transport.close() };
}

export type MailChannel = ReturnType<typeof createMailChannel>;
