// Form fields, and the way back from a posted form to the body a command takes. A field's
// name is the path of its value in that body ("acties[0].wat"), so an error the command's
// schema reports for a path lands next to the field of the same name.
import type { ComponentChildren } from 'preact';
import { amsterdamVerschuiving } from '../workflows/stilte';

export interface Keuze {
  waarde: string;
  label: string;
}

export type Veldsoort =
  | 'tekst'
  | 'lang'
  | 'email'
  | 'telefoon'
  | 'getal'
  | 'datum'
  | 'moment'
  | 'janee'
  | 'vinkje'
  | 'keuze'
  | 'meer'
  | 'verborgen';

export interface Veld {
  naam: string;
  label: string;
  soort: Veldsoort;
  verplicht?: boolean;
  uitleg?: string;
  keuzes?: Keuze[];
  /** What it holds before anyone typed (the current question, a hidden id). */
  waarde?: string;
}

/** What was filled in, and what was wrong with it, to show a form again. */
export interface Formulierstand {
  waarden: Record<string, string | string[]>;
  fouten: Record<string, string>;
  /** The key of the try that did not come through: the next try is the same command. */
  sleutel?: string;
}

/** The language kring writes to someone in: Dutch unless she prefers English. */
export const taalveld = (naam: string, label: string): Veld => ({
  naam,
  label,
  soort: 'keuze',
  verplicht: true,
  waarde: 'nl',
  keuzes: [
    { waarde: 'nl', label: 'Nederlands' },
    { waarde: 'en', label: 'Engels' },
  ],
});

const LEEG: Formulierstand = { waarden: {}, fouten: {} };

/**
 * What was posted, and each error by its field (a field's name is its error's path), in the
 * account's language.
 */
export function formulierstand(
  body: Record<string, unknown>,
  fouten: Array<{ veld: string; melding: { nl: string; en: string } }>,
  taal: 'nl' | 'en' = 'nl',
  veldVan: (pad: string) => string = (pad) => pad,
): Formulierstand {
  const waarden = Object.fromEntries(
    Object.entries(body ?? {}).filter(([k, v]) => !k.startsWith('_') && (typeof v === 'string' || Array.isArray(v))),
  ) as Formulierstand['waarden'];
  const perVeld: Record<string, string> = {};
  for (const f of fouten) {
    const melding = f.melding[taal];
    const tekst = melding.startsWith(`${f.veld} `) ? melding.slice(f.veld.length + 1) : melding;
    perVeld[veldVan(f.veld)] = tekst.charAt(0).toUpperCase() + tekst.slice(1);
  }
  return { waarden, fouten: perVeld };
}

const id = (naam: string) => `veld-${naam.replace(/[^\w-]/g, '-')}`;

/** One field with its label, its explanation and, when the last try was wrong, what to fix. */
export function Invoer({ veld, stand = LEEG }: { veld: Veld; stand?: Formulierstand }) {
  const fout = stand.fouten[veld.naam];
  const waarde = stand.waarden[veld.naam] ?? veld.waarde;
  const tekstwaarde = typeof waarde === 'string' ? waarde : undefined;
  const beschrijving = [veld.uitleg && `${id(veld.naam)}-uitleg`, fout && `${id(veld.naam)}-fout`]
    .filter(Boolean)
    .join(' ');
  const gemeen = {
    id: id(veld.naam),
    name: veld.naam,
    required: veld.verplicht,
    'aria-invalid': fout ? ('true' as const) : undefined,
    'aria-describedby': beschrijving || undefined,
  };
  const toelichting = (
    <>
      {veld.uitleg && (
        <div class="utrecht-form-field-description" id={`${id(veld.naam)}-uitleg`}>
          {veld.uitleg}
        </div>
      )}
      {fout && (
        <div class="utrecht-form-field-error-message" id={`${id(veld.naam)}-fout`}>
          {fout}
        </div>
      )}
    </>
  );
  const klasse = `utrecht-form-field${fout ? ' utrecht-form-field--invalid' : ''}`;

  if (veld.soort === 'verborgen') return <input type="hidden" name={veld.naam} value={tekstwaarde} />;

  if (veld.soort === 'janee' || veld.soort === 'meer') {
    const gekozen = Array.isArray(waarde) ? waarde : waarde ? [waarde] : [];
    const keuzes =
      veld.soort === 'janee'
        ? [
            { waarde: 'true', label: 'Ja' },
            { waarde: 'false', label: 'Nee' },
          ]
        : (veld.keuzes ?? []);
    return (
      <fieldset
        class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${fout ? ' utrecht-form-fieldset--invalid' : ''}`}
        aria-describedby={beschrijving || undefined}
      >
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {veld.label}
          {veld.verplicht ? '' : ' (niet verplicht)'}
        </legend>
        {toelichting}
        {keuzes.map((k, i) => (
          <div class={`utrecht-form-field utrecht-form-field--${veld.soort === 'janee' ? 'radio' : 'checkbox'}`}>
            <input
              type={veld.soort === 'janee' ? 'radio' : 'checkbox'}
              class={
                veld.soort === 'janee'
                  ? 'utrecht-radio-button utrecht-radio-button--html-input'
                  : 'utrecht-checkbox utrecht-checkbox--html-input'
              }
              id={`${id(veld.naam)}-${i}`}
              name={veld.naam}
              value={k.waarde}
              checked={gekozen.includes(k.waarde)}
            />
            <label class="utrecht-form-label kring-keuzelabel" for={`${id(veld.naam)}-${i}`}>
              {k.label}
            </label>
          </div>
        ))}
      </fieldset>
    );
  }

  if (veld.soort === 'vinkje') {
    return (
      <div class={`${klasse} utrecht-form-field--checkbox`}>
        <input
          type="checkbox"
          class="utrecht-checkbox utrecht-checkbox--html-input"
          {...gemeen}
          value="true"
          checked={waarde === 'true'}
        />
        <label class="utrecht-form-label kring-keuzelabel" for={id(veld.naam)}>
          {veld.label}
        </label>
        {toelichting}
      </div>
    );
  }

  const label = (
    <label class="utrecht-form-label" for={id(veld.naam)}>
      {veld.label}
      {veld.verplicht ? '' : ' (niet verplicht)'}
    </label>
  );
  let invoer: ComponentChildren;
  if (veld.soort === 'lang') {
    invoer = (
      <textarea class="utrecht-textarea utrecht-textarea--html-textarea" rows={4} {...gemeen}>
        {tekstwaarde}
      </textarea>
    );
  } else if (veld.soort === 'keuze') {
    invoer = (
      <select class="utrecht-select utrecht-select--html-select" {...gemeen}>
        {!veld.verplicht && <option value="">(geen)</option>}
        {veld.verplicht && !tekstwaarde && <option value="">Kies …</option>}
        {(veld.keuzes ?? []).map((k) => (
          <option value={k.waarde} selected={k.waarde === tekstwaarde}>
            {k.label}
          </option>
        ))}
      </select>
    );
  } else {
    const type = {
      tekst: 'text',
      email: 'email',
      telefoon: 'tel',
      getal: 'number',
      datum: 'date',
      moment: 'datetime-local',
    }[veld.soort];
    invoer = (
      <input
        class="utrecht-textbox utrecht-textbox--html-input"
        type={type}
        value={tekstwaarde}
        autocomplete={veld.soort === 'email' ? 'email' : veld.soort === 'telefoon' ? 'tel' : 'off'}
        {...gemeen}
      />
    );
  }
  return (
    <div class={klasse}>
      <div class="utrecht-form-field__label">{label}</div>
      {toelichting}
      <div class="utrecht-form-field__input">{invoer}</div>
    </div>
  );
}

/** "2026-12-10T14:30" as typed in Amsterdam → the moment, with its offset. */
export function amsterdamsMoment(lokaal: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(lokaal);
  if (!m) return undefined;
  const wandklok = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  // The offset of the moment itself; around the change of clocks, the later reading.
  const verschuiving = amsterdamVerschuiving(wandklok - amsterdamVerschuiving(wandklok));
  return new Date(wandklok - verschuiving).toISOString();
}

/** The moment as a datetime-local value in Amsterdam time. */
export function alsLokaalMoment(iso: string | Date): string {
  const t = new Date(iso).getTime();
  return new Date(t + amsterdamVerschuiving(t)).toISOString().slice(0, 16);
}

/**
 * The body a command takes, from a posted form, by its fields: empty means absent, yes/no
 * becomes a boolean, a number a number, a local moment an instant; array rows left wholly
 * empty (the spare rows of a list) are dropped.
 */
export function naarBody(velden: Veld[], form: Record<string, unknown>): Record<string, unknown> {
  return uitFormulier(velden, form).body;
}

/**
 * The body, and the way back from a path in it to the field it came from: with spare rows
 * dropped, row 2 of the body may be the form's row 3, and its error belongs there.
 */
export function uitFormulier(
  velden: Veld[],
  form: Record<string, unknown>,
): { body: Record<string, unknown>; veldVan: (pad: string) => string } {
  const ruw: Record<string, unknown> = {};
  for (const veld of velden) {
    const waarde = omzetten(veld, form[veld.naam]);
    if (waarde !== undefined) zetten(ruw, veld.naam, waarde);
  }
  const rijen = new Map<string, number[]>();
  const body = opgeruimd(ruw, '', rijen) as Record<string, unknown>;
  const veldVan = (pad: string) => {
    let terug = '';
    // Left to right: each row number is looked up under the original path before it.
    for (const deel of pad.split(/(\[\d+\])/)) {
      const rij = /^\[(\d+)\]$/.exec(deel);
      terug += rij ? `[${rijen.get(terug)?.[Number(rij[1])] ?? rij[1]}]` : deel;
    }
    return terug;
  };
  return { body, veldVan };
}

function omzetten(veld: Veld, ruw: unknown): unknown {
  if (veld.soort === 'meer') return (Array.isArray(ruw) ? ruw : ruw === undefined ? [] : [ruw]).map(String);
  if (veld.soort === 'vinkje') return ruw === 'true';
  if (typeof ruw !== 'string' || ruw.trim() === '') return undefined;
  switch (veld.soort) {
    case 'janee':
      return ruw === 'true' ? true : ruw === 'false' ? false : ruw;
    case 'getal':
      return Number.isFinite(Number(ruw)) ? Number(ruw) : ruw;
    case 'moment':
      return amsterdamsMoment(ruw) ?? ruw;
    default:
      return ruw;
  }
}

/** Sets `pad` ("a[0].b") in `doel`. */
function zetten(doel: Record<string, unknown>, pad: string, waarde: unknown) {
  const delen = pad.split(/\.|\[(\d+)\]/).filter((d) => d !== undefined && d !== '');
  let hier: Record<string, unknown> | unknown[] = doel;
  delen.forEach((deel, i) => {
    const laatste = i === delen.length - 1;
    const sleutel = /^\d+$/.test(deel) ? Number(deel) : deel;
    if (laatste) {
      (hier as Record<string | number, unknown>)[sleutel] = waarde;
      return;
    }
    const volgende = /^\d+$/.test(delen[i + 1]!) ? [] : {};
    const bestaand = (hier as Record<string | number, unknown>)[sleutel];
    hier = (bestaand ?? ((hier as Record<string | number, unknown>)[sleutel] = volgende)) as typeof hier;
  });
}

/** Arrays lose their holes and their wholly empty rows. */
function opgeruimd(waarde: unknown, pad: string, rijen: Map<string, number[]>): unknown {
  if (Array.isArray(waarde)) {
    const gehouden = waarde
      .map((w, i) => [i, w === undefined ? undefined : opgeruimd(w, `${pad}[${i}]`, rijen)] as const)
      .filter(
        ([, w]) => w !== undefined && !(w && typeof w === 'object' && !Array.isArray(w) && Object.keys(w).length === 0),
      );
    rijen.set(
      pad,
      gehouden.map(([i]) => i),
    );
    return gehouden.map(([, w]) => w);
  }
  if (waarde && typeof waarde === 'object') {
    return Object.fromEntries(
      Object.entries(waarde).map(([k, v]) => [k, opgeruimd(v, pad ? `${pad}.${k}` : k, rijen)]),
    );
  }
  return waarde;
}
