// The reference customer portal: pick a user (or paste a token), then a home page that follows
// the user's journey, and a search box. Every view is one GraphQL query through the gateway.
import { checklistSection, renderCustomerHome } from './customer-home.js';
import { el, fill, formatDays, humanize } from './dom.js';
import { createGraphqlClient, roleOfToken } from './graphql.js';
import { customerHomeQuery, setOnboardingTaskMutation, staffHomeQuery } from './queries.js';
import { mountSearch } from './search.js';
import { renderStaffHome } from './staff-home.js';

const byId = (id) => document.getElementById(id);
const view = {
  signIn: byId('sign-in'),
  home: byId('home'),
  demoUsersSection: byId('demo-users-section'),
  demoUsers: byId('demo-users'),
  tokenForm: byId('token-form'),
  tokenInput: byId('token-input'),
  tokenHint: byId('token-hint'),
  hero: byId('hero'),
  sections: byId('sections'),
  signedInAs: byId('signed-in-as'),
  switchUser: byId('switch-user'),
  status: byId('status'),
};

/** The signed-in user lives in memory only: a reload or "Switch user" forgets the token. */
const session = { token: null, name: null, request: null, accountId: null };
let features = { journey: false, recommendations: false, onboarding: false, completeOnboardingTask: false, reopenOnboardingTask: false };

function showStatus(message, kind = 'info') {
  view.status.textContent = message;
  view.status.dataset.kind = kind;
  view.status.hidden = !message;
}

function show(name) {
  view.signIn.hidden = name !== 'sign-in';
  view.home.hidden = name !== 'home';
  view.switchUser.hidden = name !== 'home';
  document.body.dataset.view = name;
}

/** An expired or refused token sends the user back to the sign-in with the reason. */
function handleFailure(error) {
  if (error.code === 'UNAUTHENTICATED') {
    signOut();
    showStatus(`Signed out: ${error.message}. Pick a user again.`, 'error');
    return;
  }
  showStatus(error.message, 'error');
}

function signOut() {
  Object.assign(session, { token: null, name: null, request: null, accountId: null });
  search.reset();
  view.signedInAs.textContent = '';
  delete document.body.dataset.stage;
  show('sign-in');
}

async function signIn(token, name) {
  Object.assign(session, { token, name, request: createGraphqlClient({ token }) });
  search.reset();
  showStatus('');
  await loadHome();
}

async function loadHome() {
  const isStaff = roleOfToken(session.token) === 'staff';
  try {
    const { data, errors } = await session.request(isStaff ? staffHomeQuery() : customerHomeQuery(features));
    if (errors.length) showStatus(`Some of the page could not be loaded: ${errors[0].message}`, 'error');
    if (!isStaff && !data.viewer.user) throw Object.assign(new Error('This token names no user of the hub'), { code: 'UNAUTHENTICATED' });
    const home = isStaff
      ? renderStaffHome(data, session.name)
      : renderCustomerHome(data, features, { onSetTask: setTask });
    session.accountId = data.viewer.account?.id ?? null;
    view.signedInAs.textContent = isStaff ? `${session.name ?? data.viewer.subject} · staff` : `${data.viewer.user.name} · ${data.viewer.account.name}`;
    if (home.stage) document.body.dataset.stage = home.stage;
    else delete document.body.dataset.stage;
    fill(view.hero, home.hero);
    fill(view.sections, home.sections);
    show('home');
  } catch (error) {
    handleFailure(error);
  }
}

/** Ticks off a checklist task by hand (or reopens it) and redraws the checklist the mutation returns. */
async function setTask(taskKey, done) {
  try {
    const { data } = await session.request(setOnboardingTaskMutation(done), { accountId: session.accountId, taskKey });
    const update = data.completeOnboardingTask ?? data.reopenOnboardingTask;
    const current = view.sections.querySelector('[data-section="checklist"]');
    const actions = { canComplete: features.completeOnboardingTask, canReopen: features.reopenOnboardingTask, onSetTask: setTask };
    const next = checklistSection(update.account.onboarding, current?.dataset.prominent === 'true', actions);
    if (current && next) {
      if (current.tagName === 'DETAILS' && current.open) next.open = true;
      current.replaceWith(next);
    }
    showStatus(done ? 'Task marked as done.' : 'Task reopened.');
  } catch (error) {
    handleFailure(error);
  }
}

function demoUserCard(user) {
  const account = user.account;
  const details = account
    ? [account.name, account.tenureDays === null ? 'not a customer yet' : `customer for ${formatDays(account.tenureDays)}`, humanize(user.persona)]
    : ['sees every account'];
  return el(
    'li',
    {},
    el(
      'button',
      { type: 'button', class: 'user-card', dataset: { testid: `demo-user-${user.kind}`, kind: user.kind }, onclick: () => void signIn(user.token, user.name) },
      el('span', { class: `badge badge-kind badge-${user.kind}` }, user.label),
      el('span', { class: 'user-name' }, user.name),
      el('span', { class: 'meta' }, details.filter(Boolean).join(' · ')),
    ),
  );
}

/** Demo users exist outside production only; in production the route answers 404 and a token is pasted instead. */
async function loadDemoUsers() {
  try {
    const response = await fetch('/portal/demo-users', { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { users } = await response.json();
    fill(view.demoUsers, users.map(demoUserCard));
    view.demoUsersSection.hidden = false;
  } catch {
    view.demoUsersSection.hidden = true;
    view.tokenHint.textContent = 'This hub offers no demo users (it runs in production, or cannot sign tokens). Paste a bearer token to sign in.';
  }
}

async function loadFeatures() {
  try {
    const response = await fetch('/portal/features');
    if (response.ok) features = await response.json();
  } catch {
    // Without the list, the page asks only for the fields every hub has.
  }
}

const search = mountSearch({
  form: byId('search-form'),
  input: byId('search-input'),
  suggestionsList: byId('search-suggestions'),
  results: byId('search-results'),
  request: (...args) => session.request(...args),
  onError: (message) => showStatus(message, 'error'),
});

view.tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const token = view.tokenInput.value.trim();
  view.tokenInput.value = '';
  if (token) void signIn(token, null);
});
view.switchUser.addEventListener('click', () => {
  signOut();
  showStatus('');
  void loadDemoUsers();
});

show('sign-in');
await Promise.all([loadFeatures(), loadDemoUsers()]);
document.body.dataset.ready = 'true';
