import type { Rng } from './random';

/** Name pools per audience: the EPR chatbot serves Indian companies, the gyms are in New York and London. */
// prettier-ignore
export const indianFirstNames = [
  'Aarav', 'Aditi', 'Akash', 'Ananya', 'Arjun', 'Bhakti', 'Chinmay', 'Deepa', 'Devika', 'Gaurav',
  'Harsh', 'Ishaan', 'Kavya', 'Kiran', 'Meera', 'Neha', 'Nikhil', 'Pooja', 'Pranav', 'Priya',
  'Rahul', 'Riya', 'Rohan', 'Sanjay', 'Shreya', 'Siddharth', 'Sneha', 'Tanvi', 'Varun', 'Vikram',
  'Yash', 'Zoya', 'Farhan', 'Lakshmi', 'Manish', 'Nandini', 'Omkar', 'Rashmi', 'Suresh', 'Tejas',
] as const;

// prettier-ignore
export const indianLastNames = [
  'Sharma', 'Patil', 'Iyer', 'Mehta', 'Reddy', 'Nair', 'Gupta', 'Kulkarni', 'Deshpande', 'Joshi',
  'Banerjee', 'Chatterjee', 'Rao', 'Shah', 'Kapoor', 'Menon', 'Pillai', 'Agarwal', 'Bhatt', 'Khan',
  'Singh', 'Verma', 'Das', 'Sawant', 'Gokhale',
] as const;

// prettier-ignore
export const usFirstNames = [
  'James', 'Maria', 'Michael', 'Jennifer', 'David', 'Linda', 'Chris', 'Jessica', 'Daniel', 'Ashley',
  'Matthew', 'Brittany', 'Anthony', 'Samantha', 'Kevin', 'Nicole', 'Brian', 'Stephanie', 'Tyler',
  'Rachel', 'Jose', 'Lauren', 'Marcus', 'Tiffany', 'Andre', 'Kayla', 'Luis', 'Megan', 'Jordan', 'Alyssa',
] as const;

// prettier-ignore
export const usLastNames = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez',
  'Martinez', 'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young',
] as const;

// prettier-ignore
export const ukFirstNames = [
  'Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Jack', 'Mia', 'Charlie', 'Emily',
  'Thomas', 'Sophie', 'Alfie', 'Grace', 'Freddie', 'Poppy', 'Archie', 'Lily', 'Henry', 'Ella',
  'Callum', 'Niamh', 'Rhys', 'Zara', 'Kwame', 'Priya', 'Tom', 'Hannah', 'Liam', 'Chloe',
] as const;

// prettier-ignore
export const ukLastNames = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel',
  'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall',
  'Wood', 'Jackson', 'Clarke', 'Hughes', 'Edwards', 'Okafor', 'Murphy', "O'Brien", 'Khan',
] as const;

const mailProviders = [
  'gmail.com',
  'outlook.com',
  'yahoo.com',
  'icloud.com',
  'hotmail.com',
  'proton.me',
];

export interface Person {
  first: string;
  last: string;
}

export function person(rng: Rng, firsts: readonly string[], lasts: readonly string[]): Person {
  return { first: rng.pick(firsts), last: rng.pick(lasts) };
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '');
}

/** A personal address on a common provider, varied the way people pick them. */
export function personalEmail(rng: Rng, p: Person): string {
  const first = slug(p.first);
  const last = slug(p.last);
  const local = rng.weighted([
    [`${first}.${last}`, 4],
    [`${first}${last}${rng.int(1, 99)}`, 3],
    [`${first[0] ?? 'x'}${last}`, 2],
    [`${first}_${rng.int(1970, 2005)}`, 1],
    [`${first}${rng.int(100, 999)}`, 1],
  ]);
  return `${local}@${rng.pick(mailProviders)}`;
}

export function workEmail(rng: Rng, p: Person, domain: string): string {
  const first = slug(p.first);
  const last = slug(p.last);
  const local = rng.weighted([
    [`${first}.${last}`, 5],
    [first, 2],
    [`${first[0] ?? 'x'}.${last}`, 2],
  ]);
  return `${local}@${domain}`;
}

/** Indian mobile numbers, written the several ways people type them. */
export function indianPhone(rng: Rng): string {
  const number = `${rng.pick(['6', '7', '8', '9'])}${rng.digits(9)}`;
  return rng.weighted([
    [number, 5],
    [`+91 ${number}`, 3],
    [`+91-${number.slice(0, 5)}-${number.slice(5)}`, 1],
  ]);
}

export function usPhone(rng: Rng): string {
  const area = rng.pick(['212', '347', '646', '718', '917', '201', '551']);
  return `+1${area}${rng.int(200, 999)}${rng.digits(4)}`;
}

export function ukPhone(rng: Rng): string {
  return `+447${rng.int(100, 999)}${rng.digits(6)}`;
}
