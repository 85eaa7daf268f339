// English: for participants and staff who read English better than Dutch.
import type { Conferentie, Links, Planinhoud, Sjablonen } from './soorten';

const paragraphs = (...parts: Array<string | false | undefined>) => parts.filter(Boolean).join('\n\n');
const when = (c: Conferentie) => `${c.datum}${c.plaats ? `, ${c.plaats}` : ''}`;
const questions = (c: { naam: string; bereik: string }) => `Questions? Contact coordinator ${c.naam}: ${c.bereik}`;

function linkLines(links: Links): string | undefined {
  const lines = [
    links.aanwezigheid && `Let us know whether you will come: ${links.aanwezigheid}`,
    links.voorwaarden && `Read the conditions: ${links.voorwaarden}`,
    links.plan && `Read the plan: ${links.plan}`,
    links.signaal && `Let us know you are taking it up: ${links.signaal}`,
    links['niet-goed'] && `Is the plan not going well? Say so here, as often as needed: ${links['niet-goed']}`,
    links.tevredenheid && `How was the conference for you? Let us know: ${links.tevredenheid}`,
  ].filter(Boolean);
  return lines.length ? lines.join('\n') : undefined;
}

function planText(plan: Planinhoud): string {
  const actions = plan.acties.map(
    (a, i) => `${i + 1}. ${a.wat} (who: ${a.wie}${a.uiterlijk ? `, by ${a.uiterlijk}` : ''})`,
  );
  const help = plan.hulpvragen.map((h) => `- ${h.aan}: ${h.tekst}`);
  if (plan.alleenEigenDeel) return paragraphs('What the family asks of you:', help.join('\n') || '(nothing)');
  return paragraphs(
    'Agreements:',
    actions.join('\n'),
    help.length > 0 && 'What the family asks of the professionals:',
    help.join('\n'),
  );
}

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
    'voorwaarden.gedeeld.coordinator': 'conditions shared',
    'datum.bevestigd.coordinator': 'conference date',
    'conferentie.herinnering.coordinator': 'conference reminder',
    'conferentie.vervallen': 'conference cancelled',
    'conferentie.vervallen.coordinator': 'conference taken out of the calendar',
    'aanwezigheid.doorgegeven': 'answer to the invitation',
    'plan.aanvaard': 'the plan',
    'voortgangsgesprek.herinnering.coordinator': 'progress meeting reminder',
    'signaal.opgepakt': '"things are not going well" taken up',
    'kring.bijeen': 'the circle has met',
  },
  agenda: { conferentie: 'Eigen Kracht conference', voortgangsgesprek: 'Progress meeting, Eigen Kracht plan' },
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
  uitnodiging: ({ coordinator, familie, links, conferentie }) => ({
    onderwerp: `Invitation to the Eigen Kracht conference for ${familie}`,
    email: paragraphs(
      `You are invited to the Eigen Kracht conference for ${familie}. At such a meeting family, friends and acquaintances make a plan together.`,
      conferentie
        ? `The conference is on ${when(conferentie)}. There is no fixed end time.`
        : 'The date will follow: you will hear it as soon as it is set.',
      linkLines(links),
      `Coordinator ${coordinator.naam} will contact you to explain everything.`,
      questions(coordinator),
    ),
    sms: `Eigen Kracht: invitation to a conference${conferentie ? ` on ${conferentie.kort}` : ''}. ${links.aanwezigheid ? `Will you come? ${links.aanwezigheid}` : 'The coordinator will call you.'}`,
  }),
  'voorwaarden.gedeeld': ({ coordinator, familie, links }) => ({
    onderwerp: `The conditions for the plan for ${familie}`,
    email: paragraphs(
      `A professional has set conditions for the plan of the Eigen Kracht conference for ${familie}: what the plan must meet in any case. Everyone invited may read them, also before the conference.`,
      linkLines(links),
      questions(coordinator),
    ),
    sms: `Eigen Kracht: the conditions for the plan are ready. ${links.voorwaarden ? `Read them here: ${links.voorwaarden}` : 'The coordinator will let you read them.'}`,
  }),
  'voorwaarden.gedeeld.coordinator': ({ zaakRef, link }) => ({
    onderwerp: `Case ${zaakRef}: conditions shared`,
    email: `A professional shared conditions for case ${zaakRef}. The invitees received a link to read them.\n\n${link}`,
    sms: `Eigen Kracht: case ${zaakRef}, conditions were shared with the invitees. ${link}`,
  }),
  'datum.bevestigd': ({ conferentie, coordinator, familie, links }) => ({
    onderwerp: `The Eigen Kracht conference for ${familie} is on ${conferentie.datum}`,
    email: paragraphs(
      `The Eigen Kracht conference for ${familie} is on ${when(conferentie)}. Take your time: there is no fixed end time. The appointment comes with this email as a calendar invitation.`,
      linkLines(links),
      questions(coordinator),
    ),
    sms: `Eigen Kracht: the conference is on ${conferentie.kort}.${links.aanwezigheid ? ` Will you come? ${links.aanwezigheid}` : ''}`,
  }),
  'datum.bevestigd.coordinator': ({ zaakRef, datum, kort, plaats, link }) => ({
    onderwerp: `Case ${zaakRef}: conference on ${datum}`,
    email: paragraphs(
      `The conference of case ${zaakRef} is confirmed: ${datum}${plaats ? `, ${plaats}` : ''}. The invitees received the date, with a link to say whether they will come. The appointment comes with this email as a calendar invitation.`,
      link,
    ),
    sms: `Eigen Kracht: case ${zaakRef}, conference confirmed on ${kort}. ${link}`,
  }),
  'conferentie.herinnering': ({ conferentie, coordinator, familie, links }) => ({
    onderwerp: `Reminder: Eigen Kracht conference for ${familie} on ${conferentie.datum}`,
    email: paragraphs(
      `A reminder: the Eigen Kracht conference for ${familie} is on ${when(conferentie)}.`,
      linkLines(links),
      questions(coordinator),
    ),
    sms: `Eigen Kracht: reminder, the conference is on ${conferentie.kort}.${links.aanwezigheid ? ` Will you come? ${links.aanwezigheid}` : ''}`,
  }),
  'conferentie.herinnering.coordinator': ({ zaakRef, datum, kort, plaats, link }) => ({
    onderwerp: `Case ${zaakRef}: conference on ${datum}`,
    email: `A reminder: the conference of case ${zaakRef} is on ${datum}${plaats ? `, ${plaats}` : ''}. The case page shows who said they will come.\n\n${link}`,
    sms: `Eigen Kracht: case ${zaakRef}, conference on ${kort}. ${link}`,
  }),
  'conferentie.vervallen': ({ conferentie, coordinator, familie, verplaatst }) => ({
    onderwerp: `The Eigen Kracht conference for ${familie} on ${conferentie.datum} is ${verplaatst ? 'moved' : 'cancelled'}`,
    email: paragraphs(
      verplaatst
        ? `The Eigen Kracht conference for ${familie} on ${when(conferentie)} has been moved. This email removes the appointment from your calendar; the new date comes in a separate email.`
        : `The Eigen Kracht conference for ${familie} on ${when(conferentie)} will not take place. This email removes the appointment from your calendar.`,
      questions(coordinator),
    ),
    sms: `Eigen Kracht: the conference on ${conferentie.kort} ${verplaatst ? 'has been moved.' : 'will not take place.'}`,
  }),
  'conferentie.vervallen.coordinator': ({ zaakRef, datum, kort, plaats, verplaatst, link }) => ({
    onderwerp: `Case ${zaakRef}: conference of ${datum} ${verplaatst ? 'moved' : 'cancelled'}`,
    email: paragraphs(
      `The conference of case ${zaakRef} on ${datum}${plaats ? `, ${plaats}` : ''} ${verplaatst ? 'has been moved; the new date follows in a separate email' : 'will not take place'}. This email removes the appointment from your calendar.`,
      link,
    ),
    sms: `Eigen Kracht: case ${zaakRef}, conference on ${kort} ${verplaatst ? 'moved' : 'cancelled'}. ${link}`,
  }),
  'aanwezigheid.doorgegeven': ({ zaakRef, wie, komt, notitie, link }) => ({
    onderwerp: `Case ${zaakRef}: ${wie} ${komt ? 'will come' : 'cannot come'}`,
    email: paragraphs(
      `${wie} said through their link that they ${komt ? 'will come to the conference' : 'cannot come to the conference'}.`,
      notitie && 'They added a note: read it on the case page.',
      link,
    ),
    sms: `Eigen Kracht: case ${zaakRef}, an invitee ${komt ? 'will come' : 'cannot come'}. ${link}`,
  }),
  'plan.aanvaard': ({ herzien, plan, coordinator, familie, links }) => ({
    onderwerp: herzien ? `The revised plan of ${familie}` : `The plan of ${familie}`,
    email: paragraphs(
      plan.alleenEigenDeel
        ? `The ${herzien ? 'revised ' : ''}plan of ${familie} stands. The plan belongs to the family and the network; the help follows it.`
        : herzien
          ? `The circle has revised the plan of ${familie}. This plan now applies.`
          : `This is the plan made at the Eigen Kracht conference for ${familie}. The plan belongs to the family and the network; the help follows it.`,
      planText(plan),
      linkLines(links),
      questions(coordinator),
    ),
    sms: `Eigen Kracht: ${herzien ? 'the revised plan' : 'the plan of the conference'} is ready.${links.plan ? ` Read it here: ${links.plan}` : ''}`,
  }),
  'vervolg.herinnering': ({ zaakRef, link }) => ({
    onderwerp: `Case ${zaakRef}: time for the follow-up`,
    email: `It is time to check how the plan of case ${zaakRef} is going (about four weeks after the conference).\n\n${link}`,
    sms: `Eigen Kracht: case ${zaakRef}, time for the follow-up of the plan. ${link}`,
  }),
  'evaluatie.herinnering': ({ datum, zaakRef, link }) => ({
    onderwerp: `Case ${zaakRef}: evaluation of the plan`,
    email:
      `The evaluation of the plan of case ${zaakRef} is on ${datum}. Record the outcome: ` +
      `close the case if the circle agrees, or choose a new date.\n\n${link}`,
    sms: `Eigen Kracht: case ${zaakRef}, evaluation of the plan on ${datum}. ${link}`,
  }),
  'vervolg.gepland': ({ coordinator, familie, links }) => ({
    onderwerp: `How is the plan of ${familie} going?`,
    email: paragraphs(
      `Coordinator ${coordinator.naam} will soon contact you to hear how the plan of ${familie} is going.`,
      linkLines(links),
      questions(coordinator),
    ),
    sms: `Eigen Kracht: the coordinator will call soon about the plan.${links['niet-goed'] ? ` Not going well? ${links['niet-goed']}` : ''}`,
  }),
  'voortgangsgesprek.herinnering': ({ datum, coordinator, familie, links }) => ({
    onderwerp: `Reminder: progress meeting on the plan of ${familie} on ${datum}`,
    email: paragraphs(
      `A reminder: the progress meeting on the plan of ${familie} is on ${datum}. The appointment comes with this email as a calendar invitation.`,
      linkLines(links),
      questions(coordinator),
    ),
    sms: `Eigen Kracht: the progress meeting on the plan is on ${datum}.`,
  }),
  'voortgangsgesprek.herinnering.coordinator': ({ zaakRef, datum, link }) => ({
    onderwerp: `Case ${zaakRef}: progress meeting on ${datum}`,
    email: `A reminder: the progress meeting of case ${zaakRef} is on ${datum}. Record it once it has been held.\n\n${link}`,
    sms: `Eigen Kracht: case ${zaakRef}, progress meeting on ${datum}. ${link}`,
  }),
  'niet-goed': ({ coordinator, familie, links }) => ({
    onderwerp: 'Things are not going well: will you call the network together?',
    email: paragraphs(
      `Someone reported that the plan of ${familie} is not going well. The network chose you to call the circle together when that is needed. Will you do so?`,
      linkLines(links),
      `Coordinator ${coordinator.naam} is glad to help: ${coordinator.bereik}`,
      'Is someone in immediate danger? Call 112. Worried about domestic violence or child abuse: Veilig Thuis, 0800-2000 (free, day and night).',
    ),
    sms: `Eigen Kracht: the plan is not going well. Will you call the network together?${links.signaal ? ` ${links.signaal}` : ''}`,
  }),
  'signaal.opgepakt': ({ zaakRef, link }) => ({
    onderwerp: `Case ${zaakRef}: "things are not going well" taken up`,
    email: `The designated person of case ${zaakRef} said they will call the circle together.\n\n${link}`,
    sms: `Eigen Kracht: case ${zaakRef}, the designated person is calling the circle together. ${link}`,
  }),
  'kring.bijeen': ({ zaakRef, notitie, link }) => ({
    onderwerp: `Case ${zaakRef}: the circle has met`,
    email: paragraphs(
      `The designated person of case ${zaakRef} says the circle has met about "things are not going well".${notitie ? ' What the circle agreed is on the case page, with the signals.' : ''}`,
      'Record the meeting (who came, and a revised plan if there is one).',
      link,
    ),
    sms: `Eigen Kracht: case ${zaakRef}, the circle has met. Record the meeting. ${link}`,
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
