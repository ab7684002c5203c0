import { Anchor, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { SessionDetail } from '../../../../shared/contract';
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
  recipients: string[];
}) {
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
        {recipients.length > 0 ? (
          <div>
            <Text size="sm" fw={600}>
              Recipients
            </Text>
            <List size="sm" spacing={2}>
              {recipients.map((r) => (
                <List.Item key={r}>{r}</List.Item>
              ))}
            </List>
          </div>
        ) : (
          <Text size="sm">
            No recipients are saved in{' '}
            <Anchor href="#/settings" inherit onClick={onClose}>
              Settings
            </Anchor>
            ; the report goes to REPORT_RECIPIENTS if that is set where Leadwatch runs.
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
