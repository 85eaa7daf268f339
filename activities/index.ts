// All activities, built from their dependencies so tests can hand in real local parts.
import { createBewaartermijnActivities, type BewaartermijnDeps } from './bewaartermijn';
import { createDossierActivities, type DossierDeps } from './dossier';
import { createNotificatieActivities, type NotificatieDeps } from './notificaties';
import { createStapActivities } from './stap';

export type ActivityDeps = DossierDeps & NotificatieDeps & BewaartermijnDeps;

export function createActivities(deps: ActivityDeps) {
  const dossier = createDossierActivities(deps);
  const notificaties = createNotificatieActivities(deps);
  return {
    ...dossier,
    ...notificaties,
    ...createStapActivities({ ...dossier, ...notificaties }),
    ...createBewaartermijnActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
