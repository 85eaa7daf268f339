// Every word on the link pages, in Dutch and English: the person reads their own language.
// Plain words for people who never asked for software: what it is about, what to do, whom to call.
import type { Linkdoel } from '../activities/links';

export type Taal = 'nl' | 'en';

interface Doeltekst {
  titel: string;
  uitleg: string;
  notitie?: string;
  knop?: string;
}

export interface Linkwoorden {
  naarInhoud: string;
  voet: string;
  hetGezin: string;
  waaroverKop: string;
  conferentieVoor: string;
  wanneer: string;
  waar: string;
  coordinator: string;
  moment: (op: Date) => string;
  dag: (op: Date) => string;
  noodgeval: string;
  doelen: Record<Linkdoel, Doeltekst>;
  alGezegd: (komt: boolean) => string;
  ikKom: string;
  ikKanNiet: string;
  voorwaardenUitleg: string;
  geenVoorwaarden: string;
  professional: string;
  zorgen: string;
  geenPlan: string;
  planUitleg: (versie: number) => string;
  eigenDeelUitleg: string;
  afspraken: string;
  wie: string;
  uiterlijk: string;
  hulpvragen: string;
  vanU: string;
  verder: string;
  nietGoedLink: string;
  tevredenheidLink: string;
  signaalOpgepakt: string;
  kringWasBijeen: string;
  bijeenNotitie: string;
  kringBijeenKnop: string;
  scoreVraag: string;
  scores: [string, string, string, string, string];
  weigeringen: Record<
    'onbekend' | 'verlopen' | 'gebruikt' | 'ingetrokken' | 'afgesloten',
    { titel: string; uitleg: string }
  >;
  nulTeken: string;
  kiesEerst: Partial<Record<Linkdoel, string>> & { standaard: string };
  zonderToelichting: string;
  evenGeduld: string;
  belDeCoordinator: string;
  dankUWel: string;
  bedankt: (doel: Linkdoel, invoer: boolean | number | null) => string;
}

const formaat = (locale: string, opties: Intl.DateTimeFormatOptions) => (op: Date) =>
  new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Amsterdam', ...opties }).format(op);

const nl: Linkwoorden = {
  naarInhoud: 'Naar de inhoud',
  voet: 'Eigen Kracht-conferenties · deze pagina is alleen voor u bedoeld: stuur de link niet door.',
  hetGezin: 'het gezin',
  waaroverKop: 'Waar gaat het over?',
  conferentieVoor: 'Eigen Kracht-conferentie voor',
  wanneer: 'Wanneer',
  waar: 'Waar',
  coordinator: 'Coördinator',
  moment: formaat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }),
  dag: formaat('nl-NL', { dateStyle: 'long' }),
  noodgeval:
    'Is iemand in direct gevaar? Bel 112. Zorgen over huiselijk geweld of kindermishandeling? Bel Veilig Thuis: 0800-2000 (gratis, dag en nacht).',
  doelen: {
    aanwezigheid: {
      titel: 'Komt u naar de Eigen Kracht-conferentie?',
      uitleg:
        'U bent uitgenodigd voor een Eigen Kracht-conferentie. Laat de coördinator weten of u komt. U kunt uw antwoord later nog veranderen.',
      notitie: 'Wilt u de coördinator nog iets laten weten? (niet verplicht)',
    },
    voorwaarden: {
      titel: 'De voorwaarden voor het plan',
      uitleg: '',
    },
    plan: { titel: 'Het plan', uitleg: '' },
    'niet-goed': {
      titel: 'Het gaat niet goed',
      uitleg:
        'Gaat het niet goed met het plan? Laat het weten. De persoon die de familie daarvoor heeft aangewezen, krijgt bericht om de kring bij elkaar te roepen, en de coördinator hoort het ook.',
      notitie: 'Wat gaat er niet goed? (niet verplicht)',
      knop: 'Het gaat niet goed',
    },
    signaal: {
      titel: 'Wilt u het netwerk bij elkaar roepen?',
      uitleg:
        'Iemand heeft gemeld dat het niet goed gaat met het plan. U bent door het netwerk aangewezen om de kring dan bij elkaar te roepen. Laat weten dat u het oppakt; de coördinator helpt als u dat wilt.',
      knop: 'Ik roep de kring bij elkaar',
    },
    tevredenheid: {
      titel: 'Hoe vond u de Eigen Kracht-conferentie?',
      uitleg:
        'We horen graag hoe de conferentie voor u was. Uw antwoord helpt ons om het de volgende keer beter te doen. U kunt het later nog veranderen.',
      notitie: 'Wilt u er nog iets over zeggen? (niet verplicht)',
      knop: 'Versturen',
    },
  },
  alGezegd: (komt) => (komt ? 'U heeft al laten weten dat u komt.' : 'U heeft al laten weten dat u niet kunt komen.'),
  ikKom: 'Ja, ik kom',
  ikKanNiet: 'Nee, ik kan niet',
  voorwaardenUitleg:
    'Dit zijn de voorwaarden van de professionals: waar het plan van de familie in elk geval aan moet voldoen. Iedere genodigde mag ze lezen. Vragen? Bel de coördinator.',
  geenVoorwaarden: 'Er zijn (nog) geen voorwaarden gedeeld.',
  professional: 'Professional',
  zorgen: 'Zorgen:',
  geenPlan: 'Er is nog geen plan dat geldt. U hoort het zodra het er is.',
  planUitleg: (versie) =>
    versie > 1
      ? `Dit is het plan zoals het nu geldt (versie ${versie}). Het plan is van de familie en het netwerk.`
      : 'Dit is het plan van de Eigen Kracht-conferentie. Het plan is van de familie en het netwerk.',
  eigenDeelUitleg:
    'Het plan van de familie staat. Hieronder staat wat de familie van u vraagt; de rest van het plan is van de familie.',
  afspraken: 'Afspraken',
  wie: 'wie',
  uiterlijk: 'uiterlijk',
  hulpvragen: 'Wat de familie van de hulpverlening vraagt',
  vanU: 'Wat de familie van u vraagt',
  verder: 'Verder',
  nietGoedLink: 'Gaat het niet goed met het plan? Meld het hier.',
  tevredenheidLink: 'Hoe vond u de conferentie? Laat het ons weten.',
  signaalOpgepakt:
    'Het signaal is opgepakt: de kring wordt bij elkaar geroepen. Is de kring bij elkaar geweest? Laat het hier weten; de coördinator legt de bijeenkomst vast.',
  kringWasBijeen:
    'De kring is over dit signaal bij elkaar geweest, en de coördinator weet het. Gaat het opnieuw niet goed? Gebruik de link "het gaat niet goed" of bel de coördinator.',
  bijeenNotitie: 'Wat heeft de kring afgesproken? (niet verplicht)',
  kringBijeenKnop: 'De kring is bij elkaar geweest',
  scoreVraag: 'Hoe vond u de conferentie?',
  scores: ['Slecht', 'Matig', 'Redelijk', 'Goed', 'Heel goed'],
  weigeringen: {
    onbekend: {
      titel: 'Deze link klopt niet',
      uitleg:
        'De link is niet volledig of is veranderd. Gebruik de link precies zoals u hem kreeg, of vraag de coördinator om een nieuwe.',
    },
    verlopen: {
      titel: 'Deze link is verlopen',
      uitleg: 'Links werken maar een tijdje. Vraag de coördinator om een nieuwe link.',
    },
    gebruikt: {
      titel: 'Deze link is al gebruikt',
      uitleg:
        'Deze link werkt één keer, en hij is al gebruikt. Wilt u nog iets doorgeven? Neem contact op met de coördinator.',
    },
    ingetrokken: {
      titel: 'Deze link werkt niet meer',
      uitleg: 'Deze link is ingetrokken. Neem contact op met de coördinator als u iets wilt doorgeven.',
    },
    afgesloten: {
      titel: 'Deze zaak is afgesloten',
      uitleg:
        'De Eigen Kracht-zaak waar deze link bij hoort, is afgesloten; de link werkt daarom niet meer. Heeft u nog vragen? Neem contact op met de coördinator.',
    },
  },
  nulTeken:
    'Uw notitie bevat een teken dat we niet kunnen bewaren. We hebben het weggehaald: kijk de notitie na en probeer het opnieuw.',
  kiesEerst: {
    aanwezigheid: 'Kies of u komt of niet.',
    tevredenheid: 'Kies eerst hoe u de conferentie vond.',
    standaard: 'Probeer het opnieuw.',
  },
  zonderToelichting: '(gemeld via link, zonder toelichting)',
  evenGeduld: 'Het lukte nu niet. Probeer het over een paar minuten opnieuw met dezelfde link: uw tekst staat er nog.',
  belDeCoordinator: 'Er is niets veranderd. Neem contact op met de coördinator als u vragen heeft.',
  dankUWel: 'Dank u wel',
  bedankt: (doel, invoer) => {
    switch (doel) {
      case 'aanwezigheid':
        return invoer ? 'De coördinator weet nu dat u komt.' : 'De coördinator weet nu dat u niet kunt komen.';
      case 'niet-goed':
        return 'Uw melding is doorgegeven. De aangewezen persoon roept de kring bij elkaar en de coördinator weet het. U kunt deze link opnieuw gebruiken als dat nodig is.';
      case 'signaal':
        return invoer
          ? 'De coördinator weet nu dat de kring bij elkaar is geweest, en legt de bijeenkomst vast.'
          : 'De coördinator weet nu dat u de kring bij elkaar roept. Is de kring bij elkaar geweest? Gebruik dan dezelfde link nog een keer.';
      default:
        return 'Uw antwoord is bewaard. Dank voor uw tijd.';
    }
  },
};

const en: Linkwoorden = {
  naarInhoud: 'Skip to content',
  voet: 'Eigen Kracht conferences · this page is meant for you only: please do not forward the link.',
  hetGezin: 'the family',
  waaroverKop: 'What is this about?',
  conferentieVoor: 'Eigen Kracht conference for',
  wanneer: 'When',
  waar: 'Where',
  coordinator: 'Coordinator',
  moment: formaat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }),
  dag: formaat('en-GB', { dateStyle: 'long' }),
  noodgeval:
    'Is someone in immediate danger? Call 112. Worried about domestic violence or child abuse? Call Veilig Thuis: 0800-2000 (free, day and night).',
  doelen: {
    aanwezigheid: {
      titel: 'Will you come to the Eigen Kracht conference?',
      uitleg:
        'You are invited to an Eigen Kracht conference. Let the coordinator know whether you will come. You can change your answer later.',
      notitie: 'Anything else the coordinator should know? (optional)',
    },
    voorwaarden: { titel: 'The conditions for the plan', uitleg: '' },
    plan: { titel: 'The plan', uitleg: '' },
    'niet-goed': {
      titel: 'Things are not going well',
      uitleg:
        'Is the plan not going well? Let us know. The person the family chose for this will be asked to call the circle together, and the coordinator hears of it too.',
      notitie: 'What is not going well? (optional)',
      knop: 'Things are not going well',
    },
    signaal: {
      titel: 'Will you call the network together?',
      uitleg:
        'Someone reported that the plan is not going well. The network chose you to call the circle together when that happens. Let us know you are taking it up; the coordinator will help if you wish.',
      knop: 'I will call the circle together',
    },
    tevredenheid: {
      titel: 'How was the Eigen Kracht conference for you?',
      uitleg:
        'We would like to hear how the conference was for you. Your answer helps us do better next time. You can change it later.',
      notitie: 'Anything you would like to add? (optional)',
      knop: 'Send',
    },
  },
  alGezegd: (komt) => (komt ? 'You already said you will come.' : 'You already said you cannot come.'),
  ikKom: 'Yes, I will come',
  ikKanNiet: 'No, I cannot come',
  voorwaardenUitleg:
    "These are the professionals' conditions: what the family's plan must meet in any case. Everyone invited may read them. Questions? Call the coordinator.",
  geenVoorwaarden: 'No conditions have been shared (yet).',
  professional: 'Professional',
  zorgen: 'Concerns:',
  geenPlan: 'There is no plan in force yet. You will hear as soon as there is.',
  planUitleg: (versie) =>
    versie > 1
      ? `This is the plan as it applies now (version ${versie}). The plan belongs to the family and the network.`
      : 'This is the plan of the Eigen Kracht conference. The plan belongs to the family and the network.',
  eigenDeelUitleg:
    'The family’s plan stands. Below is what the family asks of you; the rest of the plan belongs to the family.',
  afspraken: 'Agreements',
  wie: 'who',
  uiterlijk: 'by',
  hulpvragen: 'What the family asks of the professionals',
  vanU: 'What the family asks of you',
  verder: 'Also',
  nietGoedLink: 'Is the plan not going well? Say so here.',
  tevredenheidLink: 'How was the conference for you? Let us know.',
  signaalOpgepakt:
    'The signal has been taken up: the circle is being called together. Has the circle met? Let us know here; the coordinator will record the meeting.',
  kringWasBijeen:
    'The circle has met about this signal, and the coordinator knows. Is it not going well again? Use the "not going well" link or call the coordinator.',
  bijeenNotitie: 'What did the circle agree? (optional)',
  kringBijeenKnop: 'The circle has met',
  scoreVraag: 'How was the conference for you?',
  scores: ['Bad', 'Poor', 'Fair', 'Good', 'Very good'],
  weigeringen: {
    onbekend: {
      titel: 'This link is not right',
      uitleg:
        'The link is incomplete or was changed. Use the link exactly as you received it, or ask the coordinator for a new one.',
    },
    verlopen: {
      titel: 'This link has expired',
      uitleg: 'Links only work for a while. Ask the coordinator for a new link.',
    },
    gebruikt: {
      titel: 'This link was used already',
      uitleg: 'This link works once, and it has been used. Anything else to pass on? Contact the coordinator.',
    },
    ingetrokken: {
      titel: 'This link no longer works',
      uitleg: 'This link was withdrawn. Contact the coordinator if you want to pass something on.',
    },
    afgesloten: {
      titel: 'This case is closed',
      uitleg:
        'The Eigen Kracht case this link belongs to has been closed, so the link no longer works. Any questions? Contact the coordinator.',
    },
  },
  nulTeken: 'Your note contains a character we cannot store. We removed it: check the note and try again.',
  kiesEerst: {
    aanwezigheid: 'Choose whether you will come or not.',
    tevredenheid: 'First choose how the conference was for you.',
    standaard: 'Please try again.',
  },
  zonderToelichting: '(reported through a link, without a note)',
  evenGeduld: 'That did not work just now. Try again in a few minutes with the same link: your text is still there.',
  belDeCoordinator: 'Nothing has changed. Contact the coordinator if you have questions.',
  dankUWel: 'Thank you',
  bedankt: (doel, invoer) => {
    switch (doel) {
      case 'aanwezigheid':
        return invoer ? 'The coordinator now knows you will come.' : 'The coordinator now knows you cannot come.';
      case 'niet-goed':
        return 'Your report has been passed on. The designated person will call the circle together and the coordinator knows. You can use this link again if needed.';
      case 'signaal':
        return invoer
          ? 'The coordinator now knows the circle has met, and will record the meeting.'
          : 'The coordinator now knows you are calling the circle together. Once the circle has met, use the same link again.';
      default:
        return 'Your answer has been saved. Thank you for your time.';
    }
  },
};

export const WOORDEN: Record<Taal, Linkwoorden> = { nl, en };
