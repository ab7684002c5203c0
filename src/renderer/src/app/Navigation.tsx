import { Kbd, NavLink, Stack } from '@mantine/core';
import type { Page } from '../router/route';
import { NAV_ITEMS } from './nav-items';
import { modKeyAria, modKeyLabel } from './platform';

/** Plain links to hash routes: Tab reaches them, Enter follows them, the focus ring shows. */
export function Navigation({ current }: { current: Page }) {
  return (
    <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {NAV_ITEMS.map(({ page, label, icon: Icon }, index) => (
        <li key={page}>
          <NavLink
            href={`#/${page}`}
            label={label}
            active={current === page}
            aria-current={current === page ? 'page' : undefined}
            aria-keyshortcuts={`${modKeyAria}+${index + 1}`}
            leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
            rightSection={
              <Kbd size="xs" aria-hidden>
                {modKeyLabel} {index + 1}
              </Kbd>
            }
            variant="light"
            fw={500}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
        </li>
      ))}
    </Stack>
  );
}
