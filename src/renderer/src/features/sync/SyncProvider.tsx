import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { EventPayload, Input, SyncSummary } from '../../../../shared/contract';
import { call, type ContractError } from '../../api/client';
import { useEvent } from '../../api/events';
import { useNotify } from '../../components/notifications';
import type { SyncSource } from './source-status-text';
import { summarizeResults } from './summarize-results';
import { SyncDialog } from './SyncDialog';

export type SyncTarget = NonNullable<Input<'sync.run'>>['source'];
export type SyncProgress = EventPayload<'sync.progress'>;

export interface SyncRunState {
  running: boolean;
  /** The latest progress per source, in the order the sources reported. */
  progress: SyncProgress[];
  /** What the last sync came to, ours or one core ran on its own. */
  last: { results: SyncSummary[]; at: number } | null;
  error: ContractError | null;
  start: (source?: SyncTarget) => void;
  dismissError: () => void;
  openDialog: () => void;
}

const SyncContext = createContext<SyncRunState | null>(null);

export function useSyncRun(): SyncRunState {
  const value = useContext(SyncContext);
  if (!value) throw new Error('useSyncRun needs a <SyncProvider>');
  return value;
}

/** A sync that stops reporting (its process died) stops counting as running after this. */
const STALE_PROGRESS_MS = 60_000;

/**
 * One sync at a time for the whole window: the Sessions toolbar, Settings and the sidebar
 * status all show the same run. Progress comes from 'sync.progress' events, which core
 * also sends for syncs it starts itself, so those show up here too.
 */
export function SyncProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const [progress, setProgress] = useState<Partial<Record<SyncSource, SyncProgress>>>({});
  const [last, setLast] = useState<SyncRunState['last']>(null);
  const [dialogOpen, dialog] = useDisclosure(false);
  const notify = useNotify();
  // Read in the mutation's callbacks, which outlive the render that created them.
  const dialogOpenRef = useRef(dialogOpen);
  useEffect(() => {
    dialogOpenRef.current = dialogOpen;
  }, [dialogOpen]);

  const finish = (results: SyncSummary[]) => {
    setProgress({});
    setLast({ results, at: Date.now() });
    // A sync can touch any list, count or session: refresh everything on screen.
    void client.invalidateQueries();
  };

  const run = useMutation({
    mutationKey: ['sync.run'],
    mutationFn: (source: SyncTarget) => call('sync.run', { source }),
    // Shown in the sync dialog with what to do, not as a passing notification.
    meta: { inlineError: true },
    onMutate: () => {
      setProgress({});
      setLast(null);
    },
    onSuccess: ({ results }) => {
      finish(results);
      // The dialog was hidden while the sync ran: say how it ended, where the person is.
      if (!dialogOpenRef.current) {
        const trouble = results.some((r) => r.error || r.failed.length > 0);
        notify({
          kind: trouble ? 'error' : 'success',
          title: trouble ? 'Sync finished with problems' : 'Sync finished',
          message: summarizeResults(results),
        });
      }
    },
    onError: (error) => {
      setProgress({});
      void client.invalidateQueries({ queryKey: ['sync.status'] });
      if (!dialogOpenRef.current)
        notify({ kind: 'error', title: 'The sync did not run', message: error.message });
    },
  });

  useEvent('sync.progress', (event) =>
    setProgress((current) => ({ ...current, [event.source]: event })),
  );
  useEvent('sync.finished', ({ results }) => finish(results));

  const reporting = Object.keys(progress).length > 0;
  useEffect(() => {
    if (!reporting || run.isPending) return;
    const timer = setTimeout(() => setProgress({}), STALE_PROGRESS_MS);
    return () => clearTimeout(timer);
  }, [progress, reporting, run.isPending]);

  const running = run.isPending || reporting;
  const { mutate, reset } = run;
  const { open: openDialog, close: closeDialog } = dialog;
  const value = useMemo<SyncRunState>(
    () => ({
      running,
      progress: Object.values(progress),
      last,
      error: run.error,
      start: (source = 'all') => {
        openDialog();
        if (!running) mutate(source);
      },
      dismissError: reset,
      openDialog,
    }),
    [running, progress, last, run.error, mutate, reset, openDialog],
  );

  return (
    <SyncContext.Provider value={value}>
      {children}
      <SyncDialog opened={dialogOpen} onClose={closeDialog} state={value} />
    </SyncContext.Provider>
  );
}
