/**
 * Fills the local store with demo data so it looks exactly as after a sync of the demo
 * sources. One transaction: a crash mid-way leaves the store as it was.
 */
import type Database from 'better-sqlite3';
import type { DemoSummary, EventPayload, ParsedInput } from '../../shared/contract';
import { AppError } from '../rpc/errors';
import type { Store } from '../store/open';
import { demoStreams, type DemoStreams } from './generate';
import { BulkFtsIndex } from '../sync/fts-bulk';
import { INSERT_MESSAGE_SQL, UPSERT_SESSION_SQL } from '../sync/mirror';
import { redisChatRows, webChatRows, type LocalRows } from './local-rows';
import { iso } from './plan';
import type { DemoCounts } from './types';
import { demoGymNames } from '../gyms/demo-gyms';
import { upsertGymNames } from '../gyms/sqlite-gym-name-rows';

type Progress = (p: EventPayload<'demo.progress'>) => void;

export interface SeedLocalOptions {
  /** The moment the data is "as of" (tests); default: the current hour. */
  now?: Date;
  /** Row counts beyond the two sizes (benchmarks). */
  counts?: Partial<DemoCounts>;
}

/** The tables demo data fills; a replace empties them (reviews of their sessions cascade). */
export const demoTables = [
  'chat_sessions',
  'chat_messages',
  'leads',
  'call_logs',
  'staff_users',
  'shop_users',
  'shop_events',
] as const;

const PROGRESS_EVERY = 2_000;

export function seedLocalStore(
  store: Store,
  input: ParsedInput<'demo.seed'>,
  onProgress: Progress,
  options: SeedLocalOptions = {},
): DemoSummary {
  const db = store.sqlite;
  const streams = demoStreams({ seed: input.seed, size: input.size, ...options });
  return db
    .transaction(() => {
      if (!input.replace && holdsData(db)) {
        throw new AppError(
          'conflict',
          'The local store already holds data. To replace it with demo data, pass replace: true (everything in the sessions, leads, calls and shop tables will be deleted).',
        );
      }
      for (const table of demoTables) db.prepare(`DELETE FROM ${table}`).run();
      // Replaced demo sessions keep their ids (same seed): their old claims must not finalize them.
      db.prepare('DELETE FROM session_claims').run();
      const chat = new BulkFtsIndex(db).run(() => writeChats(db, streams, onProgress));
      const gym = writeGym(db, streams, onProgress);
      const shop = writeShop(db, streams, onProgress);
      return { seed: input.seed, ...chat, ...gym, ...shop };
    })
    .immediate();
}

function holdsData(db: Database.Database): boolean {
  const exists = demoTables.map((t) => `EXISTS (SELECT 1 FROM ${t})`).join(' OR ');
  return (db.prepare(`SELECT ${exists} AS held`).get() as { held: number }).held === 1;
}

/** Calls `report` every PROGRESS_EVERY units and once at the end. */
function progress(step: string, total: number, report: Progress) {
  let done = 0;
  let reported = 0;
  report({ step, done: 0, total });
  return {
    add(n: number) {
      done += n;
      if (done - reported >= PROGRESS_EVERY) {
        reported = done;
        report({ step, done, total });
      }
    },
    finish() {
      if (reported !== done || done === 0) report({ step, done, total });
    },
  };
}

function writeChats(db: Database.Database, streams: DemoStreams, report: Progress) {
  const now = iso(streams.plan.nowMs);
  // The sync's own statements: a seeded session is exactly what a sync would have written.
  const insertSession = db.prepare(UPSERT_SESSION_SQL);
  const insertMessage = db.prepare(INSERT_MESSAGE_SQL);
  let messages = 0;
  const write = ({ session, messages: rows }: LocalRows) => {
    // No upstream holds seeded sessions: their reports are claimed in this store.
    insertSession.run({ ...session, now, local_only: 1 });
    for (const m of rows) insertMessage.run(m);
    messages += rows.length;
  };
  const { counts } = streams.plan;
  const chats = progress('chat sessions', counts.chatSessions, report);
  for (const s of streams.chatSessions()) {
    write(redisChatRows(s, streams.plan.nowMs));
    chats.add(1);
  }
  chats.finish();
  const web = progress('web chat sessions', counts.webChatSessions, report);
  for (const w of streams.webChats()) {
    write(webChatRows(w));
    web.add(1);
  }
  web.finish();
  return {
    chatSessions: counts.chatSessions,
    webChatSessions: counts.webChatSessions,
    chatMessages: messages,
  };
}

function writeGym(db: Database.Database, streams: DemoStreams, report: Progress) {
  const insertStaff = db.prepare(
    'INSERT INTO staff_users (id, name, email, role, gym_id, branch_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const s of streams.gym.staff) {
    insertStaff.run(s.id, s.name, s.email, s.role, s.gymId, s.branchId, s.createdAt);
  }
  // The lead tables hold gym and branch ids only: name them, as a team's directory would.
  upsertGymNames(db, demoGymNames(streams.gym));
  const insertLead = db.prepare(
    `INSERT INTO leads (id, branch_id, gym_id, first_name, last_name, phone, email, lead_status, created_at, updated_at)
     VALUES (@id, @branch_id, @gym_id, @first_name, @last_name, @phone, @email, @lead_status, @created_at, @updated_at)`,
  );
  const insertCall = db.prepare(
    `INSERT INTO call_logs (id, lead_id, branch_id, gym_id, user_id, direction, status, outcome, duration, created_at, notes)
     VALUES (@id, @lead_id, @branch_id, @gym_id, @user_id, @direction, @status, @outcome, @duration, @created_at, @notes)`,
  );
  const { counts } = streams.plan;
  const step = progress('gym leads and calls', counts.gymLeads + counts.callLogs, report);
  let leads = 0;
  let callLogs = 0;
  for (const { lead, calls } of streams.gymLeads()) {
    insertLead.run(lead);
    for (const c of calls) insertCall.run(c);
    leads += 1;
    callLogs += calls.length;
    step.add(1 + calls.length);
  }
  step.finish();
  return { gymLeads: leads, callLogs, staff: streams.gym.staff.length };
}

function writeShop(db: Database.Database, streams: DemoStreams, report: Progress) {
  const insertUser = db.prepare(
    'INSERT INTO shop_users (client_id, user_id, email, name) VALUES (@client_id, @user_id, @email, @name)',
  );
  const insertEvent = db.prepare(
    `INSERT INTO shop_events (id, client_id, user_id, event_type, timestamp, price, quantity, session_id)
     VALUES (@id, @client_id, @user_id, @event_type, @timestamp, @price, @quantity, @session_id)`,
  );
  const { counts } = streams.plan;
  const step = progress('shop users and events', counts.shopUsers + counts.shopEvents, report);
  let shopUsers = 0;
  let shopEvents = 0;
  for (const { user, events } of streams.shopUsers()) {
    insertUser.run(user);
    for (const e of events) insertEvent.run(e);
    shopUsers += 1;
    shopEvents += events.length;
    step.add(1 + events.length);
  }
  step.finish();
  return { shopUsers, shopEvents };
}
