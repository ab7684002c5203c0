import { Kbd, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent, type Ref } from 'react';
import { navigate } from '../router/router';
import { modKeyLabel } from './platform';

/**
 * Searches every transcript: Enter opens Sessions with the query. Focused from anywhere
 * with Ctrl/⌘+K or '/', and Escape hands focus back to the page.
 */
export function GlobalSearch({ inputRef }: { inputRef: Ref<HTMLInputElement> }) {
  const [value, setValue] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate({ page: 'sessions', query: value.trim() || undefined });
  };

  return (
    <form role="search" onSubmit={submit} style={{ flex: 1, maxWidth: 480 }}>
      <TextInput
        ref={inputRef}
        type="search"
        aria-label="Search all sessions"
        aria-keyshortcuts="Control+K Meta+K /"
        placeholder="Search transcripts, visitors, emails…"
        value={value}
        onChange={(event) => setValue(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') event.currentTarget.blur();
        }}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={
          <Kbd size="xs" aria-hidden>
            {modKeyLabel} K
          </Kbd>
        }
        rightSectionWidth={64}
        rightSectionPointerEvents="none"
      />
    </form>
  );
}
