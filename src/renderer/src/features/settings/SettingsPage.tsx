import { Alert, Code, List, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useAppInfo, useSetTheme, useSettings } from '../../api/hooks';
import { themeLabels } from '../../app/ThemeToggle';
import { markerColor } from '../../lib/priorities';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import type { Settings } from '../../../../shared/contract';
import { SourcesSection } from '../sync/SourcesSection';
import { ConnectionSettingsForm } from './ConnectionSettingsForm';
import { GeneralSettingsForm } from './GeneralSettingsForm';
import { SettingsSection } from './SettingsSection';

const themeData = (['light', 'dark', 'auto'] as const).map((value) => ({
  value,
  label: themeLabels[value],
}));

export function SettingsPage() {
  const settings = useSettings();
  const setTheme = useSetTheme();
  return (
    <Stack gap="lg" maw={900}>
      <PageHeader
        title="Settings"
        description="Stored in this computer's Leadwatch data folder. Each field shows the value in use and where it comes from; one set in the environment wins and is read-only here."
      />
      {settings.error && <ErrorAlert error={settings.error} />}
      {settings.data ? (
        <>
          <EnvironmentNotices notices={settings.data.notices} />
          <SettingsSection
            id="appearance-title"
            title="Appearance"
            description="Applied at once and remembered."
          >
            <SegmentedControl
              aria-label="Theme"
              data={themeData}
              value={settings.data.theme}
              onChange={(value) => setTheme.mutate(value as Settings['theme'])}
              style={{ alignSelf: 'flex-start' }}
            />
          </SettingsSection>
          <GeneralSettingsForm settings={settings.data} />
          <SourcesSection />
          <ConnectionSettingsForm settings={settings.data} />
          <StoreInfo />
        </>
      ) : (
        <Skeleton h={400} />
      )}
    </Stack>
  );
}

/** Environment values Leadwatch could not use and ignored (it says so once here, as doctor does). */
function EnvironmentNotices({ notices }: { notices: string[] }) {
  if (!notices.length) return null;
  return (
    <Alert
      // Grey with a warning-coloured title: Mantine's light orange alert is below AA contrast.
      color="gray"
      variant="light"
      icon={<IconAlertTriangle aria-hidden color={markerColor.warning} />}
      styles={{ title: { color: markerColor.warning } }}
      title="Some environment values are ignored"
      data-testid="settings-notices"
    >
      <List size="sm" spacing={2}>
        {notices.map((n) => (
          <List.Item key={n}>{n}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

function StoreInfo() {
  const info = useAppInfo();
  if (!info.data) return null;
  const { dataDir, databasePath, schemaVersion, version, platform, node } = info.data;
  return (
    <SettingsSection
      id="store-title"
      title="Local store"
      description="Where Leadwatch keeps its mirror, reports and logs."
    >
      <Stack gap={6}>
        <Text size="sm">
          Data folder: <Code>{dataDir}</Code>
        </Text>
        <Text size="sm">
          Database: <Code>{databasePath}</Code> (schema {schemaVersion})
        </Text>
        <Text size="sm" c="dimmed">
          Leadwatch {version} · {platform} · Node {node}
        </Text>
      </Stack>
    </SettingsSection>
  );
}
