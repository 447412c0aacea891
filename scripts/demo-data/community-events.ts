import type { EventDocument, RegistrationDocument, RegistrationStatus } from '../../subgraphs/community/model';
import type { CommunityAuthor } from './community-members';
import { EVENT_TEXTS } from './community-texts';
import { DAY_MS, daysAfter, daysBefore, earliest, latest } from './dates';
import type { Language } from './names';
import type { Random } from './random';

const HOUR_MS = 3_600_000;

export interface EventVolume {
  pastEvents: number;
  upcomingEvents: number;
  /** Past events are spread over this many days before now. */
  pastWindowDays: number;
  /** Registrations of an event without a seat limit, at most. */
  maxOpenRegistrations: number;
}

/** Events alternate between Japanese and English; a title held again gets its edition number. */
function planEvents(random: Random, volume: EventVolume, now: Date): EventDocument[] {
  const total = volume.pastEvents + volume.upcomingEvents;
  const events: EventDocument[] = [];
  const editions = new Map<string, number>();
  for (let index = 0; index < total; index += 1) {
    const language: Language = index % 2 === 0 ? 'ja' : 'en';
    const texts = EVENT_TEXTS[language];
    const isPast = index < volume.pastEvents;
    // Upcoming events start over from the top of the list, so meetups come up as well as webinars.
    const position = isPast ? index : index - volume.pastEvents;
    const [title, description, place] = texts[Math.floor(position / 2) % texts.length] ?? ['', '', null];
    const edition = (editions.get(title) ?? 0) + 1;
    editions.set(title, edition);
    const day = isPast
      ? daysBefore(now, Math.round(((volume.pastEvents - index) / volume.pastEvents) * volume.pastWindowDays))
      : daysAfter(now, 7 + (index - volume.pastEvents) * 9);
    // 10:00 in Tokyo for Japanese events, 17:00 UTC (morning in America, evening in London) for English ones.
    const startsAt = new Date(Math.floor(day.getTime() / DAY_MS) * DAY_MS + (language === 'ja' ? 1 : 17) * HOUR_MS);
    const isMeetup = place !== null;
    const createdAt = earliest(daysBefore(startsAt, random.int(30, 60)), now);
    events.push({
      _id: '',
      title: edition > 1 ? `${title} #${edition}` : title,
      description,
      kind: isMeetup ? 'MEETUP' : 'WEBINAR',
      locale: language === 'ja' ? 'ja-JP' : 'en-US',
      startsAt,
      endsAt: new Date(startsAt.getTime() + (isMeetup ? 3 : 1) * HOUR_MS),
      place,
      onlineUrl: null,
      capacity: isMeetup ? random.int(30, 80) : random.chance(0.5) ? null : 500,
      registeredCount: 0,
      createdAt,
      updatedAt: createdAt,
    });
  }
  events.sort((first, second) => first.startsAt.getTime() - second.startsAt.getTime());
  events.forEach((event, index) => {
    event._id = `evt_${String(index + 1).padStart(4, '0')}`;
    if (event.kind === 'WEBINAR') event.onlineUrl = `https://events.customerhub.example/webinars/${event._id}`;
  });
  return events;
}

function statusOf(random: Random, event: EventDocument, author: CommunityAuthor, now: Date): RegistrationStatus {
  if (event.endsAt > now) return 'REGISTERED';
  // People at struggling accounts sign up and then often do not come.
  return random.chance(author.isAtRisk ? 0.3 : 0.7) ? 'ATTENDED' : 'MISSED';
}

/**
 * Meetups and webinars with their registrations: members register for events in their language,
 * past events record who attended. The first upcoming meetup is fully booked.
 */
export function generateEvents(random: Random, authors: readonly CommunityAuthor[], volume: EventVolume, now: Date) {
  const events = planEvents(random, volume, now);
  const byLanguage: Record<Language, CommunityAuthor[]> = { ja: [], en: [] };
  for (const author of authors) byLanguage[author.language].push(author);
  const registrations: RegistrationDocument[] = [];
  const fullMeetup = events.find((event) => event.kind === 'MEETUP' && event.startsAt > now);
  for (const event of events) {
    const pool = byLanguage[event.locale === 'ja-JP' ? 'ja' : 'en'];
    const wanted = event.capacity ?? volume.maxOpenRegistrations;
    const target = event === fullMeetup ? wanted : random.int(Math.floor(wanted / 3), wanted);
    const closesAt = earliest(now, new Date(event.startsAt.getTime() - HOUR_MS));
    for (const author of random.shuffle(pool)) {
      if (event.registeredCount >= Math.min(target, wanted)) break;
      if (author.isAtRisk && event !== fullMeetup && random.chance(0.7)) continue;
      // Registration opens when the event is announced.
      const opensAt = latest(author.member.joinedAt, event.createdAt);
      if (opensAt > closesAt) continue;
      const status = statusOf(random, event, author, now);
      registrations.push({
        _id: `reg_${String(registrations.length + 1).padStart(6, '0')}`,
        eventId: event._id,
        userId: author.member.userId,
        accountId: author.member.accountId,
        memberId: author.member._id,
        status,
        registeredAt: random.dateBetween(opensAt, closesAt),
        attendedAt: status === 'ATTENDED' ? event.startsAt : null,
      });
      event.registeredCount += 1;
    }
  }
  return { events, registrations };
}
