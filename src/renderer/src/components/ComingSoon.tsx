import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { markerColor } from '../lib/priorities';

interface Fact {
  label: string;
  value: string;
}

/** An honest placeholder: what the page will do, and the real numbers it will work from. */
export function ComingSoon({
  title,
  facts,
  children,
}: {
  title: string;
  facts: Fact[] | undefined;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="lg" p="xl" component="section" aria-labelledby="coming-title">
      <Stack gap="md">
        <Group gap="sm">
          <Title order={2} fz="xl" id="coming-title">
            {title}
          </Title>
          <Badge variant="outline" color={markerColor.neutral}>
            Not built yet
          </Badge>
        </Group>
        {children}
        {facts && (
          <SimpleGrid cols={{ base: 1, sm: facts.length }} spacing="sm" component="dl" m={0}>
            {facts.map((fact) => (
              <Paper key={fact.label} withBorder radius="md" p="sm">
                <Text component="dt" size="xs" c="dimmed">
                  {fact.label}
                </Text>
                <Text component="dd" m={0} fz="xl" fw={700}>
                  {fact.value}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}
