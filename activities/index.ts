// All activities, built from their dependencies so tests can hand in real local parts.
import { createBewaartermijnActivities, type BewaartermijnDeps } from './bewaartermijn';
import { createDossierActivities, type DossierDeps } from './dossier';
import { createNotificatieActivities, type NotificatieDeps } from './notificaties';

export type ActivityDeps = DossierDeps & NotificatieDeps & BewaartermijnDeps;

export function createActivities(deps: ActivityDeps) {
  return {
    ...createDossierActivities(deps),
    ...createNotificatieActivities(deps),
    ...createBewaartermijnActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
