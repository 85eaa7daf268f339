// The audit trail as the API writes it: who acts is the account behind the token or session.
import type { Request } from 'express';
import type { Wie } from '../prisma/audit';

export { auditVastleggen as vastleggen, type Wie } from '../prisma/audit';

export function wieVan(req: Request): Wie {
  const g = req.gebruiker;
  return g ? { actor: g.id, via: g.via } : { actor: 'api', via: 'onbekend' };
}
