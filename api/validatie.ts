// Turns zod's findings into errors a caller can act on: which field, which rule, what to do.
import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { Probleem, type Fout, type Tekst } from './problem';

const SOORT: Record<string, Tekst> = {
  string: { nl: 'tekst', en: 'text' },
  number: { nl: 'getal', en: 'number' },
  int: { nl: 'geheel getal', en: 'whole number' },
  boolean: { nl: 'true of false', en: 'true or false' },
  object: { nl: 'object', en: 'object' },
  array: { nl: 'lijst', en: 'list' },
};

const FORMAAT: Record<string, Tekst> = {
  email: { nl: 'een geldig e-mailadres', en: 'a valid email address' },
  uuid: { nl: 'een geldige id (uuid)', en: 'a valid id (uuid)' },
  datetime: { nl: 'een tijdstip als 2026-11-24T09:30:00Z', en: 'a timestamp like 2026-11-24T09:30:00Z' },
  regex: { nl: 'in het juiste formaat', en: 'in the right format' },
};

function veldnaam(path: PropertyKey[], basis = ''): string {
  return path.reduce<string>(
    (naam, deel) => (typeof deel === 'number' ? `${naam}[${deel}]` : naam ? `${naam}.${String(deel)}` : String(deel)),
    basis,
  );
}

function soort(naam: string): Tekst {
  return SOORT[naam] ?? { nl: naam, en: naam };
}

function lijst(waarden: readonly unknown[]): string {
  return waarden.map((w) => JSON.stringify(w)).join(', ');
}

function fout(veld: string, regel: string, nl: string, en: string): Fout {
  const wie = veld || 'het verzoek';
  return { veld: veld || '(verzoek)', regel, melding: { nl: `${wie} ${nl}.`, en: `${veld || 'the request'} ${en}.` } };
}

function grens(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, veld: string): Fout {
  const klein = issue.code === 'too_small';
  const n = Number(klein ? (issue as z.core.$ZodIssueTooSmall).minimum : (issue as z.core.$ZodIssueTooBig).maximum);
  const [nl, en] = klein ? ['minstens', 'at least'] : ['hoogstens', 'at most'];
  switch (issue.origin) {
    case 'string':
      if (klein && n === 1) return fout(veld, 'minimale-lengte', 'mag niet leeg zijn', 'must not be empty');
      return fout(
        veld,
        klein ? 'minimale-lengte' : 'maximale-lengte',
        `moet ${nl} ${n} tekens hebben`,
        `must have ${en} ${n} characters`,
      );
    case 'array':
    case 'set':
      return fout(
        veld,
        klein ? 'minimaal-aantal' : 'maximaal-aantal',
        `moet ${nl} ${n} elementen hebben`,
        `must have ${en} ${n} items`,
      );
    default:
      return fout(veld, klein ? 'minimum' : 'maximum', `moet ${nl} ${n} zijn`, `must be ${en} ${n}`);
  }
}

function naarFouten(issue: z.core.$ZodIssue, basis: string): Fout[] {
  const veld = veldnaam(issue.path, basis);
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? [fout(veld, 'verplicht', 'is verplicht', 'is required')]
        : [fout(veld, 'type', `moet ${soort(issue.expected).nl} zijn`, `must be ${soort(issue.expected).en}`)];
    case 'too_small':
    case 'too_big':
      return [grens(issue, veld)];
    case 'invalid_format': {
      if (issue.message.includes(' | ')) return [eigenRegel(veld, 'formaat', issue.message)];
      const f = FORMAAT[issue.format] ?? FORMAAT.regex!;
      return [fout(veld, 'formaat', `moet ${f.nl} zijn`, `must be ${f.en}`)];
    }
    case 'invalid_value':
      return [
        fout(veld, 'keuze', `moet een van deze zijn: ${lijst(issue.values)}`, `must be one of: ${lijst(issue.values)}`),
      ];
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        fout(veldnaam([...issue.path, key], basis), 'onbekend-veld', 'is geen bekend veld', 'is not a known field'),
      );
    case 'invalid_union': {
      const opties = (issue as { options?: unknown[] }).options;
      return opties
        ? [fout(veld, 'keuze', `moet een van deze zijn: ${lijst(opties)}`, `must be one of: ${lijst(opties)}`)]
        : [fout(veld, 'vorm', 'past bij geen van de toegestane vormen', 'matches none of the allowed shapes')];
    }
    default:
      return [eigenRegel(veld, 'regel', issue.message)];
  }
}

/** Our own rules carry their Dutch and English text in the message: "nl | en". */
function eigenRegel(veld: string, regel: string, message: string): Fout {
  const [nl, en = nl] = message.split(' | ');
  return fout(veld, regel, nl!, en!);
}

/**
 * Parses `input` with `schema`, or throws a 422 problem naming every field that failed.
 * `veld` names the input itself (a header, say); a request body goes without.
 */
export function valideer<S extends z.ZodType>(schema: S, input: unknown, veld = ''): z.infer<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const fouten = result.error.issues.flatMap((issue) => naarFouten(issue, veld));
  throw new Probleem(
    'ongeldige-invoer',
    {
      nl:
        fouten.length === 1
          ? 'Eén veld voldoet niet aan de regels.'
          : `${fouten.length} velden voldoen niet aan de regels.`,
      en: fouten.length === 1 ? 'One field does not meet the rules.' : `${fouten.length} fields do not meet the rules.`,
    },
    fouten,
  );
}

/** Where in a body or query a NUL character (U+0000) stands, in a value or a key; PostgreSQL takes none. */
export function nulVeld(waarde: unknown, pad = ''): string | undefined {
  if (typeof waarde === 'string') return waarde.includes('\u0000') ? pad || '(verzoek)' : undefined;
  if (waarde === null || typeof waarde !== 'object') return undefined;
  for (const [sleutel, binnen] of Object.entries(waarde)) {
    const hier = Array.isArray(waarde) ? `${pad}[${sleutel}]` : pad ? `${pad}.${sleutel}` : sleutel;
    if (sleutel.includes('\u0000')) return hier;
    const gevonden = nulVeld(binnen, hier);
    if (gevonden) return gevonden;
  }
  return undefined;
}

/** The problem for a NUL character in `veld`: refused before anything stores or uses it. */
export function nulProbleem(veld: string): Probleem {
  const melding = {
    nl: `${veld} bevat een NUL-teken (U+0000); dat kan kring niet bewaren.`,
    en: `${veld} contains a NUL character (U+0000), which kring cannot store.`,
  };
  return new Probleem('ongeldige-invoer', melding, [{ veld, regel: 'nul-teken', melding }]);
}

/** Every JSON body and query string is checked for NUL characters. */
export const geenNulTekens: RequestHandler = (req, _res, next) => {
  const veld = nulVeld(req.body) ?? nulVeld(req.query, 'query');
  if (veld) throw nulProbleem(veld);
  next();
};

/** A body is JSON or it is refused (415), before anything reads it. */
export const vereisJson: RequestHandler = (req, _res, next) => {
  if (!req.is('application/json')) {
    throw new Probleem('mediatype', {
      nl: 'Stuur de inhoud als JSON (Content-Type: application/json).',
      en: 'Send the body as JSON (Content-Type: application/json).',
    });
  }
  next();
};
