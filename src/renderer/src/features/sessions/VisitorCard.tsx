import { Paper, Title } from '@mantine/core';
import type { SessionDetail } from '../../../../shared/contract';
import { InfoList, type InfoItem } from './InfoList';

/** Answers are free-form JSON from the web chat form: show scalars as text, the rest as JSON. */
function answerText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
    return value.join(', ');
  return JSON.stringify(value);
}

function humanize(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function VisitorCard({ session }: { session: SessionDetail }) {
  const items: InfoItem[] = [
    { label: 'Name', value: session.visitorName },
    { label: 'Email', value: session.email ? <BreakableEmail email={session.email} /> : null },
    { label: 'Phone', value: session.phone },
    { label: 'Organization', value: session.organization },
  ];
  if (session.company && session.company !== session.organization)
    items.push({ label: 'Company', value: session.company });
  items.push({ label: 'Gave details', value: session.userDataCollected ? 'Yes' : 'No' });
  for (const [key, value] of Object.entries(session.answers ?? {})) {
    items.push({ label: humanize(key), value: answerText(value) });
  }
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="visitor-title">
      <Title order={3} fz="md" mb="xs" id="visitor-title">
        Visitor
      </Title>
      <InfoList items={items} />
    </Paper>
  );
}

/** Lets a long address wrap after the '@' rather than mid-word in a narrow column. */
function BreakableEmail({ email }: { email: string }) {
  const at = email.indexOf('@');
  if (at < 0) return <>{email}</>;
  return (
    <>
      {email.slice(0, at + 1)}
      <wbr />
      {email.slice(at + 1)}
    </>
  );
}
