// How a command is taken: the update's validator refuses what does not fit (so the refusal
// never enters history), then the handler checks again in its turn, carries the command out
// and answers where the case stands. The rules themselves live with their phase.
import type { UpdateDefinition } from '@temporalio/common';
import * as wf from '@temporalio/workflow';
import { afwijzing, isAfwijzing } from './afwijzing';
import {
  OPDRACHTEN,
  opdrachten,
  reden,
  ROLLEN_PER_OPDRACHT,
  type Door,
  type Fase,
  type OpdrachtArg,
  type Opdrachtnaam,
  type Opdrachtresultaat,
  type Reden,
} from './contract';
import type { Registratie } from './registratie';
import { deelnemer, huidigeTermijn, regiomanagersVan, type ZaakToestand } from './toestand';

export interface Regel<K extends Opdrachtnaam> {
  /** The phases in which the command fits. */
  fasen: readonly Fase[];
  /** Whether the caller holds the role in this case; by default, as `houdtRol` says. */
  wie?: (door: Door) => boolean;
  /** What else must hold; a reason when it does not. */
  controle?: (a: OpdrachtArg<K>) => Reden | undefined;
  /** Records the change (and tells whom it concerns); a change shows in the state once recorded. */
  uitvoeren: (a: OpdrachtArg<K>) => Promise<void>;
}

export type Regels<K extends Opdrachtnaam = Opdrachtnaam> = { [N in K]: Regel<N> };

/** Registers a handler for every command; the type insists that every command has its rule. */
export function koppelOpdrachten(z: ZaakToestand, reg: Registratie, regels: Regels): void {
  for (const naam of Object.keys(regels) as Opdrachtnaam[]) koppel(z, reg, naam, regels[naam] as Regel<typeof naam>);
}

function koppel<K extends Opdrachtnaam>(z: ZaakToestand, reg: Registratie, naam: K, regel: Regel<K>): void {
  // The argument is checked against its schema before anything reads it.
  const toets = (a: unknown) => toetsing(z, naam, regel, a as OpdrachtArg<K>);
  wf.setHandler(
    opdrachten[naam] as UpdateDefinition<Opdrachtresultaat, [unknown], string>,
    (a) =>
      reg.opdracht(async (): Promise<Opdrachtresultaat> => {
        // Checked again in turn: a command queued behind another may no longer fit.
        const r = toets(a);
        if (r) throw afwijzing(r);
        try {
          await regel.uitvoeren(a as OpdrachtArg<K>);
        } catch (err) {
          // Content a command referred to was not there: refused like any other.
          throw err instanceof wf.ActivityFailure && isAfwijzing(err.cause) ? err.cause : err;
        }
        return { fase: z.fase, termijn: huidigeTermijn(z) };
      }),
    {
      // While the request is still being taken in, who holds which role is not known yet: the
      // command waits its turn behind the intake and is checked fully then.
      validator: (a) => {
        const r = vorm(naam, a) ?? (z.fase === 'aanvraag' ? undefined : toets(a));
        if (r) throw afwijzing(r);
      },
    },
  );
}

/**
 * The argument as its schema says. Every id must be a uuid: a malformed one would otherwise
 * reach the database and be retried there for ever, holding up every command behind it.
 */
function vorm(naam: Opdrachtnaam, a: unknown): Reden | undefined {
  const uitkomst = OPDRACHTEN[naam].safeParse(a);
  if (uitkomst.success) return undefined;
  const [issue] = uitkomst.error.issues;
  const veld = issue?.path.join('.') || '(opdracht)';
  return issue?.code === 'invalid_format' && issue.format === 'uuid'
    ? reden('ongeldige-id', { veld })
    : reden('ongeldige-opdracht', { veld });
}

function toetsing<K extends Opdrachtnaam>(
  z: ZaakToestand,
  naam: K,
  regel: Regel<K>,
  a: OpdrachtArg<K>,
): Reden | undefined {
  if (z.fase === 'afgesloten') return reden('zaak-afgesloten');
  const rollen = ROLLEN_PER_OPDRACHT[naam];
  if (!rollen.includes(a.door.rol)) return reden('verkeerde-rol', { rollen });
  if (!(regel.wie ?? ((door: Door) => houdtRol(z, door)))(a.door)) {
    if (a.door.rol === 'regiomanager' && regiomanagersVan(z).length === 0) return reden('geen-regiomanager');
    return reden('niet-uw-zaak', { rol: a.door.rol });
  }
  if (!regel.fasen.includes(z.fase)) return reden('verkeerde-fase', { fasen: regel.fasen, fase: z.fase });
  return regel.controle?.(a);
}

/** Whether the caller holds, in this case, the role they act in. */
function houdtRol(z: ZaakToestand, door: Door): boolean {
  switch (door.rol) {
    case 'regiomanager':
      return regiomanagersVan(z).includes(door.persoonId);
    case 'coordinator':
      return z.intake.coordinatorId === door.persoonId;
    case 'professional':
      return deelnemer(z, door.persoonId, 'professional') !== undefined;
    case 'hoofdpersoon':
      return deelnemer(z, door.persoonId, 'hoofdpersoon') !== undefined;
    case 'aangewezen':
      return deelnemer(z, door.persoonId)?.aangewezen === true;
    case 'deelnemer': {
      const d = deelnemer(z, door.persoonId);
      return d !== undefined && d.rol !== 'aanvrager';
    }
  }
}
