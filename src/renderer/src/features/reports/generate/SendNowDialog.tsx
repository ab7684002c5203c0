import {
  Button,
  Group,
  Input,
  Modal,
  SegmentedControl,
  Stack,
  TagsInput,
  Text,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { DeliveryMethod } from '../../../../../shared/deliveries';
import { methodLabel, recipientHelp } from '../shared/labels';
import { recipientsProblem } from '../shared/recipients';

const methods = (['email', 'slack', 'webhook'] as const).map((value) => ({
  value,
  label: methodLabel[value],
}));

/** Where to send this report: the method and its recipients, checked before anything goes out. */
export function SendNowDialog({
  opened,
  onClose,
  onSend,
}: {
  opened: boolean;
  onClose: () => void;
  onSend: (target: { method: DeliveryMethod; recipients: string[] }) => void;
}) {
  const [method, setMethod] = useState<DeliveryMethod>('email');
  const [recipients, setRecipients] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const help = recipientHelp[method];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = recipientsProblem(method, recipients);
    setProblem(found);
    if (!found) onSend({ method, recipients });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>Send this report now</Text>}
      closeButtonProps={{ 'aria-label': 'Cancel' }}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            The report goes through the same delivery path as scheduled ones: it is recorded in
            Deliveries with every step, and a failed send is retried.
          </Text>
          <Stack gap={4}>
            <Input.Label component="div" id="send-method-label">
              Delivery method
            </Input.Label>
            <SegmentedControl
              aria-labelledby="send-method-label"
              data={methods}
              value={method}
              onChange={(value) => {
                setMethod(value as DeliveryMethod);
                setProblem(null);
              }}
              style={{ alignSelf: 'flex-start' }}
            />
          </Stack>
          <TagsInput
            label={help.label}
            description={help.hint}
            placeholder={recipients.length ? undefined : help.placeholder}
            value={recipients}
            onChange={(value) => {
              setRecipients(value);
              setProblem(null);
            }}
            splitChars={[',', ' ', ';']}
            error={problem}
            data-autofocus
            acceptValueOnBlur
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit">Send now</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
