// Sections every home page may show: learning, courses, community and events. Each takes the
// data of the home query and returns an element, or null when it has nothing to show.
import { el, formatDateTime, humanize } from './dom.js';

function card(name, title, ...children) {
  return el('section', { class: `card card-${name}`, dataset: { section: name, testid: `section-${name}` } }, el('h2', {}, title), ...children);
}

function courseItem(course, extra) {
  return el(
    'li',
    { class: 'course' },
    el('span', { class: 'course-title' }, course.title),
    el('span', { class: 'meta' }, `${humanize(course.level)} · ${course.estimatedMinutes} min`),
    extra,
  );
}

/** Level, experience and the courses in progress. */
export function learningSection(learning) {
  if (!learning) return null;
  const { level, xp } = learning;
  const enrollments = learning.enrollments.edges.map(({ node }) => node);
  const nextLevel = level.nextLevelXp
    ? el('p', { class: 'meta' }, `${level.nextLevelXp - xp} XP to level ${level.number + 1}`, el('progress', { max: level.nextLevelXp, value: xp }))
    : el('p', { class: 'meta' }, 'Top level reached');
  return card(
    'learning',
    'Your learning',
    el('p', { class: 'big-number' }, `Level ${level.number}`, el('span', { class: 'meta' }, ` ${level.title} · ${xp} XP`)),
    nextLevel,
    enrollments.length
      ? el('ul', { class: 'plain-list' }, enrollments.map((enrollment) =>
          courseItem(enrollment.course, el('progress', { max: 1, value: enrollment.progress, 'aria-label': `${Math.round(enrollment.progress * 100)}% done` }))))
      : el('p', { class: 'hint' }, 'No course in progress.'),
  );
}

/** Beginner courses early in the journey, advanced ones once the product is in daily use. */
export function coursesSection(courses, isAdvanced) {
  const list = courses?.edges.map(({ node }) => node) ?? [];
  if (!list.length) return null;
  return card(
    'courses',
    isAdvanced ? 'Go further: advanced courses' : 'Start with the basics',
    el('ul', { class: 'plain-list' }, list.map((course) => courseItem(course))),
  );
}

/** Points and rank; near the end of the journey, an invitation to tell the customer's story. */
export function communitySection(community, stories, isAdvocate) {
  const storyList = stories?.edges.map(({ node }) => node) ?? [];
  if (!community && !isAdvocate) return null;
  return card(
    'community',
    isAdvocate ? 'Share your story' : 'Community',
    community
      ? el('p', {}, el('span', { class: 'big-number' }, `${community.points} points`), el('span', { class: 'meta' }, `Rank: ${humanize(community.rank)}`))
      : el('p', { class: 'hint' }, 'You have not joined the community yet.'),
    isAdvocate ? el('p', {}, 'Customers like you are the best proof that the product works. Tell the community how your team uses it.') : null,
    isAdvocate && storyList.length
      ? el('div', {}, el('h3', {}, 'Stories from other customers'), el('ul', { class: 'plain-list' }, storyList.map((story) => el('li', {}, story.title))))
      : null,
  );
}

/** Upcoming meetups and webinars, with the user's own registration. */
export function eventsSection(events) {
  const list = events?.edges.map(({ node }) => node) ?? [];
  return card(
    'events',
    'Upcoming events',
    list.length
      ? el('ul', { class: 'plain-list', dataset: { testid: 'events' } }, list.map((event) =>
          el(
            'li',
            { class: 'event' },
            el('span', { class: 'event-date' }, formatDateTime(event.startsAt)),
            el('span', { class: 'event-title' }, event.onlineUrl ? el('a', { href: event.onlineUrl, rel: 'noopener noreferrer', target: '_blank' }, event.title) : event.title),
            el('span', { class: 'meta' }, [humanize(event.kind), event.place].filter(Boolean).join(' · ')),
            event.viewerRegistration ? el('span', { class: 'badge badge-ok' }, humanize(event.viewerRegistration.status)) : null,
            event.isFull ? el('span', { class: 'badge' }, 'Full') : null,
          )))
      : el('p', { class: 'hint' }, 'No upcoming events.'),
  );
}
