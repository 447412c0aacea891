// The portal's GraphQL operations, one per view. Optional parts of the graph (the journey
// domain) are asked for only when the served schema has them: see /portal/features.

const EVENT_FIELDS = `id title kind startsAt endsAt place onlineUrl isFull viewerRegistration { status }`;
const COURSE_FIELDS = `id title level estimatedMinutes`;

// The graph's default count (5): the portal shows what any client asking for recommendations gets.
const RECOMMENDATION_FIELDS = `recommendations {
  reason reasonCode
  item {
    __typename
    ... on Course { id title level estimatedMinutes }
    ... on Article { id title section url }
    ... on Post { id title type }
    ... on Event { id title kind startsAt onlineUrl }
  }
}`;

function journeyFields(features) {
  return `journey {
  stage atRisk accountTenureDays userTenureDays daysToRenewal
  reasons { code stage met text }
  riskReasons { code text }
  ${features.recommendations ? RECOMMENDATION_FIELDS : ''}
}`;
}

const ONBOARDING_FIELDS = `onboarding {
  stage progressPercent completedCount totalCount
  tasks { key title description done how completedAt signalValue signalTarget }
}`;

/** A customer's home: who they are, where they stand, their checklist, recommendations, learning and events. */
export function customerHomeQuery(features) {
  return `query PortalCustomerHome {
  viewer {
    role
    user {
      id name persona locale
      ${features.journey ? journeyFields(features) : ''}
      learning {
        xp level { number title nextLevelXp }
        enrollments(status: IN_PROGRESS, first: 3) { totalCount edges { node { id progress course { ${COURSE_FIELDS} } } } }
      }
      community { points rank }
    }
    account {
      id name segment tenureDays customerSince renewalDate seatsLicensed
      health { band score }
      ${features.onboarding ? ONBOARDING_FIELDS : ''}
    }
  }
  beginnerCourses: courses(filter: { level: BEGINNER }, first: 3) { edges { node { ${COURSE_FIELDS} } } }
  advancedCourses: courses(filter: { level: ADVANCED }, first: 3) { edges { node { ${COURSE_FIELDS} } } }
  customerStories: posts(filter: { types: [CUSTOMER_STORY] }, first: 3) { edges { node { id title createdAt } } }
  events(upcoming: true, first: 4) { totalCount edges { node { ${EVENT_FIELDS} } } }
}`;
}

/** A staff member's home: the accounts that need attention first, and what is coming up. */
export function staffHomeQuery() {
  return `query PortalStaffHome {
  viewer { role subject }
  accountsByHealth(first: 8) {
    totalCount
    edges { health { band score } node { id name segment tenureDays renewalDate owner { name } } }
  }
  events(upcoming: true, first: 4) { totalCount edges { node { ${EVENT_FIELDS} } } }
}`;
}

export const SEARCH = `query PortalSearch($query: String!, $filter: SearchFilter, $first: Int, $after: String) {
  search(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount
    countsByType { type count }
    pageInfo { hasNextPage endCursor }
    # Article.url is nullable and ExternalDocument.url is not: one response field needs one type, hence the aliases.
    edges { node {
      type
      highlights { field snippet }
      item {
        __typename
        ... on Post { id title }
        ... on Article { id title section articleUrl: url }
        ... on Course { id title level }
        ... on Event { id title startsAt onlineUrl }
        ... on Ticket { id subject status }
        ... on ExternalDocument { id title source documentUrl: url }
      }
    } }
  }
}`;

export const SEARCH_SUGGESTIONS = `query PortalSearchSuggestions($prefix: String!) {
  searchSuggestions(prefix: $prefix, first: 6) { text type }
}`;

/** Marks a checklist task done (or reopens it) and reads the checklist back as it now stands. */
export function setOnboardingTaskMutation(done) {
  const field = done ? 'completeOnboardingTask' : 'reopenOnboardingTask';
  return `mutation PortalSetOnboardingTask($accountId: ID!, $taskKey: String!) {
  ${field}(accountId: $accountId, taskKey: $taskKey) { taskKey markedDone account { id ${ONBOARDING_FIELDS} } }
}`;
}
