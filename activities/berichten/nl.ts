// Nederlands: de eerste taal van alles wat een deelnemer leest.
import type { Sjablonen } from './soorten';

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
  },
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
  uitnodiging: ({ coordinator, contact }) => ({
    onderwerp: 'Uitnodiging voor een Eigen Kracht-conferentie',
    email:
      'U bent uitgenodigd voor een Eigen Kracht-conferentie. Op zo’n bijeenkomst maken familie, vrienden en bekenden samen een plan.\n' +
      `Coördinator ${coordinator} neemt contact met u op om alles uit te leggen.\n\nVragen? ${contact}`,
    sms: `Eigen Kracht: u bent uitgenodigd voor een Eigen Kracht-conferentie. ${coordinator} neemt contact met u op. Vragen: ${contact}`,
  }),
  'voorwaarden.gedeeld': ({ contact }) => ({
    onderwerp: 'De voorwaarden voor het plan',
    email:
      'Voor het plan van de Eigen Kracht-conferentie zijn voorwaarden opgesteld. Iedere genodigde mag ze lezen; ' +
      `de coördinator laat ze u zien voordat u bijeenkomt.\n\nVragen? ${contact}`,
    sms: `Eigen Kracht: de voorwaarden voor het plan staan klaar. De coördinator laat ze u lezen. Vragen: ${contact}`,
  }),
  'datum.bevestigd': ({ datum, contact }) => ({
    onderwerp: `De Eigen Kracht-conferentie is op ${datum}`,
    email: `De Eigen Kracht-conferentie is op ${datum}. Neem de tijd: er is geen vaste eindtijd.\n\nVragen? ${contact}`,
    sms: `Eigen Kracht: de conferentie is op ${datum}. Vragen: ${contact}`,
  }),
  'conferentie.herinnering': ({ datum, contact }) => ({
    onderwerp: `Herinnering: Eigen Kracht-conferentie op ${datum}`,
    email: `Een herinnering: de Eigen Kracht-conferentie is op ${datum}.\n\nVragen? ${contact}`,
    sms: `Eigen Kracht: herinnering, de conferentie is op ${datum}. Vragen: ${contact}`,
  }),
  'vervolg.herinnering': ({ zaakRef, link }) => ({
    onderwerp: `Zaak ${zaakRef}: tijd voor de vervolgcontrole`,
    email: `Het is tijd om na te gaan hoe het plan van zaak ${zaakRef} wordt uitgevoerd (ongeveer vier weken na de conferentie).\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef}, tijd voor de vervolgcontrole van het plan. ${link}`,
  }),
  'vervolg.gepland': ({ coordinator, contact }) => ({
    onderwerp: 'Hoe gaat het met het plan?',
    email: `Coördinator ${coordinator} neemt binnenkort contact op om te horen hoe het met het plan gaat.\n\nVragen? ${contact}`,
    sms: `Eigen Kracht: ${coordinator} vraagt binnenkort hoe het met het plan gaat. Vragen: ${contact}`,
  }),
  'voortgangsgesprek.herinnering': ({ datum, contact }) => ({
    onderwerp: `Herinnering: voortgangsgesprek op ${datum}`,
    email: `Een herinnering: het voortgangsgesprek over het plan is op ${datum}.\n\nVragen? ${contact}`,
    sms: `Eigen Kracht: het voortgangsgesprek over het plan is op ${datum}. Vragen: ${contact}`,
  }),
  'evaluatie.herinnering': ({ datum, zaakRef, link }) => ({
    onderwerp: `Zaak ${zaakRef}: evaluatie van het plan`,
    email:
      `De evaluatie van het plan van zaak ${zaakRef} staat op ${datum}. Leg de uitkomst vast: ` +
      `sluit af als de kring het eens is, of kies een nieuwe datum.\n\n${link}`,
    sms: `Eigen Kracht: zaak ${zaakRef}, evaluatie van het plan op ${datum}. ${link}`,
  }),
  'niet-goed': ({ coordinator, contact }) => ({
    onderwerp: 'Het gaat niet goed: wilt u het netwerk bij elkaar roepen?',
    email:
      'Het gaat niet goed met de uitvoering van het plan. U bent door het netwerk aangewezen om de kring ' +
      `bij elkaar te roepen als dat nodig is. Wilt u dat doen?\n\nCoördinator ${coordinator} helpt graag: ${contact}`,
    sms: `Eigen Kracht: het gaat niet goed met het plan. Wilt u het netwerk bij elkaar roepen? Hulp: ${contact}`,
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
