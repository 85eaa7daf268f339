// Everything kring holds about one person, as a Dutch page to read and to print (or save as
// PDF with the browser's print function): the same export as the JSON, section by section.
import type { ComponentChildren } from 'preact';
import type { Persoonsgegevens } from '../api/persoonsrechten';
import { Alinea, Gegevens, Kop2, Link, pagina, Tabel, tijdstip } from './opmaak';
import type { Sessiegebruiker } from './sessies';
import { BEZOEK, FASENAAM, UITNODIGING } from './woorden';

const ROL: Record<string, string> = {
  aanvrager: 'Aanvrager',
  hoofdpersoon: 'Hoofdpersoon',
  netwerk: 'Netwerk',
  professional: 'Professional',
  coordinator: 'Coördinator',
  regiomanager: 'Regiomanager',
};

const BERICHTSTATUS: Record<string, string> = {
  wachtrij: 'Wacht op verzending',
  versturen: 'Wordt verstuurd',
  verstuurd: 'Verstuurd',
  afgeleverd: 'Afgeleverd',
  niet_afgeleverd: 'Niet afgeleverd',
  mislukt: 'Mislukt',
  onzeker: 'Onzeker of verstuurd',
  vervallen: 'Niet meer verstuurd (te laat)',
};

const KANAAL: Record<string, string> = { email: 'E-mail', sms: 'Sms', beide: 'E-mail en sms' };

/** What a case outside reach holds of the person, counted, in words (singular, plural). */
const SOORTEN: Record<string, [string, string]> = {
  deelnames: ['deelname', 'deelnames'],
  berichten: ['bericht', 'berichten'],
  teksten: ['tekst', 'teksten'],
  voorwaarden: ['voorwaardenformulier', 'voorwaardenformulieren'],
  toetsingen: ['toetsing', 'toetsingen'],
  hulpvragen: ['hulpvraag', 'hulpvragen'],
  beschikbaarheden: ['beschikbaarheid', 'beschikbaarheden'],
  tevredenheden: ['tevredenheidsantwoord', 'tevredenheidsantwoorden'],
  links: ['link', 'links'],
  afspraken: ['bijeenkomst', 'bijeenkomsten'],
  handelingen: ['processtap', 'processtappen'],
  aangeboden: ['aanbod om te coördineren', 'aanbiedingen om te coördineren'],
  vastgelegd: ['vastlegging in het auditspoor', 'vastleggingen in het auditspoor'],
};
const geteld = (aantallen: Record<string, number>) =>
  Object.entries(aantallen)
    .filter(([, n]) => n > 0)
    .map(([soort, n]) => `${n} ${SOORTEN[soort]?.[n === 1 ? 0 : 1] ?? soort}`)
    .join(', ') || '—';

const ref = (zaakId: string | null) => (zaakId ? zaakId.slice(0, 8).toUpperCase() : '—');
const jaNee = (b: boolean) => (b ? 'Ja' : 'Nee');
const of = (s: string | null | undefined) => (s === null || s === undefined || s === '' ? '—' : s);

/** A section: its heading, and its rows or "Geen." (every part is shown, so that nothing seems left out). */
function Deel(props: { id: string; titel: string; aantal: number; children: ComponentChildren }) {
  return (
    <section aria-labelledby={props.id}>
      <Kop2 id={props.id}>{props.titel}</Kop2>
      {props.aantal === 0 ? <Alinea>Geen.</Alinea> : props.children}
    </section>
  );
}

/** A longer text, with its line breaks. */
const Tekstblok = (props: { children: string }) => <div class="utrecht-paragraph kring-tekst">{props.children}</div>;

export function gegevenspagina(
  d: Persoonsgegevens,
  opties: { gebruiker?: Sessiegebruiker; terug?: string; json?: string } = {},
): string {
  const p = d.persoon;
  return pagina({
    titel: `Gegevens van ${p.naam}`,
    gebruiker: opties.gebruiker,
    children: (
      <>
        {(opties.terug || opties.json) && (
          <nav aria-label="Kruimelpad" class="kring-geen-afdruk">
            {opties.terug && <Link href={opties.terug}>← Terug naar de persoon</Link>}
            {opties.json && (
              <>
                {' · '}
                <a class="utrecht-link" href={opties.json} download>
                  Download als JSON
                </a>
              </>
            )}
          </nav>
        )}
        <Alinea>{d.toelichting}</Alinea>
        <Alinea>
          Opgesteld op {tijdstip(d.gemaaktOp)}. Zaken staan er met hun kenmerk: de eerste acht tekens van hun nummer,
          zoals in de berichten.
        </Alinea>
        <Alinea>
          <span class="kring-geen-afdruk">
            Afdrukken of als PDF bewaren kan met de afdrukfunctie van de browser (Ctrl+P of ⌘P).
          </span>
        </Alinea>

        <section aria-labelledby="persoon">
          <Kop2 id="persoon">De persoon</Kop2>
          <Gegevens
            rijen={[
              ['Naam', p.naam],
              ['E-mailadres', of(p.email)],
              ['Telefoonnummer', of(p.telefoon)],
              ['Taal van de berichten', p.taal === 'en' ? 'Engels' : 'Nederlands'],
              ['Berichten bij voorkeur via', p.kanaal ? KANAAL[p.kanaal]! : 'E-mail als er een adres is, anders sms'],
              ['Organisatie', of(p.organisatie)],
              ['Bij kring bekend sinds', tijdstip(p.aangemaaktOp)],
              ...(p.gewistOp ? ([['Gewist op', tijdstip(p.gewistOp)]] as Array<[string, string]>) : []),
            ]}
          />
        </section>

        <Deel id="zaken" titel="Zaken van uw regio waarin deze persoon meedoet" aantal={d.deelnames.length}>
          <Tabel
            bijschrift="Zaken van uw regio waarin deze persoon meedoet"
            koppen={['Zaak', 'Regio', 'Fase', 'Rol', 'Relatie', 'Uitnodiging', 'Bezoek', 'Sinds']}
            rijen={d.deelnames.map((z) => [
              ref(z.zaakId),
              z.regio,
              `${FASENAAM[z.fase]}${z.bewaarplichtSinds ? ' (bewaarplicht)' : ''}`,
              `${ROL[z.rol] ?? z.rol}${z.wettelijkeRol ? ` (${z.wettelijkeRol.replace(/_/g, ' ')})` : ''}${z.aangewezen ? ', aangewezen om de kring bijeen te roepen' : ''}`,
              of(z.relatie),
              UITNODIGING[z.uitnodiging],
              BEZOEK[z.bezoek],
              tijdstip(z.sinds),
            ])}
          />
        </Deel>

        <Deel id="buiten" titel="Zaken buiten uw regio" aantal={d.zakenBuitenBereik.aantal}>
          <Alinea>{d.zakenBuitenBereik.toelichting}</Alinea>
          <Tabel
            bijschrift="Zaken buiten uw regio: alleen het kenmerk, de datums en hoeveel er over deze persoon in staat"
            koppen={['Zaak', 'Aangevraagd', 'Afgesloten', 'Over deze persoon']}
            rijen={d.zakenBuitenBereik.zaken.map((z) => [
              z.ref,
              tijdstip(z.aangevraagdOp),
              tijdstip(z.afgeslotenOp),
              geteld(z.aantallen),
            ])}
          />
        </Deel>

        <Deel id="berichten" titel="Berichten die kring stuurde" aantal={d.berichten.length}>
          {d.berichten.map((b, i) => (
            <article class="kring-blok" aria-labelledby={`bericht-${i}`}>
              <h3 class="utrecht-heading-3" id={`bericht-${i}`}>
                {of(b.onderwerp)}
              </h3>
              <Gegevens
                rijen={[
                  ['Zaak', ref(b.zaakId)],
                  ['Via', `${KANAAL[b.kanaal] ?? b.kanaal} aan ${of(b.adres)}`],
                  ['Gemaakt', tijdstip(b.aangemaaktOp)],
                  ['Verstuurd', tijdstip(b.verstuurdOp)],
                  ['Stand', `${BERICHTSTATUS[b.status] ?? b.status}${b.fout ? `: ${b.fout}` : ''}`],
                  ...(b.metAgenda ? ([['Bijlage', 'Agenda-uitnodiging']] as Array<[string, string]>) : []),
                ]}
              />
              <Tekstblok>{b.inhoud || '(de tekst is gewist)'}</Tekstblok>
            </article>
          ))}
        </Deel>

        <Deel id="teksten" titel="Wat deze persoon schreef of liet weten" aantal={d.teksten.length}>
          {d.teksten.map((t) => (
            <div class="kring-blok">
              <Alinea>
                <strong>
                  Zaak {ref(t.zaakId)}, {t.soort}, {tijdstip(t.aangemaaktOp)}
                </strong>
              </Alinea>
              <Tekstblok>{t.inhoud || '(de tekst is gewist)'}</Tekstblok>
            </div>
          ))}
        </Deel>

        <Deel id="voorwaarden" titel="Zorgen en voorwaarden (als professional)" aantal={d.voorwaarden.length}>
          {d.voorwaarden.map((f) => (
            <div class="kring-blok">
              <Alinea>
                <strong>
                  Zaak {ref(f.zaakId)}, versie {f.versie} ({f.status}), {tijdstip(f.aangemaaktOp)}
                </strong>
              </Alinea>
              <Tekstblok>{f.zorgen || '—'}</Tekstblok>
              <ol class="utrecht-ordered-list">
                {f.voorwaarden.map((v) => (
                  <li class="utrecht-ordered-list__item">{v.tekst || '—'}</li>
                ))}
              </ol>
            </div>
          ))}
        </Deel>

        <Deel id="toetsingen" titel="Toetsingen van het plan (als professional)" aantal={d.toetsingen.length}>
          <Tabel
            bijschrift="Toetsingen van het plan"
            koppen={['Zaak', 'Ronde', 'Voorwaarde', 'Voldaan', 'Waarom']}
            rijen={d.toetsingen.flatMap((t) =>
              t.oordelen.map((o) => [
                ref(t.zaakId),
                String(t.ronde ?? '—'),
                String(o.nummer),
                jaNee(o.voldaan),
                of(o.reden),
              ]),
            )}
          />
        </Deel>

        <Deel id="hulpvragen" titel="Wat de familie van deze persoon vroeg (hulpvraag)" aantal={d.hulpvragen.length}>
          <Tabel
            bijschrift="Hulpvragen"
            koppen={['Zaak', 'Plan', 'Hulpvraag']}
            rijen={d.hulpvragen.map((h) => [ref(h.zaakId), `versie ${h.planversie ?? '—'}`, of(h.tekst)])}
          />
        </Deel>

        <Deel id="beschikbaarheid" titel="Beschikbaarheid voor voorgestelde datums" aantal={d.beschikbaarheden.length}>
          <Tabel
            bijschrift="Beschikbaarheid"
            koppen={['Zaak', 'Datum', 'Beschikbaar']}
            rijen={d.beschikbaarheden.map((b) => [ref(b.zaakId), tijdstip(b.datum), jaNee(b.beschikbaar)])}
          />
        </Deel>

        <Deel id="tevredenheid" titel="Hoe deze persoon de conferentie vond" aantal={d.tevredenheden.length}>
          <Tabel
            bijschrift="Tevredenheid"
            koppen={['Zaak', 'Groep', 'Cijfer (1 tot 5)', 'Opmerking', 'Gegeven op']}
            rijen={d.tevredenheden.map((t) => [
              ref(t.zaakId),
              t.groep,
              String(t.score),
              of(t.opmerking),
              tijdstip(t.gegevenOp),
            ])}
          />
        </Deel>

        <Deel id="links" titel="Links die kring voor deze persoon maakte" aantal={d.links.length}>
          <Tabel
            bijschrift="Links"
            koppen={['Zaak', 'Waarvoor', 'Gemaakt', 'Verloopt', 'Gebruikt', 'Ingetrokken']}
            rijen={d.links.map((l) => [
              ref(l.zaakId),
              l.doel,
              tijdstip(l.aangemaaktOp),
              tijdstip(l.verlooptOp),
              tijdstip(l.gebruiktOp),
              tijdstip(l.ingetrokkenOp),
            ])}
          />
        </Deel>

        <Deel id="afspraken" titel="Bijeenkomsten waar deze persoon bij was" aantal={d.afspraken.length}>
          <Tabel
            bijschrift="Bijeenkomsten"
            koppen={['Zaak', 'Soort', 'Wanneer', 'Gehouden']}
            rijen={d.afspraken.map((a) => [ref(a.zaakId), a.soort, tijdstip(a.op), jaNee(a.gehouden)])}
          />
        </Deel>

        <Deel id="handelingen" titel="Stappen in het proces die deze persoon zette" aantal={d.handelingen.length}>
          <Tabel
            bijschrift="Stappen in het proces"
            koppen={['Zaak', 'Stap', 'Wanneer']}
            rijen={d.handelingen.map((h) => [ref(h.zaakId), h.soort, tijdstip(h.op)])}
          />
        </Deel>

        <Deel id="sms" titel="Afgemeld voor sms" aantal={d.smsAfmelding ? 1 : 0}>
          <Alinea>
            Nummer {d.smsAfmelding?.nummer} stuurde STOP op {tijdstip(d.smsAfmelding?.afgemeldOp)}: kring stuurt er geen
            sms meer naartoe.
          </Alinea>
        </Deel>

        <Deel id="accounts" titel="Accounts bij kring" aantal={d.accounts.length}>
          <Tabel
            bijschrift="Accounts"
            koppen={['Account', 'Rol', 'Sinds', 'Geblokkeerd', 'Sleutels', 'Aanmeldingen']}
            rijen={d.accounts.map((a) => [
              a.naam,
              ROL[a.rol] ?? a.rol,
              tijdstip(a.aangemaaktOp),
              tijdstip(a.geblokkeerdOp),
              String(a.tokens.length),
              String(a.sessies.length),
            ])}
          />
        </Deel>

        <Deel id="coordinator" titel="Profiel als coördinator" aantal={d.coordinator ? 1 : 0}>
          {d.coordinator && (
            <Gegevens
              rijen={[
                ["Regio's", d.coordinator.regios.join(', ') || '—'],
                ['Talen', d.coordinator.talen.join(', ') || '—'],
                ['Geslacht', of(d.coordinator.geslacht)],
                ['Achtergronden', d.coordinator.achtergronden.join(', ') || '—'],
                ['Beschikbaar', jaNee(d.coordinator.beschikbaar)],
                [
                  'Afwezig',
                  d.coordinator.afwezigVan
                    ? `${tijdstip(d.coordinator.afwezigVan)} tot ${tijdstip(d.coordinator.afwezigTot)}`
                    : '—',
                ],
                ['Hoogstens zoveel zaken', String(d.coordinator.maxZaken)],
                ['Mensen die zij privé kent', String(d.coordinator.privéBekenden)],
              ]}
            />
          )}
        </Deel>

        <Deel id="regiomanager" titel="Regiomanager van" aantal={d.regiomanagerVan.length}>
          <Alinea>{d.regiomanagerVan.join(', ')}</Alinea>
        </Deel>

        <Deel id="prive" titel="Coördinatoren die deze persoon privé kennen" aantal={d.privéBekendBij.length}>
          <Alinea>{d.privéBekendBij.join(', ')}: zij krijgen geen zaak waarin deze persoon meedoet.</Alinea>
        </Deel>

        <Deel id="aangeboden" titel="Zaken aangeboden om te coördineren" aantal={d.aangebodenZaken.length}>
          <Alinea>{d.aangebodenZaken.map(ref).join(', ')}</Alinea>
        </Deel>

        <Deel id="inzagen" titel="Wie de zaken van deze persoon inzag" aantal={d.inzagen.length}>
          <Tabel
            bijschrift="Wie de zaken inzag"
            koppen={['Wanneer', 'Zaak', 'Wat', 'Wie', 'Hoe']}
            rijen={d.inzagen.map((l) => [tijdstip(l.op), ref(l.zaakId), l.wat, l.door, of(l.via)])}
          />
        </Deel>

        <Deel id="over" titel="Wat kring over deze persoon vastlegde" aantal={d.vastgelegdOverPersoon.length}>
          <Tabel
            bijschrift="Vastgelegd over deze persoon"
            koppen={['Wanneer', 'Zaak', 'Wat', 'Wie']}
            rijen={d.vastgelegdOverPersoon.map((e) => [tijdstip(e.op), ref(e.zaakId), e.wat, e.door])}
          />
        </Deel>

        <Deel id="eigen" titel="Wat de accounts van deze persoon deden" aantal={d.eigenHandelingen.length}>
          <Tabel
            bijschrift="Wat de accounts deden"
            koppen={['Wat', 'Hoe vaak', 'Eerste keer', 'Laatste keer']}
            rijen={d.eigenHandelingen.map((h) => [h.wat, String(h.aantal), tijdstip(h.eerste), tijdstip(h.laatste)])}
          />
        </Deel>
      </>
    ),
  });
}
