import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useDisclosure } from '@mantine/hooks';
import type { EffectiveSettings, SessionDetail } from '../../../../shared/contract';
import { ActionErrorAlert } from '../../components/ActionErrorAlert';
import { endSessionAdvice, outcomeText } from './end-session-outcome';
import { EndSessionConfirm } from './EndSessionConfirm';
import { FilePath } from '../../components/FilePath';
import { useEndSessionNow } from './use-end-session';

/**
 * "End session & send report now": the monitor's path, at once, after a confirmation
 * (it mails people). A finalized session cannot be sent twice, and the button says why.
 */
export function EndSessionAction({
  session,
  recipients,
}: {
  session: SessionDetail;
  /** The effective REPORT_RECIPIENTS and where they come from (null while settings load). */
  recipients: EffectiveSettings['reportRecipients'] | null;
}) {
  const [confirming, confirm] = useDisclosure(false);
  const end = useEndSessionNow(session.id);
  const outcome = end.data ? outcomeText[end.data.outcome] : null;
  const blocked = session.finalized && !end.data;

  return (
    <Stack gap="xs" data-testid="end-session">
      <Group gap="sm" wrap="wrap">
        <Button
          leftSection={<IconSend size={16} aria-hidden />}
          onClick={() => {
            end.reset();
            confirm.open();
          }}
          disabled={session.finalized}
          loading={end.isPending}
          aria-describedby={blocked ? 'end-session-why' : undefined}
        >
          End session &amp; send report now
        </Button>
        {blocked && (
          <Text size="sm" c="dimmed" id="end-session-why">
            Its report was already sent. A session is reported once, so it cannot be sent again.
          </Text>
        )}
      </Group>
      {outcome && end.data && (
        <Alert
          color={outcome.color}
          variant="light"
          title={outcome.title}
          icon={
            outcome.tone === 'success' ? <IconCheck aria-hidden /> : <IconInfoCircle aria-hidden />
          }
          role="status"
          data-testid="end-session-outcome"
          data-outcome={end.data.outcome}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={end.reset}
        >
          {outcome.message}
          {end.data.pdfPath && <FilePath path={end.data.pdfPath} testId="end-session-pdf" />}
          {end.data.notice && (
            <Text size="sm" mt={6} fw={500} data-testid="end-session-notice">
              {end.data.notice}{' '}
              <Anchor href="#/settings" inherit>
                Open Settings
              </Anchor>
            </Text>
          )}
        </Alert>
      )}
      {end.error && (
        <ActionErrorAlert
          title="The report was not sent"
          error={end.error}
          advice={endSessionAdvice}
          onRetry={() => end.mutate()}
          onDismiss={end.reset}
        />
      )}
      <EndSessionConfirm
        opened={confirming}
        onClose={confirm.close}
        onConfirm={() => {
          confirm.close();
          end.mutate();
        }}
        session={session}
        recipients={recipients}
      />
    </Stack>
  );
}
