/**
 * The two gyms of the demo (seed 002), their branches and their call staff. Staff get a
 * performance profile so the weekly report's staff comparison has a story to tell.
 */
import { DAY_MS, iso } from '../plan';
import { Rng } from '../random';
import type { Branch, DemoPlan, Gym, GymDirectory, StaffUser } from '../types';

export interface StaffProfile {
  /** How often this person's calls connect (x the hour's base rate). */
  answerRate: number;
  /** How much this person tilts leads toward converting. */
  closing: number;
  /** How fast they get to a new lead (x base speed). */
  speed: number;
  /** How long they keep people on the phone (x base duration). */
  talkTime: number;
}

export interface StaffMember {
  user: StaffUser;
  profile: StaffProfile;
}

export interface GymSetup {
  gym: Gym;
  /** Share of all leads. */
  weight: number;
  branches: { branch: Branch; weight: number; agents: StaffMember[] }[];
  manager: StaffMember;
}

const gymPlans = [
  {
    name: 'Ironworks Fitness',
    timezone: 'America/New_York',
    domain: 'ironworksfitness.com',
    weight: 0.6,
    manager: 'Dana Whitfield',
    branches: [
      { name: 'Brooklyn', weight: 0.45, agents: ['Marcus Reed', 'Sofia Alvarez'] },
      { name: 'Midtown', weight: 0.35, agents: ['Tyler Brooks', 'Janelle Carter'] },
      { name: 'Jersey City', weight: 0.2, agents: ['Omar Haddad'] },
    ],
  },
  {
    name: 'Peak Performance Gyms',
    timezone: 'Europe/London',
    domain: 'peakperformancegyms.co.uk',
    weight: 0.4,
    manager: 'Fiona Gallagher',
    branches: [
      { name: 'Camden', weight: 0.55, agents: ['Jack Thornton', 'Amara Okoye'] },
      { name: 'Shoreditch', weight: 0.45, agents: ['Ellie Turner'] },
    ],
  },
] as const;

// From star to struggling, dealt out per seed so the leaderboard changes between seeds.
const profiles: readonly StaffProfile[] = [
  { answerRate: 1.3, closing: 1.6, speed: 1.8, talkTime: 1.2 },
  { answerRate: 1.2, closing: 1.35, speed: 1.4, talkTime: 1.1 },
  { answerRate: 1.05, closing: 1.1, speed: 1.1, talkTime: 1.0 },
  { answerRate: 1.0, closing: 1.0, speed: 1.0, talkTime: 0.95 },
  { answerRate: 0.95, closing: 0.85, speed: 0.8, talkTime: 0.9 },
  { answerRate: 0.8, closing: 0.7, speed: 0.6, talkTime: 0.8 },
  { answerRate: 0.7, closing: 0.5, speed: 0.45, talkTime: 0.7 },
  { answerRate: 1.1, closing: 1.2, speed: 0.9, talkTime: 1.3 },
];
const managerProfile: StaffProfile = { answerRate: 1.1, closing: 1.3, speed: 0.7, talkTime: 1.2 };

export function gymSetups(plan: DemoPlan): GymSetup[] {
  const rng = Rng.derive(plan.seed, 'gym-directory');
  const dealt = rng.shuffle(profiles);
  let next = 0;
  const member = (
    name: string,
    role: StaffUser['role'],
    gym: Gym,
    domain: string,
    branchId: string | null,
    profile?: StaffProfile,
  ): StaffMember => {
    const [first = name, last = ''] = name.split(' ');
    return {
      user: {
        id: rng.uuid(),
        name,
        email: `${first.toLowerCase()}.${last.toLowerCase()}@${domain}`,
        role,
        gymId: gym.id,
        branchId,
        createdAt: iso(plan.nowMs - rng.int(120, 900) * DAY_MS),
      },
      profile: profile ?? dealt[next++ % dealt.length] ?? managerProfile,
    };
  };
  return gymPlans.map((g) => {
    const gym: Gym = { id: rng.uuid(), name: g.name, timezone: g.timezone };
    const branches = g.branches.map((b) => {
      const branch: Branch = { id: rng.uuid(), gymId: gym.id, name: `${g.name} ${b.name}` };
      const agents = b.agents.map((a) => member(a, 'agent', gym, g.domain, branch.id));
      return { branch, weight: b.weight, agents };
    });
    const manager = member(g.manager, 'manager', gym, g.domain, null, managerProfile);
    return { gym, weight: g.weight, branches, manager };
  });
}

export function gymDirectory(setups: readonly GymSetup[]): GymDirectory {
  return {
    gyms: setups.map((s) => s.gym),
    branches: setups.flatMap((s) => s.branches.map((b) => b.branch)),
    staff: setups.flatMap((s) => [
      s.manager.user,
      ...s.branches.flatMap((b) => b.agents.map((a) => a.user)),
    ]),
  };
}
