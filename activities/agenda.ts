// Calendar invitations (iCalendar, RFC 5545/5546) carried by email: REQUEST puts the
// conference or a progress meeting in the recipient's calendar, CANCEL with a higher SEQUENCE
// takes it out again when the date moves or the case closes before it. The event's UID is
// stable per appointment, so a calendar matches the cancellation to the invitation.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export type Agendamethode = 'REQUEST' | 'CANCEL';

export interface Agendapunt {
  /** Stable per appointment: `conferentie.<voorstelId>` or `gesprek.<zaakId>.<moment>`. */
  uid: string;
  methode: Agendamethode;
  /** SEQUENCE: how many calendar messages about it the recipient had before. */
  volgnummer: number;
  titel: string;
  begin: Date;
  /** No fixed end time: a block long enough to keep the evening free. */
  uren: number;
  plaats?: string;
  /** The organiser RFC 5546 asks for: the coordinator, so replies reach a person. */
  organisator: { naam: string; email: string };
  deelnemer: { naam: string; email: string };
}

/** A calendar with one event, as text for an email's text/calendar part. */
export function agendatekst(punt: Agendapunt): string {
  const agenda = ical({
    prodId: { company: 'Eigen Kracht', product: 'kring', language: 'NL' },
    method: punt.methode === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  agenda.createEvent({
    id: `${punt.uid}@kring.eigen-kracht`,
    // Each later message supersedes the one before: RFC 5546 wants a higher sequence.
    sequence: punt.volgnummer,
    status: punt.methode === 'REQUEST' ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    start: punt.begin,
    end: new Date(punt.begin.getTime() + punt.uren * 3_600_000),
    // In UTC: every calendar shows it in its own zone, and no VTIMEZONE is needed.
    summary: punt.titel,
    location: punt.plaats,
    organizer: { name: punt.organisator.naam, email: punt.organisator.email },
    attendees: [{ name: punt.deelnemer.naam, email: punt.deelnemer.email, rsvp: false }],
  });
  return agenda.toString();
}

/** The METHOD an iCalendar text carries, for the email's content type. */
export function methodeVan(tekst: string): Agendamethode {
  return /^METHOD:CANCEL\r?$/m.test(tekst) ? 'CANCEL' : 'REQUEST';
}
