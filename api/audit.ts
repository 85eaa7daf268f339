// The audit trail as the API writes it: who acts is the account behind the token.
import type { Request } from 'express';
import type { Wie } from '../prisma/audit';

export { auditVastleggen as vastleggen, type Wie } from '../prisma/audit';

export function wieVan(req: Request): Wie {
  const g = req.gebruiker;
  return g ? { actor: g.id, via: `token:${g.tokenId}` } : { actor: 'api', via: 'onbekend' };
}
