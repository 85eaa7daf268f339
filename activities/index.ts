// All activities, built from their dependencies so tests can hand in real local parts.
import { createRegistratieActivities, type RegistratieDeps } from './registratie';

export type ActivityDeps = RegistratieDeps;

export function createActivities(deps: ActivityDeps) {
  return {
    ...createRegistratieActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
