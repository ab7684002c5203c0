import { Paper, Text, Title } from '@mantine/core';
import type { ChatMessage } from '../../../../shared/contract';
import { formatAbsolute, formatTime } from '../../lib/format';
import classes from './SessionDetail.module.css';

interface Props {
  messages: ChatMessage[];
  botName: string;
}

/**
 * The conversation as chat bubbles, visitor on the right. Message text is a React text
 * child, so markup a visitor typed is shown as the characters they typed, never parsed.
 */
export function Transcript({ messages, botName }: Props) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="transcript-title">
      <Title order={3} fz="md" mb="sm" id="transcript-title">
        Transcript
        <Text component="span" c="dimmed" size="sm" fw={400} ml="xs">
          {messages.length} {messages.length === 1 ? 'message' : 'messages'}
        </Text>
      </Title>
      {messages.length === 0 ? (
        <Text size="sm" c="dimmed">
          This session has no messages.
        </Text>
      ) : (
        <ol
          className={classes.transcript}
          aria-labelledby="transcript-title"
          data-testid="transcript"
        >
          {messages.map((message, i) => (
            <li key={message.seq} className={classes.message} data-sender={message.sender}>
              <Text size="xs" c="dimmed" className={classes.meta} fw={500}>
                {message.sender === 'user' ? 'Visitor' : botName}
              </Text>
              <div className={classes.bubble} data-testid="message-text">
                {message.text}
              </div>
              {message.sentAt && (
                <Text
                  component="time"
                  dateTime={message.sentAt}
                  title={formatAbsolute(message.sentAt)}
                  size="xs"
                  c="dimmed"
                  className={classes.meta}
                >
                  {sameDay(message.sentAt, messages[i - 1]?.sentAt)
                    ? formatTime(message.sentAt)
                    : formatAbsolute(message.sentAt)}
                </Text>
              )}
            </li>
          ))}
        </ol>
      )}
    </Paper>
  );
}

/** Times alone while the conversation stays on one day; the full date when it moves on. */
function sameDay(iso: string, previous: string | null | undefined): boolean {
  if (!previous) return false;
  return new Date(iso).toDateString() === new Date(previous).toDateString();
}
