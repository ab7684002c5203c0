import { Anchor, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { EffectiveSettings, SessionDetail } from '../../../../shared/contract';
import { visitorLabel } from './labels';

/** Says exactly what will happen, to whom, before anyone is mailed. */
export function EndSessionConfirm({
  opened,
  onClose,
  onConfirm,
  session,
  recipients,
}: {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  session: SessionDetail;
  recipients: EffectiveSettings['reportRecipients'] | null;
}) {
  const list = recipients?.value ?? [];
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>End this session and send its report now?</Text>}
      closeButtonProps={{ 'aria-label': 'Cancel' }}
      data-testid="end-session-confirm"
    >
      <Stack gap="md">
        <Text size="sm">
          Leadwatch will treat {visitorLabel(session)}&apos;s session as finished, render its PDF
          report (visitor, lead score and reasons, full transcript) and mail it to the configured
          report recipients now, without waiting for the inactivity timeout.
        </Text>
        {list.length > 0 ? (
          <div data-testid="end-session-recipients">
            <Text size="sm" fw={600}>
              Recipients{' '}
              <Text span size="sm" c="dimmed" fw={400}>
                {recipients?.source === 'environment'
                  ? `(set by ${recipients.variable} in the environment)`
                  : '(saved in Settings)'}
              </Text>
            </Text>
            <List size="sm" spacing={2}>
              {list.map((r) => (
                <List.Item key={r}>{r}</List.Item>
              ))}
            </List>
          </div>
        ) : (
          <Text size="sm" data-testid="end-session-recipients">
            No report recipients are set: add them in{' '}
            <Anchor href="#/settings" inherit onClick={onClose}>
              Settings
            </Anchor>{' '}
            or set REPORT_RECIPIENTS where Leadwatch runs. Until then the PDF is made but not
            mailed.
          </Text>
        )}
        <Text size="sm" c="dimmed">
          Each session is reported once: if the report was already sent, or another Leadwatch
          instance is sending it, nothing is sent twice.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={onConfirm} data-autofocus>
            Send report now
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
