/**
 * Delivery channels (email, Slack, webhook) are plugins behind this one interface. A report
 * builds its `ReportMessage` once and hands the same object to every channel; each channel
 * takes what it can carry (Slack the text, email everything).
 */
export interface ReportAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface ReportMessage {
  /** One line of plain text. */
  subject: string;
  /** Plain-text body. */
  text: string;
  /** HTML body; everything that came from users is already escaped. */
  html: string;
  attachments: ReportAttachment[];
}

export type NotifierChannel = 'email' | 'slack' | 'webhook';

export interface DeliveryReceipt {
  channel: NotifierChannel;
  /** The channel's own id for what it sent (the mail's Message-ID), when it has one. */
  messageId: string | null;
  accepted: string[];
  rejected: string[];
}

export interface Notifier {
  readonly channel: NotifierChannel;
  /** Sends, or throws an AppError saying why not; never resolves without having sent. */
  send(message: ReportMessage, recipients: readonly string[]): Promise<DeliveryReceipt>;
  close(): Promise<void>;
}
