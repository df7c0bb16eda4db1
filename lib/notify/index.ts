export { getMailSender, logMailSender, sendMailQuietly, setMailSender } from './mail-sender';
export type { MailMessage, MailSender } from './mail-sender';
