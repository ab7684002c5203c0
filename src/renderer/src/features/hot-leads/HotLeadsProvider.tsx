import { Drawer, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFlame } from '@tabler/icons-react';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import classes from './HotLeads.module.css';
import { HotLeadsPanel } from './HotLeadsPanel';

interface HotLeadsDrawer {
  open: () => void;
}

const DrawerContext = createContext<HotLeadsDrawer>({ open: () => undefined });

/** Opens the hot-leads drawer from anywhere: the header's flame, the dashboard card. */
export function useHotLeadsDrawer(): HotLeadsDrawer {
  return useContext(DrawerContext);
}

/** Holds the one hot-leads drawer, so every way of opening it shows the same list. */
export function HotLeadsProvider({ children }: { children: ReactNode }) {
  const [opened, drawer] = useDisclosure(false);
  const value = useMemo(() => ({ open: drawer.open }), [drawer.open]);
  return (
    <DrawerContext.Provider value={value}>
      {children}
      <Drawer
        opened={opened}
        onClose={drawer.close}
        position="right"
        size="md"
        title={
          <Group gap={8} wrap="nowrap">
            <IconFlame size={20} className={classes.flame} aria-hidden />
            <Text component="span" fw={650} fz="lg">
              Hot leads
            </Text>
          </Group>
        }
        closeButtonProps={{ 'aria-label': 'Close hot leads' }}
        data-testid="hot-leads-drawer"
      >
        <HotLeadsPanel onOpen={drawer.close} />
      </Drawer>
    </DrawerContext.Provider>
  );
}
