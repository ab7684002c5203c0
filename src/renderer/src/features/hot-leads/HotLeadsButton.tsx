import { Button, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconFlame } from '@tabler/icons-react';
import { formatNumber } from '../../lib/format';
import classes from './HotLeads.module.css';
import { useHotLeadsDrawer } from './HotLeadsProvider';
import { useHotLeadCount } from './use-hot-leads';

/** The header's flame: how many hot leads there are, one click from their list. */
export function HotLeadsButton() {
  const { count, critical, isPending } = useHotLeadCount();
  const drawer = useHotLeadsDrawer();
  const label = isPending
    ? 'Hot leads'
    : `${formatNumber(count)} hot ${count === 1 ? 'lead' : 'leads'} (${formatNumber(critical)} critical)`;
  return (
    <Tooltip label={label} withArrow openDelay={300}>
      <Button
        variant="default"
        size="sm"
        px="sm"
        onClick={drawer.open}
        aria-haspopup="dialog"
        leftSection={
          <IconFlame
            size={18}
            className={classes.flame}
            data-cold={count === 0 ? '' : undefined}
            aria-hidden
          />
        }
        data-testid="hot-leads-button"
        data-count={isPending ? undefined : count}
      >
        {isPending ? '–' : formatNumber(count)}
        <VisuallyHidden> hot {count === 1 ? 'lead' : 'leads'}</VisuallyHidden>
      </Button>
    </Tooltip>
  );
}
