/**
 * Web chat sessions (seed 004): web_chat_sessions, web_chat_messages and web_chat_leads
 * rows for a landing-page chat that qualifies web design and marketing projects.
 */
import {
  person,
  personalEmail,
  slug,
  usFirstNames,
  usLastNames,
  usPhone,
  workEmail,
} from '../people';
import { DAY_MS, HOUR_MS, iso } from '../plan';
import { Rng } from '../random';
import { LocalClock, hourFromCurve } from '../time';
import type { DemoPlan, WebChat, WebChatLeadRow, WebChatMessageRow } from '../types';
import * as bank from './bank';

type Status = WebChat['session']['completion_status'];

function statusOf(index: number): Status {
  if (index % 7 === 3) return 'abandoned';
  if (index % 3 === 1) return 'partial';
  return 'complete';
}
const isRecent = (index: number) => index % 6 === 2;

const central = new LocalClock('America/Chicago');
// prettier-ignore
const visitCurve = [
  [7, 1], [8, 2], [9, 4], [10, 5], [11, 5], [12, 4], [13, 5], [14, 5], [15, 4], [16, 4],
  [17, 3], [18, 3], [19, 3], [20, 4], [21, 4], [22, 2], [23, 1],
] as const;

export function* iterateWebChats(plan: DemoPlan): Generator<WebChat> {
  for (let i = 0; i < plan.counts.webChatSessions; i++) yield webChat(plan, i);
}

interface Draft {
  sender: 'user' | 'ai';
  message: string;
  /** Milliseconds after the previous message. */
  delay: number;
}

interface Capture {
  answers: Record<string, string>;
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  /** Index of the first user message that gave us something: the lead's created_at. */
  firstCapture: number | null;
}

export function webChat(plan: DemoPlan, index: number): WebChat {
  const rng = Rng.derive(plan.seed, 'webchat', index);
  const sessionId = `session_${rng.chars(26)}`;
  const status = statusOf(index);
  const capture: Capture = {
    answers: {},
    name: null,
    email: null,
    phone: null,
    company: null,
    firstCapture: null,
  };
  const drafts = converse(rng, status, capture);
  const total = drafts.reduce((n, d) => n + d.delay, 0);
  const start = startTime(rng, plan.nowMs, total, isRecent(index));

  let t = start;
  const messages: WebChatMessageRow[] = drafts.map((d) => {
    t += d.delay;
    return { session_id: sessionId, sender: d.sender, message: d.message, created_at: iso(t) };
  });
  const lastMs = t;
  const archived = plan.nowMs - lastMs > 7 * DAY_MS && rng.chance(0.5);
  const updatedMs = archived ? lastMs + rng.int(1, 72) * HOUR_MS : lastMs + rng.int(0, 5000);
  const userMessages = drafts.filter((d) => d.sender === 'user').length;
  return {
    session: {
      session_id: sessionId,
      started_at: iso(start),
      last_message_at: iso(lastMs),
      completion_status: status,
      archive_status: archived ? 'archived' : 'active',
      ai_engaged: userMessages > 0,
      updated_at: iso(Math.min(updatedMs, plan.nowMs)),
    },
    messages,
    lead: leadRow(sessionId, status, capture, messages),
  };
}

function startTime(rng: Rng, nowMs: number, durationMs: number, recent: boolean): number {
  if (recent) return nowMs - durationMs - rng.int(20, 50 * 60) * 1000;
  const day = central.dayOf(nowMs - rng.float(0, 21) * DAY_MS);
  let start = central.at(day, hourFromCurve(rng, visitCurve));
  while (start + durationMs > nowMs - HOUR_MS) start -= DAY_MS;
  return start;
}

function leadRow(
  sessionId: string,
  status: Status,
  c: Capture,
  messages: readonly WebChatMessageRow[],
): WebChatLeadRow | null {
  if (status === 'abandoned' || c.firstCapture === null) return null;
  const first = messages[c.firstCapture];
  const last = messages[messages.length - 1];
  if (!first || !last) return null;
  return {
    session_id: sessionId,
    name: c.name,
    email: c.email,
    phone: c.phone,
    company: c.company,
    answers: c.answers,
    created_at: first.created_at,
    updated_at: last.created_at,
  };
}

/** The conversation as drafts: what was said and how long after the previous message. */
function converse(rng: Rng, status: Status, capture: Capture): Draft[] {
  const drafts: Draft[] = [
    { sender: 'ai', message: rng.pick(bank.greetings), delay: rng.int(500, 2000) },
  ];
  const ai = (message: string) =>
    drafts.push({ sender: 'ai', message, delay: rng.int(2, 9) * 1000 });
  const user = (message: string, captures = true) => {
    const typing = Math.min(180, 8 + message.length * rng.float(0.3, 0.9) + rng.exponential(20));
    drafts.push({ sender: 'user', message, delay: Math.round(typing * 1000) });
    if (captures && capture.firstCapture === null) capture.firstCapture = drafts.length - 1;
  };

  const stages = qualification(rng, capture);
  const answered =
    status === 'complete'
      ? stages.length
      : status === 'partial'
        ? rng.int(2, stages.length - 2)
        : rng.int(0, 1);
  for (let s = 0; s < answered; s++) {
    const stage = stages[s];
    if (!stage) break;
    if (rng.chance(0.18)) {
      const [question, answer] = rng.pick(bank.asides);
      user(question, false);
      ai(`${answer} ${stage.reask}`);
    }
    user(stage.reply());
    const next = stages[s + 1];
    if (next) ai(next.ask);
  }
  if (status === 'complete') {
    ai(bank.completionMessage(rng, capture.name?.split(' ')[0] ?? 'there'));
    if (rng.chance(0.35)) {
      user(rng.pick(['Thanks!', 'great, talk soon', 'Thank you!']), false);
      ai(rng.pick(['Talk soon!', 'Have a great day!', 'Thanks for reaching out!']));
    }
  }
  return drafts;
}

interface Stage {
  /** The AI's question that leads to this stage (for stage 0, the greeting asked it). */
  ask: string;
  reask: string;
  reply: () => string;
}

function qualification(rng: Rng, c: Capture): Stage[] {
  const business = rng.pick(bank.businesses);
  const company = rng.pick(business.names);
  const p = person(rng, usFirstNames, usLastNames);
  const domain = `${slug(company)}.com`;
  const project = rng.pick(bank.projectTypes);
  const ack = () =>
    rng.pick(['Got it.', 'Sounds good!', "Great, that's right up our alley.", 'Thanks!']);
  return [
    {
      ask: '',
      reask: 'So, what kind of project do you have in mind?',
      reply: () => {
        c.answers.project_type = project.label;
        return project.userSays(business, rng);
      },
    },
    {
      ask: `${ack()} Do you have a current website? If so, what's the address?`,
      reask: 'Do you have a website at the moment?',
      reply: () => {
        const has = project.label !== 'New website' && rng.chance(0.75);
        c.answers.current_website = has ? domain : 'None';
        return has
          ? rng.pick([`yes, ${domain}`, `${domain} but it's old`, `It's ${domain}`])
          : 'no, not yet';
      },
    },
    {
      ask: "What's the main thing you'd like the project to achieve?",
      reask: "What's the main goal?",
      reply: () => {
        const goal = rng.pick(bank.goals);
        c.answers.goals = goal;
        return rng.chance(0.5) ? goal.toLowerCase() : `Mostly ${goal.toLowerCase()}`;
      },
    },
    {
      ask: `What budget range are you working with? (${bank.budgets.slice(0, 5).join(' / ')})`,
      reask: 'Which budget range fits best?',
      reply: () => {
        const budget = rng.pick(bank.budgets);
        c.answers.budget = budget;
        return budget === 'Not sure yet' ? "not sure yet, depends on what's included" : budget;
      },
    },
    {
      ask: 'And when would you ideally like to launch?',
      reask: 'When would you like to launch?',
      reply: () => {
        const timeline = rng.pick(bank.timelines);
        c.answers.timeline = timeline;
        return timeline === 'ASAP' ? 'asap honestly' : timeline;
      },
    },
    {
      ask: "Great. What's your name and the best email to reach you?",
      reask: "What's your name and email?",
      reply: () => {
        c.name = `${p.first} ${p.last}`;
        c.email = rng.chance(0.6) ? workEmail(rng, p, domain) : personalEmail(rng, p);
        return `${c.name}, ${c.email}`;
      },
    },
    {
      ask: `Thanks ${p.first}! Is there a phone number we can reach you on, and what's the business called?`,
      reask: 'A phone number and the business name?',
      reply: () => {
        c.company = company;
        if (rng.chance(0.25)) return `email is better. it's ${company}`;
        c.phone = usPhone(rng);
        return `${c.phone} - ${company}`;
      },
    },
  ];
}
