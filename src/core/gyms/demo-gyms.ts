import type { GymDirectory } from '../demo/types';
import type { GymName } from './gym-name-rows';

/** The demo's gyms and branches as directory entries, so its reports show their names. */
export function demoGymNames(directory: Pick<GymDirectory, 'gyms' | 'branches'>): GymName[] {
  return [
    ...directory.gyms.map((g) => ({ gymId: g.id, branchId: null, name: g.name })),
    ...directory.branches.map((b) => ({ gymId: b.gymId, branchId: b.id, name: b.name })),
  ];
}
