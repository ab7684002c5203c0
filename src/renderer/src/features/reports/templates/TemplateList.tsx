import { Badge, Button, Group, NavLink, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconLock, IconPlus } from '@tabler/icons-react';
import type { ReportTemplateSummary } from '../../../../../shared/report-templates';
import { templateKindLabel } from '../shared/labels';

/** The templates, built-ins first and marked; picking one opens it beside the list. */
export function TemplateList({
  items,
  loading,
  selected,
  onSelect,
  onNew,
}: {
  items: ReportTemplateSummary[] | undefined;
  loading: boolean;
  selected: number | 'new' | null;
  onSelect: (id: number) => void;
  onNew: () => void;
}) {
  return (
    <Paper withBorder radius="md" p="xs" component="nav" aria-label="Templates">
      <Stack gap={4}>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={onNew}
          justify="flex-start"
          mb={4}
        >
          New template
        </Button>
        {loading && [0, 1, 2].map((i) => <Skeleton key={i} h={44} />)}
        {items?.map((t) => (
          <NavLink
            key={t.id}
            component="button"
            type="button"
            active={selected === t.id}
            // Gray keeps the label and its dimmed line at AA contrast when picked (and hovered).
            color="gray"
            onClick={() => onSelect(t.id)}
            aria-current={selected === t.id ? 'true' : undefined}
            data-testid="template-item"
            label={
              <Text size="sm" fw={selected === t.id ? 650 : 500} lineClamp={2}>
                {t.name}
              </Text>
            }
            description={
              <Group gap={6} mt={2}>
                <Text span size="xs" c="dimmed">
                  {templateKindLabel[t.kind]}
                </Text>
                {t.builtin && (
                  <Badge
                    size="xs"
                    variant="outline"
                    color="gray"
                    leftSection={<IconLock size={10} aria-hidden />}
                  >
                    Built-in
                  </Badge>
                )}
              </Group>
            }
          />
        ))}
        {items && items.every((t) => t.builtin) && (
          <Text size="xs" c="dimmed" p="xs">
            No custom templates yet. Duplicate a built-in or start a new one.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
