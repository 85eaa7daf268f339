// All activities, built from their dependencies so tests can hand in real local parts.
import { createDossierActivities, type DossierDeps } from './dossier';

export type ActivityDeps = DossierDeps;

export function createActivities(deps: ActivityDeps) {
  return {
    ...createDossierActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
