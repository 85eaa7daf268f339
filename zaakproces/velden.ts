// Fields every way in takes the same way: text, a phone number, a language. Each schema says
// in its JSON Schema (the OpenAPI document) exactly what it accepts, so a request valid by
// the document is never refused by the server.
import { z } from 'zod';

/**
 * Text with something in it: trimmed, then at least one visible character, at most `max`.
 * The pattern says it again for the document (its minLength counts the spaces the trim
 * removes), and that a NUL character, which PostgreSQL cannot store, is never text.
 */
export const tekst = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { abort: true })
    .max(max)
    .regex(/^\s*[^\s\u0000][^\u0000]*$/);

/**
 * A region kring knows, by name. The OpenAPI document lists the regions of the moment
 * (`openapiDocument`), so a request valid by the document names one.
 */
export const BekendeRegio = tekst(100);

// Separators people type in a number: spaces, dots, dashes, brackets.
const S = '[\\s().-]*';
/**
 * A phone number as people write it: +31 6 12345678, 0031 6…, 06-12345678. Exactly those
 * that become a +E.164 number: + or 00 and a country code, or 0 and a Dutch number.
 */
const TELEFOON = new RegExp(
  `^(?:${S}\\+${S}[1-9](?:${S}\\d){7,14}|${S}0${S}0${S}[1-9](?:${S}\\d){7,14}|${S}0${S}[1-9](?:${S}\\d){5,12})${S}$`,
);

/** Dutch numbers as people write them (06-12345678, +31 6 …) become +E.164 for SMS. */
export const Telefoon = z
  .string()
  .max(32)
  .regex(
    TELEFOON,
    'moet een telefoonnummer zijn, zoals 06 12345678 of +31 6 12345678 | must be a phone number, like +31 6 12345678',
  )
  .transform((s) => s.replace(/[\s().-]/g, ''))
  .transform((s) => (s.startsWith('00') ? `+${s.slice(2)}` : s.startsWith('0') ? `+31${s.slice(1)}` : s));

export const Taal = z.enum(['nl', 'en']);
