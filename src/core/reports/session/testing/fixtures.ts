import type { ChatMessage, SessionDetail } from '../../../../shared/contract';

const QUESTIONS = [
  'I am a producer and I need help with EPR registration',
  'How do I calculate the EPR target for multi-layered plastic packaging?',
  'What documents are needed for the CPCB portal?',
  'Can you share your pricing for annual compliance?',
  'Do you handle filing for Category II and III plastics as well?',
  'We need this done before the end of the quarter, is that possible?',
];

const ANSWERS = [
  'As a producer you register on the CPCB portal with your GST, PAN and CIN details, then declare the plastic packaging you introduced in the market in the previous financial year.',
  'EPR targets are generated from the quantity of plastic packaging you placed on the market, split by category, with the recycling and reuse obligations for the year applied to each.',
  'You will need your company registration, GST certificate, authorised signatory details and the category-wise packaging quantities for the last two years.',
  'Our plans start with a one-time registration fee and an annual compliance retainer; a consultant can share a quote for your volumes today.',
];

/**
 * A chatbot session like the ones the old system reported on: a visitor with contact
 * details, a scored lead, and `messageCount` alternating User/Bot lines a minute apart.
 * Every line carries its number (`#17`) so a test can look for each one in the PDF.
 */
export function sampleSession(
  messageCount: number,
  overrides: Partial<SessionDetail> = {},
): SessionDetail {
  const start = Date.parse('2025-01-14T12:06:00Z');
  const messages: ChatMessage[] = Array.from({ length: messageCount }, (_, i) => {
    const isUser = i % 2 === 0;
    const pool = isUser ? QUESTIONS : ANSWERS;
    const base = pool[Math.floor(i / 2) % pool.length] ?? '';
    return {
      seq: i,
      sender: isUser ? 'user' : 'bot',
      text: `${base} #${i + 1}`,
      sentAt: new Date(start + i * 60_000).toISOString(),
    };
  });
  const last = messages.at(-1)?.sentAt ?? null;
  return {
    id: 'redis:sess-7f3a9c',
    source: 'redis',
    sourceId: 'sess-7f3a9c',
    visitorName: 'Chinmay Deshpande',
    email: 'chinmay123@gmail.com',
    organization: 'Cog Packaging Pvt Ltd',
    startedAt: messages[0]?.sentAt ?? null,
    lastInteractionAt: last,
    messageCount: messages.length,
    priority: 'high',
    leadScore: 15,
    finalized: false,
    vanished: false,
    snippet: null,
    phone: '9865342187',
    company: null,
    userDataCollected: true,
    engagementScore: 6.5,
    totalQueries: Math.ceil(messageCount / 2),
    firstInteractionAt: messages[0]?.sentAt ?? null,
    completionStatus: null,
    archiveStatus: null,
    answers: null,
    scoreReasons: [
      { rule: 'pricing', points: 5, detail: 'Asked about pricing ("Can you share your pricing…")' },
      {
        rule: 'urgency',
        points: 4,
        detail: 'Mentioned a deadline ("before the end of the quarter")',
      },
      { rule: 'contact', points: 3, detail: 'Gave an email address and a phone number' },
      { rule: 'engagement', points: 3, detail: `${Math.ceil(messageCount / 2)} questions asked` },
    ],
    messages,
    ...overrides,
  };
}

/** Text a hostile visitor might type: markup, script, template syntax. */
export const HOSTILE = {
  name: '<script>alert(1)</script> Mallory',
  img: (port: number) => `<img src="http://127.0.0.1:${port}/pixel.png" onerror="alert(2)">`,
  handlebars: '{{handlebars}} {{{raw}}} {{> partial}}',
  style: `<style>body{display:none}</style><link rel="stylesheet" href="http://127.0.0.1:1/x.css">`,
};
