import nodemailer, { type Transporter } from 'nodemailer';

/** One plain-text message. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Sends mail. Only configured when FOLIO_SMTP_URL is set; otherwise links go to the server log. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Mail through an SMTP server, with nodemailer (smtp:// or smtps:// URL with credentials in it). */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;
  constructor(url: string, private readonly from: string) {
    this.transport = nodemailer.createTransport(url);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }

  /** Closes pooled connections (at shutdown). */
  close(): void {
    this.transport.close();
  }
}
