// A customer's home page. Its shape follows the user's journey stage: the onboarding checklist
// leads in the first weeks, learning and the community later, the renewal near renewal.
import { communitySection, coursesSection, eventsSection, learningSection } from './content-sections.js';
import { el, formatDate, formatDays, humanize } from './dom.js';
import { recommendationsSection } from './recommendations.js';

/** What the page says first, per stage. */
const STAGE_LEADS = {
  ONBOARDING: (account) => `Welcome aboard! Let's get ${account.name} set up: your checklist comes first.`,
  ADOPTION: () => 'You are building the habit. The courses below take your team further.',
  VALUE: () => 'Your team gets real value from the product. Go deeper with advanced courses and the community.',
  RENEWAL: (account, days) => `${account.name} renews on ${formatDate(account.renewalDate)}${days === null ? '' : `, in ${formatDays(days)}`}. Here is where you stand.`,
  ADVOCACY: () => 'Thank you for being a champion. Others learn from customers like you.',
};

/**
 * Which sections a stage shows, in order; the first is the one that matters most now. The
 * recommendations come right after it: they are picked for this user at this stage, so they say
 * what to do next better than the general lists below them.
 */
const SECTION_ORDER = {
  ONBOARDING: ['checklist', 'recommendations', 'events', 'courses', 'learning'],
  ADOPTION: ['learning', 'recommendations', 'courses', 'checklist', 'events', 'community'],
  VALUE: ['learning', 'recommendations', 'courses', 'community', 'events', 'checklist'],
  RENEWAL: ['renewal', 'recommendations', 'checklist', 'learning', 'events', 'community'],
  ADVOCACY: ['community', 'recommendations', 'events', 'learning', 'courses', 'checklist'],
};
/** Without the journey domain in the graph (or for a stage the page does not know), every section in a neutral order. */
const DEFAULT_ORDER = ['checklist', 'recommendations', 'learning', 'courses', 'events', 'community'];
const ADVANCED_STAGES = new Set(['VALUE', 'RENEWAL', 'ADVOCACY']);

function reasonList(reasons, testid) {
  return el('ul', { class: 'reasons', dataset: { testid } }, reasons.map((reason) =>
    el('li', { class: reason.met === false ? 'reason reason-unmet' : 'reason' }, reason.text)));
}

function hero(user, account, journey) {
  const stage = journey?.stage ?? null;
  const deciding = journey ? journey.reasons.filter((reason) => reason.met && reason.stage === stage) : [];
  const daysToRenewal = journey?.daysToRenewal ?? null;
  return [
    el('p', { class: 'eyebrow' }, account.name),
    el('h1', {}, `Hello, ${user.name}`),
    el(
      'div',
      { class: 'facts' },
      stage ? el('span', { class: `stage-badge stage-${stage.toLowerCase()}`, dataset: { testid: 'stage', stage } }, humanize(stage)) : null,
      el('span', { class: 'fact', dataset: { testid: 'account-tenure', days: account.tenureDays ?? '' } },
        account.tenureDays === null ? 'Not a customer yet' : `Customer for ${formatDays(account.tenureDays)}`),
      journey ? el('span', { class: 'fact', dataset: { testid: 'user-tenure', days: journey.userTenureDays } }, `You joined ${formatDays(journey.userTenureDays)} ago`) : null,
      journey?.atRisk ? el('span', { class: 'badge badge-risk', dataset: { testid: 'at-risk' } }, 'At risk') : null,
    ),
    stage ? el('p', { class: 'lead' }, STAGE_LEADS[stage]?.(account, daysToRenewal) ?? '') : null,
    deciding.length ? el('div', { class: 'why' }, el('h2', { class: 'small-title' }, `Why ${humanize(stage).toLowerCase()}`), reasonList(deciding, 'stage-reasons')) : null,
    journey?.atRisk && journey.riskReasons.length
      ? el('div', { class: 'why why-risk' }, el('h2', { class: 'small-title' }, 'What puts the account at risk'), reasonList(journey.riskReasons, 'risk-reasons'))
      : null,
    journey ? el('details', { class: 'all-reasons' }, el('summary', {}, 'Every rule the playbook checked'), reasonList(journey.reasons, 'all-reasons')) : null,
  ];
}

function taskItem(task, { canComplete, canReopen, onSetTask }) {
  const progress = task.signalTarget ? `${Math.min(task.signalValue ?? 0, task.signalTarget)} of ${task.signalTarget}` : null;
  const how = task.done ? (task.how === 'MANUAL' ? `Marked done ${formatDate(task.completedAt)}` : 'Done automatically') : progress;
  const action = !task.done && canComplete
    ? el('button', { class: 'button button-small', type: 'button', dataset: { testid: `complete-${task.key}` }, onclick: () => onSetTask(task.key, true) }, 'Mark as done')
    : task.done && task.how === 'MANUAL' && canReopen
      ? el('button', { class: 'button button-small button-quiet', type: 'button', onclick: () => onSetTask(task.key, false) }, 'Reopen')
      : null;
  return el(
    'li',
    { class: task.done ? 'task task-done' : 'task', dataset: { task: task.key, done: String(task.done) } },
    el('span', { class: 'task-check', 'aria-hidden': 'true' }, task.done ? '✓' : ''),
    el('div', { class: 'task-body' }, el('span', { class: 'task-title' }, task.title), el('span', { class: 'meta' }, task.description), how ? el('span', { class: 'meta' }, how) : null),
    action,
  );
}

/**
 * The account's checklist. Open and first for a user in onboarding; for everyone else folded
 * away, so it is there without pushing aside what matters at their stage.
 */
export function checklistSection(checklist, isProminent, actions) {
  if (!checklist || checklist.totalCount === 0) return null;
  const title = checklist.stage === 'ONBOARDING' ? 'Your onboarding checklist' : `Your ${humanize(checklist.stage).toLowerCase()} checklist`;
  const progress = el('p', { class: 'meta' }, `${checklist.completedCount} of ${checklist.totalCount} done (${checklist.progressPercent}%)`,
    el('progress', { max: 100, value: checklist.progressPercent }));
  const tasks = el('ol', { class: 'tasks' }, checklist.tasks.map((task) => taskItem(task, actions)));
  const dataset = { section: 'checklist', testid: 'checklist', checklistStage: checklist.stage, prominent: String(isProminent) };
  if (isProminent) return el('section', { class: 'card card-checklist card-prominent', dataset }, el('h2', {}, title), progress, tasks);
  return el('details', { class: 'card card-checklist', dataset }, el('summary', {}, `${title}: ${checklist.progressPercent}% done`), progress, tasks);
}

function renewalSection(account, journey) {
  if (!account.renewalDate) return null;
  const health = account.health ? `${humanize(account.health.band)} (${Math.round(account.health.score)})` : 'Not scored yet';
  return el(
    'section',
    { class: 'card card-renewal card-prominent', dataset: { section: 'renewal', testid: 'section-renewal' } },
    el('h2', {}, 'Your renewal'),
    el('dl', { class: 'facts-list' },
      el('dt', {}, 'Renewal date'), el('dd', {}, formatDate(account.renewalDate)),
      el('dt', {}, 'Days left'), el('dd', {}, formatDays(journey?.daysToRenewal ?? null)),
      el('dt', {}, 'Seats licensed'), el('dd', {}, account.seatsLicensed ?? '—'),
      el('dt', {}, 'Account health'), el('dd', {}, health)),
    el('p', { class: 'hint' }, 'Your customer success manager will reach out before the renewal date to review your goals.'),
  );
}

/** The hero and the ordered sections of a customer's home. */
export function renderCustomerHome(data, features, actions) {
  const { user, account } = data.viewer;
  const journey = user.journey ?? null;
  const stage = journey?.stage ?? null;
  const order = SECTION_ORDER[stage] ?? DEFAULT_ORDER;
  const isAdvanced = ADVANCED_STAGES.has(stage);
  const taskActions = { canComplete: features.completeOnboardingTask, canReopen: features.reopenOnboardingTask, ...actions };
  const builders = {
    checklist: () => checklistSection(account.onboarding, stage === 'ONBOARDING', taskActions),
    renewal: () => renewalSection(account, journey),
    recommendations: () => recommendationsSection(journey?.recommendations),
    learning: () => learningSection(user.learning),
    courses: () => coursesSection(isAdvanced ? data.advancedCourses : data.beginnerCourses, isAdvanced),
    community: () => communitySection(user.community, data.customerStories, stage === 'ADVOCACY'),
    events: () => eventsSection(data.events),
  };
  return {
    stage,
    hero: hero(user, account, journey),
    sections: order.map((name) => builders[name]()).filter(Boolean),
  };
}
