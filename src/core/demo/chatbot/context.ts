import type { Rng } from '../random';

/** Who is asking, and the numbers their questions mention: fills the bank's templates. */
export interface EprContext {
  persona: Persona;
  firstName: string | null;
  organization: string | null;
  email: string | null;
  phone: string | null;
  product: string;
  /** Plastic packaging put on the market last year, in tonnes. */
  tonnes: number;
  category: 'I' | 'II' | 'III' | 'IV';
  otherCategory: 'I' | 'II' | 'III' | 'IV';
  states: number;
  state: string;
  financialYear: string;
  priceLow: number;
  priceHigh: number;
  weeks: number;
  deadline: string;
}

export interface Persona {
  key: 'producer' | 'brand_owner' | 'importer' | 'processor' | 'ecommerce';
  /** How they describe themselves in a first message. */
  selfDescriptions: readonly string[];
  products: readonly string[];
  orgSuffixes: readonly string[];
}

const orgStems = [
  'Sunrise',
  'Kaveri',
  'Apex',
  'GreenLeaf',
  'Shakti',
  'Nexa',
  'Vardhman',
  'Sai',
  'Orbit',
  'Tulsi',
  'Harbor',
  'Metro',
  'Lotus',
  'Indus',
  'Everfresh',
  'Cog',
  'Aravali',
  'Sahyadri',
  'Bluewave',
  'Trident',
];

/** A company name and its web domain, in the persona's line of business. */
export function organization(rng: Rng, persona: Persona): { name: string; domain: string } {
  const stem = rng.pick(orgStems);
  const suffix = rng.pick(persona.orgSuffixes);
  const tld = rng.pick(['.in', '.com', '.co.in']);
  return {
    name: `${stem} ${suffix}`,
    domain: `${stem.toLowerCase()}${suffix.split(' ')[0]?.toLowerCase() ?? ''}${tld}`,
  };
}

export const personas: readonly Persona[] = [
  {
    key: 'producer',
    selfDescriptions: ['a producer', 'a packaging manufacturer', 'producer of plastic packaging'],
    products: [
      'PET bottles',
      'HDPE containers',
      'laminated pouches',
      'BOPP film',
      'caps and closures',
    ],
    orgSuffixes: ['Polymers Pvt Ltd', 'Packaging Industries', 'Plastics', 'Flexipack'],
  },
  {
    key: 'brand_owner',
    selfDescriptions: ['a brand owner', 'an FMCG brand', 'a food brand', 'a personal care brand'],
    products: ['snacks', 'shampoo sachets', 'packaged water', 'spices', 'detergent', 'biscuits'],
    orgSuffixes: ['Foods', 'Beverages', 'Consumer Products', 'Home Care', 'Agro Foods'],
  },
  {
    key: 'importer',
    selfDescriptions: ['an importer', 'importing packaged goods', 'an importer of electronics'],
    products: ['imported cosmetics', 'electronics accessories', 'imported chocolates', 'toys'],
    orgSuffixes: ['Imports LLP', 'Trading Co', 'Global Pvt Ltd', 'Overseas'],
  },
  {
    key: 'processor',
    selfDescriptions: ['a recycler', 'a plastic waste processor', 'running a recycling unit'],
    products: ['recycled PET flakes', 'HDPE granules', 'co-processing in cement kilns'],
    orgSuffixes: ['Recyclers', 'Enviro Solutions', 'Green Tech', 'Reprocessors'],
  },
  {
    key: 'ecommerce',
    selfDescriptions: ['an e-commerce seller', 'a D2C brand', 'selling online'],
    products: ['courier bags', 'bubble wrap mailers', 'apparel polybags', 'gift packaging'],
    orgSuffixes: ['Retail', 'Online', 'Lifestyle', 'Brands'],
  },
];

const states = [
  'Maharashtra',
  'Gujarat',
  'Karnataka',
  'Tamil Nadu',
  'Delhi',
  'Telangana',
  'West Bengal',
  'Uttar Pradesh',
  'Haryana',
  'Kerala',
];
const categories = ['I', 'II', 'III', 'IV'] as const;

/** The financial year (April-March) that contains `ms`, e.g. "2025-26". */
export function financialYear(ms: number): string {
  const d = new Date(ms);
  const start = d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export function makeContext(
  rng: Rng,
  nowMs: number,
  persona: Persona,
  who: Pick<EprContext, 'firstName' | 'organization' | 'email' | 'phone'>,
): EprContext {
  const category = rng.weighted([
    ['I', 4],
    ['II', 4],
    ['III', 2],
    ['IV', 1],
  ] as const);
  const priceLow = rng.int(5, 18) * 500;
  return {
    ...who,
    persona,
    product: rng.pick(persona.products),
    tonnes: rng.weighted([
      [rng.int(5, 60), 4],
      [rng.int(60, 400), 3],
      [rng.int(400, 3000), 1],
    ]),
    category,
    otherCategory: rng.pick(categories.filter((c) => c !== category)),
    states: rng.int(1, 12),
    state: rng.pick(states),
    financialYear: financialYear(nowMs),
    priceLow,
    priceHigh: priceLow + rng.int(2, 8) * 500,
    weeks: rng.int(2, 9),
    deadline: rng.pick([
      '30 June',
      'the annual return',
      'our audit',
      'the quarter end',
      'the SPCB hearing',
    ]),
  };
}
