// Request parts the API alone takes (the request for a conference is zaakproces/aanvraag.ts).
// Each schema is the single source of its TypeScript type.
import { z } from 'zod';
import { tekst } from '../zaakproces/velden';
import { Fase } from '../workflows/contract';

/** Idempotency-Key header: printable, no spaces, long enough to be unique. */
export const IdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{8,200}$/, 'moet 8 tot 200 zichtbare tekens zijn | must be 8 to 200 visible characters');

/** GET /cases: search within what the caller may see. */
export const Zoekvraag = z.strictObject({
  fase: Fase.optional(),
  regio: tekst(100).optional(),
  noodsituatie: z.enum(['true', 'false']).optional(),
  /** Only cases whose running deadline has passed. */
  verlopen: z.enum(['true', 'false']).optional(),
  limiet: z.coerce.number().int().min(1).max(200).default(50),
  vanaf: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** PUT /cases/:id/bewaarplicht: the legal hold's reason, for the regiomanager's eyes only. */
export const Bewaarplicht = z.strictObject({ reden: tekst(500) });
export type Bewaarplicht = z.infer<typeof Bewaarplicht>;
