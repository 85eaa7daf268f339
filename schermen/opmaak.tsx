// The page shell and the few building blocks every screen uses, in the NL Design System look
// (the Utrecht component library with the NL Design System's example theme), rendered on the
// server by preact: text is escaped unless a template says otherwise, and no page needs
// JavaScript.
import crypto from 'node:crypto';
import type { ComponentChildren } from 'preact';
import { renderToStaticMarkup } from 'preact-render-to-string';
import type { Gebruikersrol } from '@prisma/client';
import type { Sessiegebruiker } from './sessies';

export const ROLNAAM: Record<Gebruikersrol, string> = {
  operations: 'Medewerker',
  regiomanager: 'Regiomanager',
  coordinator: 'Coördinator',
  professional: 'Professional',
  admin: 'Beheerder',
};

interface PaginaProps {
  titel: string;
  gebruiker?: Sessiegebruiker;
  children: ComponentChildren;
  /** For the family's pages: their language, Eigen Kracht's name, their own footer. */
  publiek?: { taal: 'nl' | 'en'; naarInhoud: string; voet: string };
}

/** A whole page, as the string the browser gets. */
export function pagina({ titel, gebruiker, children, publiek }: PaginaProps): string {
  const merk = publiek ? 'Eigen Kracht' : 'kring';
  return (
    '<!doctype html>' +
    renderToStaticMarkup(
      <html lang={publiek?.taal ?? 'nl'} class="voorbeeld-theme">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          {publiek && <meta name="robots" content="noindex" />}
          <title>{`${titel} · ${merk}`}</title>
          <link rel="stylesheet" href="/stijl/thema.css" />
          <link rel="stylesheet" href="/stijl/componenten.css" />
          <link rel="stylesheet" href="/stijl/kring.css" />
        </head>
        <body class="utrecht-page-body utrecht-root">
          <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
            {publiek?.naarInhoud ?? 'Naar de inhoud'}
          </a>
          <header class="utrecht-page-header">
            <div class="utrecht-page-header__content kring-kop">
              {publiek ? (
                <span class="kring-merk">{merk}</span>
              ) : (
                <a class="utrecht-link kring-merk" href="/">
                  {merk}
                </a>
              )}
              {gebruiker && (
                <nav aria-label="Account" class="kring-account">
                  <span>
                    {gebruiker.weergavenaam} · {ROLNAAM[gebruiker.rol]}
                  </span>
                  <Formulier actie="/afmelden" sessie={gebruiker}>
                    <Knop soort="subtle">Afmelden</Knop>
                  </Formulier>
                </nav>
              )}
            </div>
          </header>
          <main id="inhoud" class="utrecht-page-content kring-inhoud">
            <h1 class="utrecht-heading-1">{titel}</h1>
            {children}
          </main>
          <footer class="utrecht-page-footer">
            <div class="utrecht-page-footer__content kring-voet">
              <p class="utrecht-paragraph">
                {publiek?.voet ??
                  'Eigen Kracht-conferenties · gegevens van kinderen en kwetsbare volwassenen: elke inzage wordt vastgelegd.'}
              </p>
            </div>
          </footer>
        </body>
      </html>,
    )
  );
}

/** A form that posts back to kring, with the session's form token (CSRF). */
export function Formulier(props: {
  /** Where it posts; absent: back to the page's own address (a link page). */
  actie?: string;
  sessie?: Sessiegebruiker;
  /** A form that gives a command without a session (a link page): it is one command too. */
  commando?: boolean;
  children: ComponentChildren;
  label?: string;
  /** Kept from a try that may have come through (a time-out): trying again is the same command. */
  sleutel?: string;
}) {
  return (
    // novalidate: kring checks and explains in words next to the field, the same for every browser.
    <form method="post" action={props.actie} class="kring-formulier" aria-label={props.label} novalidate>
      {props.sessie && <input type="hidden" name="_formulier" value={props.sessie.formulierSleutel} />}
      {/* Posted twice (a double tap, a reload), a form is one command. */}
      {(props.sessie || props.commando) && (
        <input type="hidden" name="_sleutel" value={props.sleutel ?? crypto.randomUUID()} />
      )}
      {props.children}
    </form>
  );
}

export function Knop(props: {
  soort?: 'primary' | 'secondary' | 'subtle';
  children: ComponentChildren;
  naam?: string;
  waarde?: string;
}) {
  const soort = props.soort ?? 'primary';
  return (
    <button
      type="submit"
      name={props.naam}
      value={props.waarde}
      class={`utrecht-button utrecht-button--${soort === 'subtle' ? 'subtle' : `${soort}-action`}`}
    >
      {props.children}
    </button>
  );
}

export function Melding(props: { soort: 'info' | 'ok' | 'warning' | 'error'; children: ComponentChildren }) {
  return (
    <div class={`utrecht-alert utrecht-alert--${props.soort}`} role={props.soort === 'error' ? 'alert' : 'status'}>
      <div class="utrecht-alert__content">
        <div class="utrecht-alert__message">{props.children}</div>
      </div>
    </div>
  );
}

export const Kop2 = (props: { children: ComponentChildren; id?: string }) => (
  <h2 class="utrecht-heading-2" id={props.id}>
    {props.children}
  </h2>
);

export const Alinea = (props: { children: ComponentChildren }) => <p class="utrecht-paragraph">{props.children}</p>;

export const Link = (props: { href: string; children: ComponentChildren }) => (
  <a class="utrecht-link" href={props.href}>
    {props.children}
  </a>
);

/** Label/value pairs: the facts of a case. */
export function Gegevens(props: { rijen: Array<[string, ComponentChildren]> }) {
  return (
    <dl class="utrecht-data-list utrecht-data-list--rows">
      {props.rijen.map(([sleutel, waarde]) => (
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">{sleutel}</dt>
          <dd class="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{waarde}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Tabel(props: { bijschrift: string; koppen: string[]; rijen: ComponentChildren[][] }) {
  return (
    // Scrolls sideways when wide: a keyboard must reach it too.
    <div class="kring-tabel" role="region" aria-label={props.bijschrift} tabindex={0}>
      <table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption kring-verborgen">{props.bijschrift}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {props.koppen.map((k) => (
              <th class="utrecht-table__header-cell" scope="col">
                {k}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {props.rijen.map((rij) => (
            <tr class="utrecht-table__row">
              {rij.map((cel, i) => (
                <td class="utrecht-table__cell" data-label={props.koppen[i]}>
                  {cel}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A date and time as people in the Netherlands read them. */
export function tijdstip(iso: string | Date | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso));
}

export function datum(iso: string | Date | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
}
