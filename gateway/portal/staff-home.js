// A customer-success colleague's home: the accounts whose health needs attention first.
import { eventsSection } from './content-sections.js';
import { el, formatDate, formatDays, humanize } from './dom.js';

function accountsSection(accountsByHealth) {
  const rows = accountsByHealth?.edges ?? [];
  return el(
    'section',
    { class: 'card card-wide card-prominent', dataset: { section: 'accounts', testid: 'section-accounts' } },
    el('h2', {}, 'Accounts by health, worst first'),
    rows.length
      ? el('table', { class: 'table' },
          el('thead', {}, el('tr', {}, ['Account', 'Health', 'Tenure', 'Renewal', 'Owner'].map((heading) => el('th', { scope: 'col' }, heading)))),
          el('tbody', {}, rows.map(({ node, health }) =>
            el('tr', {},
              el('td', {}, node.name, el('span', { class: 'meta' }, ` ${humanize(node.segment)}`)),
              el('td', {}, el('span', { class: `badge badge-${health.band.toLowerCase()}` }, `${humanize(health.band)} ${Math.round(health.score)}`)),
              el('td', {}, formatDays(node.tenureDays)),
              el('td', {}, formatDate(node.renewalDate)),
              el('td', {}, node.owner?.name ?? '—')))))
      : el('p', { class: 'hint' }, 'No account has a health score yet: run recomputeHealth, or wait for the schedule.'),
  );
}

export function renderStaffHome(data, name) {
  return {
    stage: null,
    hero: [
      el('p', { class: 'eyebrow' }, 'Customer success'),
      el('h1', {}, `Hello, ${name ?? data.viewer.subject}`),
      el('div', { class: 'facts' }, el('span', { class: 'fact', dataset: { testid: 'role' } }, 'Staff: you see every account')),
    ],
    sections: [accountsSection(data.accountsByHealth), eventsSection(data.events)],
  };
}
