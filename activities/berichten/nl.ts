// Nederlands: de eerste taal van alles wat een deelnemer leest.
import type { Conferentie, Links, Planinhoud, Sjablonen } from './soorten';

/** Paragraphs of an email; what is absent leaves no gap. */
const alinea = (...delen: Array<string | false | undefined>) => delen.filter(Boolean).join('\n\n');
const wanneer = (c: Conferentie) => `${c.datum}${c.plaats ? `, ${c.plaats}` : ''}`;
const vragen = (c: { naam: string; bereik: string }) =>
  `Vragen? Neem contact op met coördinator ${c.naam}: ${c.bereik}`;

/** Each link with what it does, for email. */
function linkregels(links: Links): string | undefined {
  const regels = [
    links.aanwezigheid && `Laat weten of u komt: ${links.aanwezigheid}`,
    links.voorwaarden && `Lees de voorwaarden: ${links.voorwaarden}`,
    links.plan && `Lees het plan: ${links.plan}`,
    links.signaal && `Laat weten dat u het oppakt: ${links.signaal}`,
    links['niet-goed'] && `Gaat het niet goed met het plan? Meld het hier, zo vaak als nodig: ${links['niet-goed']}`,
    links.tevredenheid && `Hoe vond u de conferentie? Laat het ons weten: ${links.tevredenheid}`,
  ].filter(Boolean);
  return regels.length ? regels.join('\n') : undefined;
}

function planTekst(plan: Planinhoud): string {
  const acties = plan.acties.map(
    (a, i) => `${i + 1}. ${a.wat} (wie: ${a.wie}${a.uiterlijk ? `, uiterlijk ${a.uiterlijk}` : ''})`,
  );
  const hulp = plan.hulpvragen.map((h) => `- ${h.aan}: ${h.tekst}`);
  if (plan.alleenEigenDeel) return alinea('Wat de familie van u vraagt:', hulp.join('\n') || '(niets)');
  return alinea(
    'Afspraken:',
    acties.join('\n'),
    hulp.length > 0 && 'Wat de familie van de hulpverlening vraagt:',
    hulp.join('\n'),
  );
}

const welke = (keer: number) => (keer === 1 ? 'eerste' : keer === 2 ? 'tweede' : `${keer}e`);

export const nl: Sjablonen = {
  locale: 'nl-NL',
  naam: {
    'aanvraag.ontvangen': 'nieuwe aanvraag',
    'aanvraag.zonder-regiomanager': 'aanvraag zonder regiomanager',
    'coordinator.aanbod': 'aanbod van een zaak',
    'coordinator.aanvaard': 'zaak aangenomen',
    'coordinator.geen-kandidaten': 'geen coördinator beschikbaar',
    'escalatie.contact': 'eerste contact te laat',
    'datum.herinnering': 'nog geen datum',
    'escalatie.datum': 'voorbereiding te lang',
    uitnodiging: 'uitnodiging',
    'voorwaarden.gedeeld': 'voorwaarden',
    'datum.bevestigd': 'datum van de conferentie',
    'conferentie.herinnering': 'herinnering aan de conferentie',
    'vervolg.herinnering': 'vervolgcontrole',
    'vervolg.gepland': 'aankondiging vervolgcontrole',
    'voortgangsgesprek.herinnering': 'herinnering voortgangsgesprek',
    'evaluatie.herinnering': 'evaluatie',
    'niet-goed': '"het gaat niet goed"',
    'signaal.gemeld': 'melding "het gaat niet goed"',
    'datum.voorgesteld': 'voorgestelde datum',
    'plan.herzien': 'herzien plan om te toetsen',
    'herziening.afgewezen': 'herzien plan voldoet niet',
    'herziening.geen-toetsing': 'herzien plan niet getoetst',
    'signaal.geen-reactie': 'geen reactie op "het gaat niet goed"',
    'zaak.afgesloten': 'zaak afgesloten',
    'bericht.mislukt': 'bericht niet bezorgd',
    'voorwaarden.gedeeld.coordinator': 'voorwaarden gedeeld',
    'datum.bevestigd.coordinator': 'datum van de conferentie',
    'conferentie.herinnering.coordinator': 'herinnering aan de conferentie',
    'conferentie.vervallen': 'conferentie gaat niet door',
    'conferentie.vervallen.coordinator': 'conferentie vervalt in de agenda',
    'aanwezigheid.doorgegeven': 'antwoord op de uitnodiging',
    'plan.aanvaard': 'het plan',
    'voortgangsgesprek.herinnering.coordinator': 'herinnering voortgangsgesprek',
    'signaal.opgepakt': '"het gaat niet goed" opgepakt',
    'kring.bijeen': 'de kring is bijeen geweest',
  },
  agenda: { conferentie: 'Eigen Kracht-conferentie', voortgangsgesprek: 'Voortgangsgesprek Eigen Kracht-plan' },
  afsluiting: { afgerond: 'afgerond', ingetrokken: 'ingetrokken', geannuleerd: 'geannuleerd' },
  kanaal: { email: 'e-mail', sms: 'sms', geen: 'e-mail of sms (geen adres of nummer bekend)' },

  'aanvraag.ontvangen': ({ regio, nood, zaakRef, link }) => ({
    onderwerp: `Nieuwe aanvraag${nood ? ' (spoed)' : ''}, regio ${regio}`,
    email:
      `Er is een nieuwe aanvraag voor een Eigen Kracht-conferentie in regio ${regio}${nood ? ', op het spoedpad' : ''}.\n` +
      `Kies een coördinator die past bij de wensen van de hoofdpersoon; die neemt ${nood ? 'binnen 24 uur' : 'binnen drie dagen'} contact op met het gezin.\n\n` +
      `Zaak ${zaakRef}: ${link}`,
    sms: `Eigen Kracht: nieuwe aanvraag${nood ? ' (spoed)' : ''} in regio ${regio}, zaak ${zaakRef}. ${link}`,
  }),
  'aanvraag.zonder-regiomanager': ({ regio, zaakRef, link }) => ({
    onderwerp: `Aanvraag zonder regiomanager, regio ${regio}`,
    email:
      `Er is een aanvraag binnengekomen voor regio ${regio}, maar die regio heeft geen regiomanager. ` +
      `Niemand pakt de aanvraag op tot er een is: wijs een regiomanager toe.\n\nZaak ${zaakRef}: ${link}`,
    sms: `Eigen Kracht: aanvraag in ${regio} zonder regiomanager, zaak ${zaakRef}. ${link}`,
  }),
  'coordinator.aanbod': ({ regio, nood, zaakRef, link }) => ({
    onderwerp: `Wilt u een conferentie coördineren? (regio ${regio})`,
    email:
      `Eigen Kracht vraagt of u een nieuwe conferentie wilt coördineren, in regio ${regio}${nood ? ' (spoed: contact binnen 24 uur)' : ''}.\n` +
      `Laat weten of u de opdracht aanneemt.\n\nZaak ${zaakRef}: ${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef}${nood ? ' (spoed)' : ''} in ${regio}, wilt u coördineren? ${link}`,
  }),
  'coordinator.aanvaard': ({ coordinator, zaakRef, link }) => ({
    onderwerp: `Zaak ${zaakRef} aangenomen`,
    email: `${coordinator} heeft zaak ${zaakRef} aangenomen en neemt contact op met het gezin.\n\n${link}`,
    sms: `Eigen Kracht: ${coordinator} heeft zaak ${zaakRef} aangenomen.`,
  }),
  'coordinator.geen-kandidaten': ({ zaakRef, link }) => ({
    onderwerp: `Zaak ${zaakRef}: geen coördinator beschikbaar`,
    email:
      `Voor zaak ${zaakRef} is geen passende coördinator meer over: wie paste, heeft afgezegd of is niet beschikbaar.\n` +
      `Kies zelf een coördinator.\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef} heeft geen coördinator meer over. Kies zelf iemand. ${link}`,
  }),
  'escalatie.contact': ({ zaakRef, keer, link }) => ({
    onderwerp: `Zaak ${zaakRef}: nog geen contact met het gezin`,
    email:
      `Het eerste contact met het gezin van zaak ${zaakRef} is nog niet vastgelegd, en de termijn is verstreken. ` +
      `Dit is de ${welke(keer)} melding.\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef}, nog geen contact met het gezin (${welke(keer)} melding). ${link}`,
  }),
  'datum.herinnering': ({ zaakRef, link }) => ({
    onderwerp: `Zaak ${zaakRef}: nog geen datum voor de conferentie`,
    email: `Voor zaak ${zaakRef} staat nog geen datum vast. Het gezin bepaalt het tempo; kijk samen of er iets nodig is.\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef} heeft nog geen datum voor de conferentie. ${link}`,
  }),
  'escalatie.datum': ({ zaakRef, link }) => ({
    onderwerp: `Zaak ${zaakRef}: voorbereiding duurt lang`,
    email:
      `De voorbereiding van zaak ${zaakRef} duurt langer dan gepland en er is nog geen datum. ` +
      `Overleg met de coördinator, of verleng de termijn met een reden.\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef}, de voorbereiding duurt lang en er is nog geen datum. ${link}`,
  }),
  uitnodiging: ({ coordinator, familie, links, conferentie }) => ({
    onderwerp: `Uitnodiging voor de Eigen Kracht-conferentie voor ${familie}`,
    email: alinea(
      `U bent uitgenodigd voor de Eigen Kracht-conferentie voor ${familie}. Op zo’n bijeenkomst maken familie, vrienden en bekenden samen een plan.`,
      conferentie
        ? `De conferentie is op ${wanneer(conferentie)}. Er is geen vaste eindtijd.`
        : 'De datum volgt: u hoort hem zodra hij vaststaat.',
      linkregels(links),
      `Coördinator ${coordinator.naam} neemt contact met u op om alles uit te leggen.`,
      vragen(coordinator),
    ),
    sms: `Eigen Kracht: uitnodiging voor een conferentie${conferentie ? ` op ${conferentie.kort}` : ''}. ${links.aanwezigheid ? `Komt u? ${links.aanwezigheid}` : 'De coördinator belt u.'}`,
  }),
  'voorwaarden.gedeeld': ({ coordinator, familie, links }) => ({
    onderwerp: `De voorwaarden voor het plan van ${familie}`,
    email: alinea(
      `Voor het plan van de Eigen Kracht-conferentie voor ${familie} heeft een professional voorwaarden opgesteld: waar het plan in elk geval aan moet voldoen. Iedere genodigde mag ze lezen, ook vóór de conferentie.`,
      linkregels(links),
      vragen(coordinator),
    ),
    sms: `Eigen Kracht: de voorwaarden voor het plan staan klaar. ${links.voorwaarden ? `Lees ze hier: ${links.voorwaarden}` : 'De coördinator laat ze u lezen.'}`,
  }),
  'voorwaarden.gedeeld.coordinator': ({ zaakRef, link }) => ({
    onderwerp: `Zaak ${zaakRef}: voorwaarden gedeeld`,
    email: `Een professional heeft voorwaarden voor zaak ${zaakRef} gedeeld. De genodigden hebben een link gekregen om ze te lezen.\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef}, er zijn voorwaarden gedeeld met de genodigden. ${link}`,
  }),
  'datum.bevestigd': ({ conferentie, coordinator, familie, links }) => ({
    onderwerp: `De Eigen Kracht-conferentie voor ${familie} is op ${conferentie.datum}`,
    email: alinea(
      `De Eigen Kracht-conferentie voor ${familie} is op ${wanneer(conferentie)}. Neem de tijd: er is geen vaste eindtijd. De afspraak zit als agenda-uitnodiging bij deze e-mail.`,
      linkregels(links),
      vragen(coordinator),
    ),
    sms: `Eigen Kracht: de conferentie is op ${conferentie.kort}.${links.aanwezigheid ? ` Komt u? ${links.aanwezigheid}` : ''}`,
  }),
  'datum.bevestigd.coordinator': ({ zaakRef, datum, kort, plaats, link }) => ({
    onderwerp: `Zaak ${zaakRef}: conferentie op ${datum}`,
    email: alinea(
      `De conferentie van zaak ${zaakRef} is bevestigd: ${datum}${plaats ? `, ${plaats}` : ''}. De genodigden hebben de datum gekregen, met een link om te laten weten of ze komen. De afspraak zit als agenda-uitnodiging bij deze e-mail.`,
      link,
    ),
    sms: `Eigen Kracht: zaak ${zaakRef}, conferentie bevestigd op ${kort}. ${link}`,
  }),
  'conferentie.herinnering': ({ conferentie, coordinator, familie, links }) => ({
    onderwerp: `Herinnering: Eigen Kracht-conferentie voor ${familie} op ${conferentie.datum}`,
    email: alinea(
      `Een herinnering: de Eigen Kracht-conferentie voor ${familie} is op ${wanneer(conferentie)}.`,
      linkregels(links),
      vragen(coordinator),
    ),
    sms: `Eigen Kracht: herinnering, de conferentie is op ${conferentie.kort}.${links.aanwezigheid ? ` Komt u? ${links.aanwezigheid}` : ''}`,
  }),
  'conferentie.herinnering.coordinator': ({ zaakRef, datum, kort, plaats, link }) => ({
    onderwerp: `Zaak ${zaakRef}: conferentie op ${datum}`,
    email: `Een herinnering: de conferentie van zaak ${zaakRef} is op ${datum}${plaats ? `, ${plaats}` : ''}. Op de zaakpagina ziet u wie heeft laten weten te komen.\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef}, conferentie op ${kort}. ${link}`,
  }),
  'conferentie.vervallen': ({ conferentie, coordinator, familie, verplaatst }) => ({
    onderwerp: `De Eigen Kracht-conferentie voor ${familie} op ${conferentie.datum} ${verplaatst ? 'is verplaatst' : 'gaat niet door'}`,
    email: alinea(
      verplaatst
        ? `De Eigen Kracht-conferentie voor ${familie} op ${wanneer(conferentie)} is verplaatst. De afspraak in uw agenda vervalt met deze e-mail; de nieuwe datum krijgt u in een aparte e-mail.`
        : `De Eigen Kracht-conferentie voor ${familie} op ${wanneer(conferentie)} gaat niet door. De afspraak in uw agenda vervalt met deze e-mail.`,
      vragen(coordinator),
    ),
    sms: `Eigen Kracht: de conferentie op ${conferentie.kort} ${verplaatst ? 'is verplaatst.' : 'gaat niet door.'}`,
  }),
  'conferentie.vervallen.coordinator': ({ zaakRef, datum, kort, plaats, verplaatst, link }) => ({
    onderwerp: `Zaak ${zaakRef}: conferentie van ${datum} ${verplaatst ? 'verplaatst' : 'vervallen'}`,
    email: alinea(
      `De conferentie van zaak ${zaakRef} op ${datum}${plaats ? `, ${plaats}` : ''} ${verplaatst ? 'is verplaatst; de nieuwe datum volgt in een aparte e-mail' : 'gaat niet door'}. De afspraak in uw agenda vervalt met deze e-mail.`,
      link,
    ),
    sms: `Eigen Kracht: zaak ${zaakRef}, conferentie op ${kort} ${verplaatst ? 'verplaatst' : 'vervallen'}. ${link}`,
  }),
  'aanwezigheid.doorgegeven': ({ zaakRef, wie, komt, notitie, link }) => ({
    onderwerp: `Zaak ${zaakRef}: ${wie} ${komt ? 'komt' : 'kan niet komen'}`,
    email: alinea(
      `${wie} heeft via de link laten weten ${komt ? 'naar de conferentie te komen' : 'niet naar de conferentie te kunnen komen'}.`,
      notitie && 'Er is een notitie bij: u leest hem op de zaakpagina.',
      link,
    ),
    sms: `Eigen Kracht: zaak ${zaakRef}, een genodigde ${komt ? 'komt' : 'kan niet komen'}. ${link}`,
  }),
  'plan.aanvaard': ({ herzien, plan, coordinator, familie, links }) => ({
    onderwerp: herzien ? `Het herziene plan van ${familie}` : `Het plan van ${familie}`,
    email: alinea(
      plan.alleenEigenDeel
        ? `Het ${herzien ? 'herziene ' : ''}plan van ${familie} staat. Het plan is van de familie en het netwerk; de hulp sluit erop aan.`
        : herzien
          ? `De kring heeft het plan van ${familie} herzien. Dit plan geldt nu.`
          : `Dit is het plan dat op de Eigen Kracht-conferentie voor ${familie} is gemaakt. Het plan is van de familie en het netwerk; de hulp sluit erop aan.`,
      planTekst(plan),
      linkregels(links),
      vragen(coordinator),
    ),
    sms: `Eigen Kracht: ${herzien ? 'het herziene plan' : 'het plan van de conferentie'} staat klaar.${links.plan ? ` Lees het hier: ${links.plan}` : ''}`,
  }),
  'vervolg.herinnering': ({ zaakRef, link }) => ({
    onderwerp: `Zaak ${zaakRef}: tijd voor de vervolgcontrole`,
    email: `Het is tijd om na te gaan hoe het plan van zaak ${zaakRef} wordt uitgevoerd (ongeveer vier weken na de conferentie).\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef}, tijd voor de vervolgcontrole van het plan. ${link}`,
  }),
  'evaluatie.herinnering': ({ datum, zaakRef, link }) => ({
    onderwerp: `Zaak ${zaakRef}: evaluatie van het plan`,
    email:
      `De evaluatie van het plan van zaak ${zaakRef} staat op ${datum}. Leg de uitkomst vast: ` +
      `sluit af als de kring het eens is, of kies een nieuwe datum.\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef}, evaluatie van het plan op ${datum}. ${link}`,
  }),
  'vervolg.gepland': ({ coordinator, familie, links }) => ({
    onderwerp: `Hoe gaat het met het plan van ${familie}?`,
    email: alinea(
      `Coördinator ${coordinator.naam} neemt binnenkort contact met u op om te horen hoe het met het plan van ${familie} gaat.`,
      linkregels(links),
      vragen(coordinator),
    ),
    sms: `Eigen Kracht: de coördinator belt binnenkort over het plan.${links['niet-goed'] ? ` Gaat het niet goed? ${links['niet-goed']}` : ''}`,
  }),
  'voortgangsgesprek.herinnering': ({ datum, coordinator, familie, links }) => ({
    onderwerp: `Herinnering: voortgangsgesprek over het plan van ${familie} op ${datum}`,
    email: alinea(
      `Een herinnering: het voortgangsgesprek over het plan van ${familie} is op ${datum}. De afspraak zit als agenda-uitnodiging bij deze e-mail.`,
      linkregels(links),
      vragen(coordinator),
    ),
    sms: `Eigen Kracht: het voortgangsgesprek over het plan is op ${datum}.`,
  }),
  'voortgangsgesprek.herinnering.coordinator': ({ zaakRef, datum, link }) => ({
    onderwerp: `Zaak ${zaakRef}: voortgangsgesprek op ${datum}`,
    email: `Een herinnering: het voortgangsgesprek van zaak ${zaakRef} is op ${datum}. Leg het vast als het is gehouden.\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef}, voortgangsgesprek op ${datum}. ${link}`,
  }),
  'niet-goed': ({ coordinator, familie, links }) => ({
    onderwerp: 'Het gaat niet goed: wilt u het netwerk bij elkaar roepen?',
    email: alinea(
      `Iemand heeft gemeld dat het niet goed gaat met de uitvoering van het plan van ${familie}. U bent door het netwerk aangewezen om de kring bij elkaar te roepen als dat nodig is. Wilt u dat doen?`,
      linkregels(links),
      `Coördinator ${coordinator.naam} helpt graag: ${coordinator.bereik}`,
      'Is iemand in direct gevaar? Bel 112. Zorgen over huiselijk geweld of kindermishandeling: Veilig Thuis, 0800-2000 (gratis, dag en nacht).',
    ),
    sms: `Eigen Kracht: het gaat niet goed met het plan. Wilt u de kring bijeenroepen?${links.signaal ? ` ${links.signaal}` : ''}`,
  }),
  'signaal.opgepakt': ({ zaakRef, link }) => ({
    onderwerp: `Zaak ${zaakRef}: "het gaat niet goed" is opgepakt`,
    email: `De aangewezen persoon van zaak ${zaakRef} heeft laten weten de kring bij elkaar te roepen.\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef}, de aangewezen persoon roept de kring bij elkaar. ${link}`,
  }),
  'kring.bijeen': ({ zaakRef, notitie, link }) => ({
    onderwerp: `Zaak ${zaakRef}: de kring is bij elkaar geweest`,
    email: alinea(
      `De aangewezen persoon van zaak ${zaakRef} laat weten dat de kring bij elkaar is geweest over "het gaat niet goed".${notitie ? ' Wat de kring afsprak, leest u op de zaakpagina bij de meldingen.' : ''}`,
      'Leg de bijeenkomst vast (wie er waren, en een herzien plan als dat er is).',
      link,
    ),
    sms: `Eigen Kracht: zaak ${zaakRef}, de kring is bij elkaar geweest. Leg de bijeenkomst vast. ${link}`,
  }),
  'signaal.gemeld': ({ zaakRef, link }) => ({
    onderwerp: `Zaak ${zaakRef}: "het gaat niet goed"`,
    email:
      `Er is gemeld dat het niet goed gaat met het plan van zaak ${zaakRef}. De aangewezen persoon is gevraagd ` +
      `de kring bij elkaar te roepen. Neem contact op als dat helpt.\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef}, er is gemeld dat het niet goed gaat met het plan. ${link}`,
  }),
  'datum.voorgesteld': ({ zaakRef, datum, link }) => ({
    onderwerp: `Zaak ${zaakRef}: kunt u op ${datum}?`,
    email:
      `Voor de Eigen Kracht-conferentie van zaak ${zaakRef} is ${datum} voorgesteld. ` +
      `Laat de coördinator weten of u dan kunt.\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef}, kunt u op ${datum}? ${link}`,
  }),
  'plan.herzien': ({ zaakRef, link }) => ({
    onderwerp: `Zaak ${zaakRef}: het plan is herzien`,
    email:
      `De kring van zaak ${zaakRef} heeft het plan herzien. Toets het herziene plan aan uw eigen voorwaarden, ` +
      `en alleen daaraan.\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef}, het plan is herzien. Toets het aan uw voorwaarden. ${link}`,
  }),
  'herziening.afgewezen': ({ zaakRef, link }) => ({
    onderwerp: `Zaak ${zaakRef}: herzien plan voldoet niet aan een voorwaarde`,
    email:
      `Het herziene plan van zaak ${zaakRef} voldoet niet aan een voorwaarde. Het vorige plan blijft gelden; ` +
      `de kring kan het plan op dat punt opnieuw bespreken.\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef}, het herziene plan voldoet niet aan een voorwaarde. ${link}`,
  }),
  'herziening.geen-toetsing': ({ zaakRef, link }) => ({
    onderwerp: `Zaak ${zaakRef}: herzien plan wacht op toetsing`,
    email:
      `Het herziene plan van zaak ${zaakRef} is nog niet door iedere professional met voorwaarden getoetst. ` +
      `Neem contact op met wie nog moet toetsen, of trek de herziening in met een reden.\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef}, het herziene plan wacht nog op toetsing. ${link}`,
  }),
  'signaal.geen-reactie': ({ zaakRef, link }) => ({
    onderwerp: `Zaak ${zaakRef}: geen reactie op "het gaat niet goed"`,
    email:
      `Een week geleden is gemeld dat het niet goed gaat met het plan van zaak ${zaakRef}, en niemand heeft het opgepakt. ` +
      `Neem contact op met de aangewezen persoon.\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef}, "het gaat niet goed" is een week niet opgepakt. ${link}`,
  }),
  'zaak.afgesloten': ({ zaakRef, afsluiting, link }) => ({
    onderwerp: `Zaak ${zaakRef} is afgesloten`,
    email: `Zaak ${zaakRef} is afgesloten (${nl.afsluiting[afsluiting]}).\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef} is afgesloten (${nl.afsluiting[afsluiting]}).`,
  }),
  'bericht.mislukt': ({ zaakRef, over, kanaal, link }) => ({
    onderwerp: `Zaak ${zaakRef}: bericht niet bezorgd`,
    email:
      `Een bericht van zaak ${zaakRef} (${nl.naam[over]}) kon niet per ${nl.kanaal[kanaal]} worden bezorgd. ` +
      `Neem zelf contact op met de ontvanger.\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef}, ${nl.naam[over]} niet bezorgd per ${nl.kanaal[kanaal]}. ${link}`,
  }),
};
