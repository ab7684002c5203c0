/**
 * The landing-page chat of a web design and marketing agency (seed 004): the AI opens,
 * qualifies the project step by step, and closes with the "within 24 hours" promise the
 * dashboard uses to mark a session complete.
 */
import type { Rng } from '../random';

export interface Business {
  kind: string;
  names: readonly string[];
}

export const businesses: readonly Business[] = [
  {
    kind: 'dental clinic',
    names: ['Bright Smile Dental', 'Maple Family Dentistry', 'Riverside Dental Care'],
  },
  { kind: 'bakery', names: ['Golden Crust Bakery', 'Sugar & Salt', 'Northside Bakehouse'] },
  { kind: 'law firm', names: ['Hale & Whitmore LLP', 'Castillo Law Group', 'Pierce Legal'] },
  {
    kind: 'landscaping company',
    names: ['GreenEdge Landscaping', 'Oak & Stone Outdoor', 'TrueCut Lawns'],
  },
  { kind: 'yoga studio', names: ['Still Water Yoga', 'Lotus Flow Studio', 'Sunrise Yoga Loft'] },
  {
    kind: 'real estate agency',
    names: ['Harbor Realty', 'Keystone Homes Group', 'Summit Property Partners'],
  },
  {
    kind: 'plumbing business',
    names: ['FlowRight Plumbing', 'Precision Pipe Co', 'Dalton & Sons Plumbing'],
  },
  { kind: 'SaaS startup', names: ['Tallyflow', 'Quillstack', 'Brightpath Analytics'] },
  { kind: 'boutique hotel', names: ['The Linden House', 'Seabreeze Inn', 'Copper Lantern Hotel'] },
  {
    kind: 'nonprofit',
    names: ['Open Pantry Project', 'Riverbend Literacy Fund', 'Paws Forward Rescue'],
  },
];

export interface ProjectType {
  label: string;
  userSays: (b: Business, rng: Rng) => string;
}

export const projectTypes: readonly ProjectType[] = [
  {
    label: 'New website',
    userSays: (b) => `We need a website for our ${b.kind}, we don't really have one`,
  },
  {
    label: 'Website redesign',
    userSays: () =>
      'Our current site is really outdated and not mobile friendly. Looking for a redesign',
  },
  {
    label: 'Landing page',
    userSays: (_b, rng) =>
      `A landing page for a ${rng.pick(['product launch', 'spring promotion', 'webinar', 'new service'])}`,
  },
  {
    label: 'E-commerce store',
    userSays: (_b, rng) => `An online store, we have about ${rng.int(20, 400)} products`,
  },
  {
    label: 'SEO',
    userSays: () =>
      'We want to show up on Google when people search for us, right now we are on page 3',
  },
  {
    label: 'Paid ads',
    userSays: () => 'Help running Google and Facebook ads, we tried ourselves and wasted money',
  },
  { label: 'Branding', userSays: () => 'Logo and brand refresh, plus a simple site to go with it' },
];

export const greetings = [
  'Hi there! Thanks for stopping by. What kind of project can we help you with?',
  'Hello! Tell me a bit about your project - are you looking for a new website, a redesign, or help with marketing?',
  'Hey! Great to have you here. What are you hoping to get done?',
] as const;

export const goals = [
  'More leads and enquiries',
  'Sell products online',
  'Look more professional',
  'Online bookings',
  'Rank higher on Google',
  'Launch a new service',
];
export const budgets = [
  'Under $2,000',
  '$2,000 - $5,000',
  '$5,000 - $10,000',
  '$10,000 - $25,000',
  '$25,000+',
  'Not sure yet',
];
export const timelines = ['ASAP', 'Within a month', '1-3 months', '3-6 months', 'Just exploring'];

/** Questions visitors ask in between, with the agency's stock answers. */
export const asides: readonly (readonly [string, string])[] = [
  [
    'How much does a website usually cost?',
    'Most of our website projects land between $3,000 and $15,000 depending on pages, integrations and content. After a short call we send a fixed quote.',
  ],
  [
    'Do you work with WordPress?',
    'Yes, WordPress is one of our main platforms, along with Webflow and Shopify for stores.',
  ],
  [
    'Can you also handle hosting?',
    'We can. Managed hosting with backups and updates is available as a monthly plan.',
  ],
  [
    'How long does a typical project take?',
    'A typical site takes 4-8 weeks from kickoff to launch; landing pages can be live in 1-2 weeks.',
  ],
  [
    'do you do the copywriting too?',
    'Yes, we have copywriters on the team, or we can polish text you already have.',
  ],
  [
    'Can I see some examples of your work?',
    'Absolutely, our portfolio is on the Work page, and we will share relevant case studies on the call.',
  ],
];

export function completionMessage(rng: Rng, first: string): string {
  return rng.pick([
    `Perfect, thanks ${first}! One of our project leads will reach out within 24 hours to schedule a discovery call.`,
    `Thanks ${first}, that's everything we need. Someone from our team will contact you within 24 hours with next steps.`,
    `Great, ${first}! We'll review your answers and get back to you within 24 hours to book a quick call.`,
  ]);
}
