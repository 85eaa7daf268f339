// Request bodies of the API. Each schema is the single source of its TypeScript type.
import { z } from 'zod';

const tekst = (max: number) => z.string().trim().min(1).max(max);

/** Dutch numbers as people write them (06-12345678, +31 6 …) become +E.164 for SMS. */
export const Telefoon = z
  .string()
  .trim()
  .max(32)
  .transform((s) => s.replace(/[\s().-]/g, ''))
  .transform((s) => (s.startsWith('00') ? `+${s.slice(2)}` : s.startsWith('0') ? `+31${s.slice(1)}` : s))
  .pipe(
    z
      .string()
      .regex(
        /^\+[1-9]\d{7,14}$/,
        'moet een telefoonnummer zijn, zoals 06 12345678 of +31 6 12345678 | must be a phone number, like +31 6 12345678',
      ),
  );

export const Taal = z.enum(['nl', 'en']);

export const Persoon = z.strictObject({
  naam: tekst(200),
  email: z.email().max(254).optional(),
  telefoon: Telefoon.optional(),
  /** The language of everything this person is sent. */
  taal: Taal.default('nl'),
});

export const Aanvrager = z.discriminatedUnion('relatie', [
  /** The main person asks for the conference themselves. */
  z.strictObject({ relatie: z.literal('hoofdpersoon') }),
  Persoon.extend({
    relatie: z.enum(['professional', 'betrokkene']),
    organisatie: tekst(200).optional(),
  }),
]);

/** What the main person wishes for in a coordinator. */
export const Wensen = z.strictObject({
  taal: tekst(100).optional(),
  geslacht: z.enum(['vrouw', 'man', 'geen voorkeur']).optional(),
  cultureleAchtergrond: tekst(200).optional(),
  toelichting: tekst(1000).optional(),
});

export const ZaakAanvraag = z.strictObject({
  aanvrager: Aanvrager,
  hoofdpersoon: Persoon,
  regio: tekst(100),
  /** The municipality that funds the conference, when known. */
  gemeente: tekst(100).optional(),
  /** The open question, if already known ("Wat is er voor nodig dat …?"). */
  vraag: tekst(2000).optional(),
  noodsituatie: z.boolean().default(false),
  wensen: Wensen.default({}),
});
export type ZaakAanvraag = z.infer<typeof ZaakAanvraag>;

/** Idempotency-Key header: printable, no spaces, long enough to be unique. */
export const IdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{8,200}$/, 'moet 8 tot 200 zichtbare tekens zijn | must be 8 to 200 visible characters');

/** GET /cases: search within what the caller may see. */
export const Zoekvraag = z.strictObject({
  fase: z.enum(['aanvraag', 'intake', 'voorbereiding', 'conferentie', 'uitvoering', 'afgesloten']).optional(),
  regio: tekst(100).optional(),
  noodsituatie: z.enum(['true', 'false']).optional(),
  /** Only cases whose running deadline has passed. */
  verlopen: z.enum(['true', 'false']).optional(),
  limiet: z.coerce.number().int().min(1).max(200).default(50),
  vanaf: z.coerce.number().int().min(0).max(100_000).default(0),
});
