/**
 * The exchanges that make a lead hot (pricing, demo, urgency, contact details) and the
 * small talk around them. The lead scorer keys on these topics' signals.
 */
import type { Exchange, Topic } from './epr-topics';

/** Indian digit grouping (12,34,567) without relying on the runtime's ICU data. */
export function inr(n: number): string {
  const digits = String(Math.round(n));
  const last3 = digits.slice(-3);
  const rest = digits.slice(0, -3);
  return rest ? `${rest.replace(/\B(?=(\d{2})+(?!\d))/g, ',')},${last3}` : last3;
}

const pricing: Topic = {
  key: 'pricing',
  signal: 'pricing',
  openers: [
    {
      user: (c) => `What is the price per tonne for category ${c.category} credits?`,
      bot: (c) =>
        `Indicative prices for Category ${c.category} certificates are currently around Rs ${inr(c.priceLow)}-${inr(c.priceHigh)} per tonne, depending on volume and processor. Share your quantity and we will send a firm quote.`,
    },
    {
      user: (c) => `Can you share a quote for ${c.tonnes} tonnes?`,
      bot: (c, rng) =>
        `For ${c.tonnes} tonnes of Category ${c.category}, expect roughly Rs ${inr(c.tonnes * rng.int(c.priceLow, c.priceHigh))} in total including transfer. Our team will confirm the final price in writing.`,
    },
    {
      user: () => 'how much do you charge for the compliance service (registration + returns)?',
      bot: (_c, rng) =>
        `Our compliance plans start at Rs ${rng.pick(['25,000', '35,000', '40,000', '60,000'])} a year for registration, quarterly tracking and the annual return. Larger PIBOs get a custom quote.`,
    },
  ],
  followUps: [
    {
      user: () => 'Is there a discount if we sign for two years?',
      bot: (_c, rng) =>
        `Yes, multi-year agreements get about ${rng.int(5, 15)}% off and a locked certificate price for the first year.`,
    },
    {
      user: () => 'Payment terms? We usually pay in 45 days',
      bot: () =>
        'We can do 50% on order and the balance after the certificates show in your portal account; longer terms are possible for repeat customers.',
    },
  ],
};

const demo: Topic = {
  key: 'demo',
  signal: 'demo',
  openers: [
    {
      user: () => 'Can we schedule a demo of your compliance dashboard?',
      bot: () =>
        'Of course. A demo takes about 30 minutes and covers target tracking, certificate purchase and the annual return workflow. Which day suits you this week?',
    },
    {
      user: () => "I'd like to talk to someone from your team",
      bot: () =>
        'Happy to connect you. Please share your phone number or email and a good time, and a compliance specialist will call you.',
    },
  ],
  followUps: [
    {
      user: (_c, rng) =>
        `${rng.pick(['Tomorrow', 'Thursday', 'Friday', 'Monday'])} ${rng.pick(['11 am', '3 pm', 'afternoon', 'after 4'])} works`,
      bot: () =>
        'Noted. You will receive a calendar invite shortly, and our specialist will bring an estimate of your target.',
    },
  ],
};

const urgency: Topic = {
  key: 'urgency',
  signal: 'urgency',
  openers: [
    {
      user: (c) => `We need this done before ${c.deadline}, it is urgent`,
      bot: () =>
        'Understood, we will prioritise it. If documents are ready, registration can be filed within two working days and certificates reserved today.',
    },
    {
      user: (c) =>
        `Our auditor flagged a shortfall of ${Math.max(1, Math.round(c.tonnes / 3))} tonnes, we need credits this week`,
      bot: (c) =>
        `We can reserve ${Math.max(1, Math.round(c.tonnes / 3))} tonnes of Category ${c.category} certificates today and start the transfer as soon as the purchase order arrives.`,
    },
  ],
  followUps: [
    {
      user: () => 'Can you confirm availability today itself?',
      bot: () => 'Yes, a specialist will confirm availability by phone within the next two hours.',
    },
  ],
};

const contact: Topic = {
  key: 'contact',
  signal: 'contact',
  openers: [
    {
      user: (c) => `You can reach me at ${c.phone ?? 'the number in the form'}`,
      bot: (c) =>
        `Thank you${c.firstName ? `, ${c.firstName}` : ''}. Our team will call you shortly.`,
    },
    {
      user: (c) => `Please email the proposal to ${c.email ?? 'me'}`,
      bot: () => 'Done, the proposal will be in your inbox within the working day.',
    },
  ],
  followUps: [],
};

export const salesTopics = { pricing, demo, urgency, contact } as const;

export const greetings: readonly Exchange[] = [
  {
    user: () => 'hi',
    bot: () =>
      'Hello! I can help with EPR registration, targets, plastic credits and annual returns. What would you like to know?',
  },
  {
    user: () => 'Hello',
    bot: (c) =>
      `Hello${c.firstName ? ` ${c.firstName}` : ''}! How can I help you with EPR compliance today?`,
  },
  {
    user: () => 'is this a bot or a real person?',
    bot: () =>
      "I'm the EPR assistant. I can answer most compliance questions and connect you with a specialist whenever you like.",
  },
];

export const closings: readonly Exchange[] = [
  {
    user: () => 'Thanks, that helps',
    bot: () => 'Glad to help! Feel free to come back with any other EPR questions.',
  },
  {
    user: () => 'ok got it, will discuss internally',
    bot: () =>
      'Sure. When you are ready, I can share a checklist of documents so you can start quickly.',
  },
  {
    user: () => 'thx',
    bot: () => "You're welcome!",
  },
  {
    user: (c) =>
      `ok. ${c.organization ? `I'll share this with the ${c.organization} team` : 'Thanks'}`,
    bot: () => 'Great. Is there anything else I can help with?',
  },
];
