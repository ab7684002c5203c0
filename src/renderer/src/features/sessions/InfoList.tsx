import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './SessionDetail.module.css';

export interface InfoItem {
  label: string;
  value: ReactNode;
}

/** Label/value pairs as a description list; an empty value says so (`emptyText`) rather than vanish. */
export function InfoList({
  items,
  emptyText = 'Not given',
}: {
  items: InfoItem[];
  emptyText?: string;
}) {
  return (
    <dl className={classes.infoList}>
      {items.map(({ label, value }) => (
        <div key={label} className={classes.infoRow}>
          <Text component="dt" size="sm" c="dimmed">
            {label}
          </Text>
          <Text component="dd" size="sm" className={classes.infoValue}>
            {value === null || value === undefined || value === '' ? (
              <Text component="span" size="sm" c="dimmed" fs="italic">
                {emptyText}
              </Text>
            ) : (
              value
            )}
          </Text>
        </div>
      ))}
    </dl>
  );
}
