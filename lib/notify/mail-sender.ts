/**
 * E-mail to newsroom staff, through a pluggable sender. The default writes each message to the log (console), so a
 * fresh install needs no mail server; a deployment registers its own sender (SMTP, an API) with `setMailSender` at
 * start-up (for example from instrumentation.ts).
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface MailSender {
  send(message: MailMessage): Promise<void>;
}

/** The default: one log line per message. */
export const logMailSender: MailSender = {
  async send(message) {
    console.info(`midad mail → ${message.to} | ${message.subject}\n${message.text}`);
  },
};

const senderKey = Symbol.for('midad.mailSender');
type GlobalWithSender = typeof globalThis & { [senderKey]?: MailSender };

export function setMailSender(sender: MailSender): void {
  (globalThis as GlobalWithSender)[senderKey] = sender;
}

export function getMailSender(): MailSender {
  return (globalThis as GlobalWithSender)[senderKey] ?? logMailSender;
}

/**
 * Sends every message, never throwing: a mail failure must not undo or fail the workflow step that caused it (the
 * in-app notification is already stored). Failures are logged.
 */
export async function sendMailQuietly(messages: readonly MailMessage[]): Promise<void> {
  const sender = getMailSender();
  await Promise.all(
    messages.map((message) =>
      sender.send(message).catch((error: unknown) => {
        console.error(`midad mail: could not send to ${message.to}:`, error);
      }),
    ),
  );
}
