// English: for participants and staff who read English better than Dutch.
import type { Sjablonen } from './soorten';

const nth = (n: number) => (n === 1 ? 'first' : n === 2 ? 'second' : n === 3 ? 'third' : `${n}th`);

export const en: Sjablonen = {
  locale: 'en-GB',
  naam: {
    'aanvraag.ontvangen': 'new request',
    'aanvraag.zonder-regiomanager': 'request without a regiomanager',
    'coordinator.aanbod': 'case offered',
    'coordinator.aanvaard': 'case accepted',
    'coordinator.geen-kandidaten': 'no coordinator available',
    'escalatie.contact': 'first contact overdue',
    'datum.herinnering': 'no date yet',
    'escalatie.datum': 'preparation overdue',
    uitnodiging: 'invitation',
    'voorwaarden.gedeeld': 'conditions',
    'datum.bevestigd': 'conference date',
    'conferentie.herinnering': 'conference reminder',
    'vervolg.herinnering': 'follow-up',
    'vervolg.gepland': 'follow-up announcement',
    'voortgangsgesprek.herinnering': 'progress meeting reminder',
    'evaluatie.herinnering': 'evaluation',
    'niet-goed': '"things are not going well"',
    'signaal.gemeld': '"things are not going well" signal',
    'datum.voorgesteld': 'proposed date',
    'plan.herzien': 'revised plan to check',
    'herziening.afgewezen': 'revised plan does not meet a condition',
    'herziening.geen-toetsing': 'revised plan not checked',
    'signaal.geen-reactie': 'no response to "things are not going well"',
    'zaak.afgesloten': 'case closed',
    'bericht.mislukt': 'message not delivered',
  },
  afsluiting: { afgerond: 'completed', ingetrokken: 'withdrawn', geannuleerd: 'cancelled' },
  kanaal: { email: 'email', sms: 'text message', geen: 'email or text message (no address or number known)' },

  'aanvraag.ontvangen': ({ regio, nood, zaakRef, link }) => ({
    onderwerp: `New request${nood ? ' (urgent)' : ''}, region ${regio}`,
    email:
      `A new request for an Eigen Kracht conference has come in for region ${regio}${nood ? ', on the emergency path' : ''}.\n` +
      `Choose a coordinator who fits the main person's wishes; they contact the family within ${nood ? '24 hours' : 'three days'}.\n\n` +
      `Case ${zaakRef}: ${link}`,
    sms: `Eigen Kracht: new request${nood ? ' (urgent)' : ''} in region ${regio}, case ${zaakRef}. ${link}`,
  }),
  'aanvraag.zonder-regiomanager': ({ regio, zaakRef, link }) => ({
    onderwerp: `Request without a regiomanager, region ${regio}`,
    email:
      `A request came in for region ${regio}, but that region has no regiomanager. ` +
      `Nobody takes it up until there is one: assign a regiomanager.\n\nCase ${zaakRef}: ${link}`,
    sms: `Eigen Kracht: request in ${regio}, no regiomanager, case ${zaakRef}. ${link}`,
  }),
  'coordinator.aanbod': ({ regio, nood, zaakRef, link }) => ({
    onderwerp: `Would you coordinate a conference? (region ${regio})`,
    email:
      `Eigen Kracht asks whether you would coordinate a new conference in region ${regio}${nood ? ' (urgent: contact within 24 hours)' : ''}.\n` +
      `Please let us know whether you accept.\n\nCase ${zaakRef}: ${link}`,
    sms: `Eigen Kracht: case ${zaakRef}${nood ? ' (urgent)' : ''} in ${regio}, would you coordinate? ${link}`,
  }),
  'coordinator.aanvaard': ({ coordinator, zaakRef, link }) => ({
    onderwerp: `Case ${zaakRef} accepted`,
    email: `${coordinator} has accepted case ${zaakRef} and will contact the family.\n\n${link}`,
    sms: `Eigen Kracht: ${coordinator} has accepted case ${zaakRef}.`,
  }),
  'coordinator.geen-kandidaten': ({ zaakRef, link }) => ({
    onderwerp: `Case ${zaakRef}: no coordinator available`,
    email:
      `No suitable coordinator is left for case ${zaakRef}: those who fit declined or are not available.\n` +
      `Please choose a coordinator yourself.\n\n${link}`,
    sms: `Eigen Kracht: no coordinator left for case ${zaakRef}. Please choose someone. ${link}`,
  }),
  'escalatie.contact': ({ zaakRef, keer, link }) => ({
    onderwerp: `Case ${zaakRef}: no contact with the family yet`,
    email:
      `First contact with the family of case ${zaakRef} has not been recorded, and the deadline has passed. ` +
      `This is the ${nth(keer)} notice.\n\n${link}`,
    sms: `Eigen Kracht: case ${zaakRef}, no contact with the family yet (${nth(keer)} notice). ${link}`,
  }),
  'datum.herinnering': ({ zaakRef, link }) => ({
    onderwerp: `Case ${zaakRef}: no conference date yet`,
    email: `Case ${zaakRef} has no conference date yet. The family sets the pace; see together whether anything is needed.\n\n${link}`,
    sms: `Eigen Kracht: case ${zaakRef} has no conference date yet. ${link}`,
  }),
  'escalatie.datum': ({ zaakRef, link }) => ({
    onderwerp: `Case ${zaakRef}: preparation taking long`,
    email:
      `Preparing case ${zaakRef} is taking longer than planned and there is no date yet. ` +
      `Talk with the coordinator, or extend the deadline with a reason.\n\n${link}`,
    sms: `Eigen Kracht: case ${zaakRef}, preparation is taking long and there is no date yet. ${link}`,
  }),
  uitnodiging: ({ coordinator, contact }) => ({
    onderwerp: 'Invitation to an Eigen Kracht conference',
    email:
      'You are invited to an Eigen Kracht conference, where family, friends and acquaintances make a plan together.\n' +
      `Coordinator ${coordinator} will contact you to explain everything.\n\nQuestions? ${contact}`,
    sms: `Eigen Kracht: you are invited to an Eigen Kracht conference. ${coordinator} will contact you. Questions: ${contact}`,
  }),
  'voorwaarden.gedeeld': ({ contact }) => ({
    onderwerp: 'The conditions for the plan',
    email:
      'Conditions have been set for the plan of the Eigen Kracht conference. Everyone invited may read them; ' +
      `the coordinator will show them to you before you meet.\n\nQuestions? ${contact}`,
    sms: `Eigen Kracht: the conditions for the plan are ready. The coordinator will show them to you. Questions: ${contact}`,
  }),
  'datum.bevestigd': ({ datum, contact }) => ({
    onderwerp: `The Eigen Kracht conference is on ${datum}`,
    email: `The Eigen Kracht conference is on ${datum}. Take your time: there is no fixed end.\n\nQuestions? ${contact}`,
    sms: `Eigen Kracht: the conference is on ${datum}. Questions: ${contact}`,
  }),
  'conferentie.herinnering': ({ datum, contact }) => ({
    onderwerp: `Reminder: Eigen Kracht conference on ${datum}`,
    email: `A reminder: the Eigen Kracht conference is on ${datum}.\n\nQuestions? ${contact}`,
    sms: `Eigen Kracht: reminder, the conference is on ${datum}. Questions: ${contact}`,
  }),
  'vervolg.herinnering': ({ zaakRef, link }) => ({
    onderwerp: `Case ${zaakRef}: time for the follow-up`,
    email: `It is time to check how the plan of case ${zaakRef} is going (about four weeks after the conference).\n\n${link}`,
    sms: `Eigen Kracht: case ${zaakRef}, time for the follow-up of the plan. ${link}`,
  }),
  'vervolg.gepland': ({ coordinator, contact }) => ({
    onderwerp: 'How is the plan going?',
    email: `Coordinator ${coordinator} will contact you soon to hear how the plan is going.\n\nQuestions? ${contact}`,
    sms: `Eigen Kracht: ${coordinator} will ask soon how the plan is going. Questions: ${contact}`,
  }),
  'voortgangsgesprek.herinnering': ({ datum, contact }) => ({
    onderwerp: `Reminder: progress meeting on ${datum}`,
    email: `A reminder: the progress meeting about the plan is on ${datum}.\n\nQuestions? ${contact}`,
    sms: `Eigen Kracht: the progress meeting about the plan is on ${datum}. Questions: ${contact}`,
  }),
  'evaluatie.herinnering': ({ datum, zaakRef, link }) => ({
    onderwerp: `Case ${zaakRef}: evaluation of the plan`,
    email:
      `The evaluation of the plan of case ${zaakRef} is on ${datum}. Record the outcome: ` +
      `close the case if the circle agrees, or choose a new date.\n\n${link}`,
    sms: `Eigen Kracht: case ${zaakRef}, evaluation of the plan on ${datum}. ${link}`,
  }),
  'niet-goed': ({ coordinator, contact }) => ({
    onderwerp: 'Things are not going well: would you call the network together?',
    email:
      'Things are not going well with the plan. The network chose you to call the circle together when needed. ' +
      `Would you do that?\n\nCoordinator ${coordinator} is glad to help: ${contact}`,
    sms: `Eigen Kracht: things are not going well with the plan. Would you call the network together? Help: ${contact}`,
  }),
  'signaal.gemeld': ({ zaakRef, link }) => ({
    onderwerp: `Case ${zaakRef}: "things are not going well"`,
    email:
      `Someone reported that the plan of case ${zaakRef} is not going well. The designated person was asked ` +
      `to call the circle together. Get in touch if that helps.\n\n${link}`,
    sms: `Eigen Kracht: case ${zaakRef}, the plan is reported not to go well. ${link}`,
  }),
  'datum.voorgesteld': ({ zaakRef, datum, link }) => ({
    onderwerp: `Case ${zaakRef}: can you come on ${datum}?`,
    email:
      `${datum} is proposed for the Eigen Kracht conference of case ${zaakRef}. ` +
      `Let the coordinator know whether you can come.\n\n${link}`,
    sms: `Eigen Kracht: case ${zaakRef}, can you come on ${datum}? ${link}`,
  }),
  'plan.herzien': ({ zaakRef, link }) => ({
    onderwerp: `Case ${zaakRef}: the plan was revised`,
    email:
      `The circle of case ${zaakRef} revised its plan. Check the revised plan against your own conditions, ` +
      `and only against them.\n\n${link}`,
    sms: `Eigen Kracht: case ${zaakRef}, the plan was revised. Check it against your conditions. ${link}`,
  }),
  'herziening.afgewezen': ({ zaakRef, link }) => ({
    onderwerp: `Case ${zaakRef}: revised plan does not meet a condition`,
    email:
      `The revised plan of case ${zaakRef} does not meet a condition. The previous plan still applies; ` +
      `the circle can discuss the plan on that point again.\n\n${link}`,
    sms: `Eigen Kracht: case ${zaakRef}, the revised plan does not meet a condition. ${link}`,
  }),
  'herziening.geen-toetsing': ({ zaakRef, link }) => ({
    onderwerp: `Case ${zaakRef}: revised plan awaits its check`,
    email:
      `The revised plan of case ${zaakRef} has not been checked yet by every professional who set conditions. ` +
      `Contact those who still have to check it, or withdraw the revision with a reason.\n\n${link}`,
    sms: `Eigen Kracht: case ${zaakRef}, the revised plan still awaits its check. ${link}`,
  }),
  'signaal.geen-reactie': ({ zaakRef, link }) => ({
    onderwerp: `Case ${zaakRef}: no response to "things are not going well"`,
    email:
      `A week ago someone said the plan of case ${zaakRef} is not going well, and nobody has taken it up. ` +
      `Please contact the designated person.\n\n${link}`,
    sms: `Eigen Kracht: case ${zaakRef}, "not going well" has not been taken up for a week. ${link}`,
  }),
  'zaak.afgesloten': ({ zaakRef, afsluiting, link }) => ({
    onderwerp: `Case ${zaakRef} is closed`,
    email: `Case ${zaakRef} is closed (${en.afsluiting[afsluiting]}).\n\n${link}`,
    sms: `Eigen Kracht: case ${zaakRef} is closed (${en.afsluiting[afsluiting]}).`,
  }),
  'bericht.mislukt': ({ zaakRef, over, kanaal, link }) => ({
    onderwerp: `Case ${zaakRef}: message not delivered`,
    email:
      `A message of case ${zaakRef} (${en.naam[over]}) could not be delivered by ${en.kanaal[kanaal]}. ` +
      `Please contact the recipient yourself.\n\n${link}`,
    sms: `Eigen Kracht: case ${zaakRef}, ${en.naam[over]} not delivered by ${en.kanaal[kanaal]}. ${link}`,
  }),
};
