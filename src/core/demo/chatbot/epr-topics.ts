/**
 * What people ask the EPR compliance chatbot about, and how it answers: informational
 * topics. Each exchange is a question and its answer, both templates over the session's
 * context, so two sessions on the same topic still read differently.
 */
import type { Rng } from '../random';
import type { EprContext } from './context';

export type Line = (c: EprContext, rng: Rng) => string;
export interface Exchange {
  user: Line;
  bot: Line;
}
export type Signal = 'pricing' | 'demo' | 'urgency' | 'contact';
export interface Topic {
  key: string;
  /** What the lead scorer sees in this topic (hot topics only). */
  signal: Signal | null;
  openers: readonly Exchange[];
  followUps: readonly Exchange[];
}

const roleAnswers: Record<EprContext['persona']['key'], Line> = {
  producer: (c) =>
    `As a producer of ${c.product}, you need to register as a PIBO on the CPCB EPR portal, report the plastic packaging you put on the market each year by category, and meet your EPR target with certificates from registered plastic waste processors.`,
  brand_owner: (c) =>
    `As a brand owner selling ${c.product}, your obligation covers the plastic packaging of everything sold under your brand. You register on the CPCB portal, declare quantities per category, and fulfil your target through EPR certificates purchased from registered processors.`,
  importer: (c) =>
    `Importers are PIBOs too: the packaging that comes in with ${c.product} counts toward your obligation. You register on the CPCB portal with your IEC, report imported packaging by category, and close your target with EPR certificates.`,
  processor: () =>
    `As a plastic waste processor you register separately on the portal, upload your processing and sales records, and generate EPR certificates that PIBOs can buy. We can help you list certificates and find buyers.`,
  ecommerce: (c) =>
    `E-commerce companies and D2C sellers are treated as brand owners for the packaging they use, such as ${c.product}. You need registration, an annual declaration and certificates to meet your target.`,
};

const intro: Topic = {
  key: 'role',
  signal: null,
  openers: [
    {
      user: (c) => `I am ${c.persona.selfDescriptions[0]}, i need help with EPR compliance`,
      bot: (c, rng) => roleAnswers[c.persona.key](c, rng),
    },
    {
      user: (c, rng) =>
        `Hi, we are ${rng.pick(c.persona.selfDescriptions)} (${c.product}). What exactly do we need to do under EPR?`,
      bot: (c, rng) => roleAnswers[c.persona.key](c, rng),
    },
    {
      user: (c) =>
        `Hello. ${c.organization ?? 'Our company'} deals in ${c.product}. Does EPR apply to us?`,
      bot: (c, rng) =>
        `Yes, most likely. ${roleAnswers[c.persona.key](c, rng)} Tell me roughly how much packaging you use and I can estimate your target.`,
    },
  ],
  followUps: [
    {
      user: (c) => `We operate in ${c.states} states. Do we register with CPCB or the state board?`,
      bot: (c) =>
        c.states > 2
          ? `With operations in ${c.states} states you register centrally with CPCB. One registration covers all of them.`
          : `Operating in ${c.states === 1 ? 'one state' : 'two states'}, you usually register with the State Pollution Control Board of ${c.state}. If you expand beyond two states you move to CPCB.`,
    },
  ],
};

const targets: Topic = {
  key: 'targets',
  signal: null,
  openers: [
    {
      user: () => 'How to calculate EPR target',
      bot: (c) =>
        `EPR targets are generated from the quantity of plastic packaging you introduced in the market in the previous years, split by category. For FY ${c.financialYear} the portal computes it from your declared quantities; you then meet it with certificates of the same category.`,
    },
    {
      user: (c) =>
        `Last year we used about ${c.tonnes} tonnes of category ${c.category} packaging. What will our target be?`,
      bot: (c, rng) => {
        const share = rng.pick([0.5, 0.6, 0.7, 0.8]);
        return `Based on ${c.tonnes} tonnes of Category ${c.category}, your FY ${c.financialYear} obligation would be roughly ${Math.max(1, Math.round(c.tonnes * share))} tonnes of Category ${c.category} certificates, assuming similar volumes. The portal figure after your annual declaration is the one that counts.`;
      },
    },
    {
      user: (c, rng) =>
        `${rng.pick(['pls', 'please', 'can you'])} explain how the target is split between categories, we have both cat ${c.category} and cat ${c.otherCategory}`,
      bot: (c) =>
        `Each category has its own target and certificates are not interchangeable: Category ${c.category} packaging must be offset with Category ${c.category} certificates, and Category ${c.otherCategory} with Category ${c.otherCategory}. Declare both quantities separately.`,
    },
  ],
  followUps: [
    {
      user: () => 'What if we used less packaging this year than last year?',
      bot: () =>
        'The target follows your declared quantities, so lower volumes mean a lower obligation next cycle. Keep invoices and purchase records to support the declaration.',
    },
    {
      user: () => 'Is there a recycled content requirement as well?',
      bot: (c) =>
        `Yes, for rigid packaging (Category I) there is a mandatory share of recycled plastic that rises every year. If you are a ${c.persona.key === 'producer' ? 'producer' : 'brand owner'}, ask your packaging suppliers for recycled-content certificates.`,
    },
    {
      user: () => 'what happens if we miss the target?',
      bot: () =>
        'A shortfall attracts environmental compensation, and the unmet quantity carries forward to the next year. It is usually cheaper to close the gap with certificates before the annual return.',
    },
  ],
};

const categories: Topic = {
  key: 'categories',
  signal: null,
  openers: [
    {
      user: (c) => `What is category ${c.category} plastic exactly?`,
      bot: (c) => categoryAnswer(c.category),
    },
    {
      user: (c) => `Our ${c.product} - which category would that fall under?`,
      bot: (c) =>
        `It depends on the material: ${categoryAnswer(c.category)} If you share a spec sheet we can confirm.`,
    },
  ],
  followUps: [
    {
      user: (c) => `And category ${c.otherCategory}?`,
      bot: (c) => categoryAnswer(c.otherCategory),
    },
  ],
};

function categoryAnswer(cat: EprContext['category']): string {
  switch (cat) {
    case 'I':
      return 'Category I is rigid plastic packaging, such as bottles, jars, containers and caps.';
    case 'II':
      return 'Category II is flexible packaging of a single layer or multiple layers of different plastics, including carry bags, pouches and shrink film.';
    case 'III':
      return 'Category III is multilayered packaging with at least one layer of plastic and one of another material, like laminated snack wrappers or tetra-style cartons.';
    case 'IV':
      return 'Category IV covers plastic sheets and carry bags made of compostable plastic.';
  }
}

const credits: Topic = {
  key: 'credits',
  signal: null,
  openers: [
    {
      user: () => 'How do plastic waste credits work?',
      bot: () =>
        'Registered plastic waste processors generate EPR certificates for every tonne they recycle or co-process. You buy certificates of your category and they are transferred to your account on the CPCB portal, which offsets your target.',
    },
    {
      user: (c) => `Can you supply ${c.tonnes} tonnes of category ${c.category} credits?`,
      bot: (c, rng) =>
        `Yes, we currently have Category ${c.category} certificates available from ${rng.int(3, 14)} registered processors. For ${c.tonnes} tonnes we can usually complete the transfer within ${rng.int(5, 15)} working days.`,
    },
    {
      user: () =>
        'Are your credits from CPCB registered processors? We had a bad experience before',
      bot: () =>
        'All certificates we trade come from processors registered on the CPCB portal, and every transfer is visible in your own portal account before you pay the balance.',
    },
  ],
  followUps: [
    {
      user: () => 'How long does the transfer take on the portal?',
      bot: (_c, rng) =>
        `Typically ${rng.int(3, 10)} working days after the purchase order, depending on portal load near deadlines.`,
    },
    {
      user: () => 'Do you also do recycling for end of life or only certificates?',
      bot: () =>
        'Both: we can arrange physical collection and recycling through partner processors, or certificates only if you simply need to close the target.',
    },
  ],
};

const registration: Topic = {
  key: 'registration',
  signal: null,
  openers: [
    {
      user: () => 'How do we register on the CPCB EPR portal?',
      bot: () =>
        'You create an account on the centralised EPR portal for plastic packaging, fill in company details, upload documents and pay the registration fee. The board reviews the application and issues a registration number.',
    },
    {
      user: () => 'What documents are needed for registration?',
      bot: () =>
        'Usually: PAN, GST certificate, CIN or partnership deed, IEC for importers, consent to operate where applicable, authorised person details, and the quantity of plastic packaging for the previous two years by category.',
    },
    {
      user: (c) => `Our registration is pending since ${c.weeks} weeks, is that normal?`,
      bot: (c) =>
        `Pending for ${c.weeks} weeks is not unusual, but check the portal for a query from the board; applications often stall on a missing document. We can review it for you.`,
    },
  ],
  followUps: [
    {
      user: () => 'Is there any fee?',
      bot: () =>
        'Yes, the registration fee depends on the category of PIBO and the quantity handled; the portal shows it at the payment step.',
    },
    {
      user: () => 'Do we need to renew it every year?',
      bot: () =>
        'Registration is renewed periodically, and you must file an annual return every year regardless.',
    },
  ],
};

const returns: Topic = {
  key: 'returns',
  signal: null,
  openers: [
    {
      user: () => 'When is the annual return due?',
      bot: (c) =>
        `The annual return for FY ${c.financialYear} is due by 30 June after the year closes. It lists packaging introduced, certificates obtained and your target status.`,
    },
    {
      user: () => 'we got a notice about our annual return, what should we do',
      bot: () =>
        'Read which figures the board questioned, reconcile them with your purchase and sales records, and reply on the portal before the deadline stated in the notice. We can help prepare the reply.',
    },
  ],
  followUps: [
    {
      user: () => 'Can we revise the return after filing?',
      bot: () =>
        'Corrections are possible through the portal while the window is open; after that you need the board to reopen it.',
    },
  ],
};

export const infoTopics: readonly Topic[] = [
  intro,
  targets,
  categories,
  credits,
  registration,
  returns,
];
