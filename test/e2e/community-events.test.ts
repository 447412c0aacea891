import { buildEvent, buildMember, buildRegistration, communityCounts, communityRepository, daysAgo, seedCommunity } from '../helpers/community';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { postGraphql, startStack, type Stack } from '../helpers/stack';

const EVENTS = `query($upcoming: Boolean, $first: Int, $after: String) {
  events(upcoming: $upcoming, first: $first, after: $after) {
    totalCount edges { node { id title } } pageInfo { hasNextPage endCursor }
  }
}`;
const EVENT = `query($id: ID!) { event(id: $id) {
  title kind capacity registeredCount isFull onlineUrl viewerRegistration { status }
} }`;
const REGISTER = `mutation($eventId: ID!) {
  registerForEvent(eventId: $eventId) { id status registeredAt member { displayName } user { id } event { id registeredCount onlineUrl viewerRegistration { id } } }
}`;

describe('community events and registrations', () => {
  let stack: Stack;
  const mine = buildAccount();
  const theirs = buildAccount();
  const me = buildUser(mine);
  const colleague = buildUser(mine);
  const stranger = buildUser(theirs);
  const crowd = Array.from({ length: 5 }, () => buildUser(theirs));
  const myMember = buildMember(me, { displayName: 'Hanako' });
  const strangerMember = buildMember(stranger, { displayName: 'Stranger' });
  const pastMeetup = buildEvent({ title: 'Past meetup', kind: 'MEETUP', place: 'Tokyo', onlineUrl: null, startsAt: daysAgo(20), capacity: 50, registeredCount: 2 });
  const olderWebinar = buildEvent({ title: 'Older webinar', startsAt: daysAgo(60), registeredCount: 1 });
  const webinar = buildEvent({ title: 'Next webinar', startsAt: daysAgo(-3) });
  const fullMeetup = buildEvent({ title: 'Full meetup', kind: 'MEETUP', place: 'Osaka', onlineUrl: null, startsAt: daysAgo(-5), capacity: 1, registeredCount: 1 });
  const startedWebinar = buildEvent({ title: 'Running webinar', startsAt: daysAgo(0.01) });
  const smallMeetup = buildEvent({ title: 'Small meetup', kind: 'MEETUP', place: 'Kyoto', onlineUrl: null, startsAt: daysAgo(-8), capacity: 3 });
  const registrations = [
    buildRegistration(pastMeetup, me, myMember, { status: 'ATTENDED', attendedAt: pastMeetup.startsAt }),
    buildRegistration(pastMeetup, stranger, strangerMember, { status: 'MISSED' }),
    buildRegistration(olderWebinar, stranger, strangerMember, { status: 'ATTENDED', attendedAt: olderWebinar.startsAt }),
    buildRegistration(fullMeetup, stranger, strangerMember),
  ];

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [mine, theirs], [me, colleague, stranger, ...crowd]);
    await seedCommunity(stack, {
      members: [myMember, strangerMember],
      events: [pastMeetup, olderWebinar, webinar, fullMeetup, startedWebinar, smallMeetup],
      registrations,
    });
  });
  afterAll(() => stack.stop());

  const customer = (user = me) => stack.customerToken(user.accountId, user._id);
  const titles = (result: any) => result.data.events.edges.map((edge: any) => edge.node.title);

  it('lists upcoming events soonest first and past events latest first', async () => {
    const token = await customer();
    const upcoming = await stack.query<any>(EVENTS, { token, variables: { upcoming: true } });
    expect(titles(upcoming)).toEqual(['Running webinar', 'Next webinar', 'Full meetup', 'Small meetup']);
    expect(upcoming.data.events.totalCount).toBe(4);
    const past = await stack.query<any>(EVENTS, { token, variables: { upcoming: false } });
    expect(titles(past)).toEqual(['Past meetup', 'Older webinar']);
    const all = await stack.query<any>(EVENTS, { token, variables: { first: 4 } });
    expect(all.data.events.totalCount).toBe(6);
    const rest = await stack.query<any>(EVENTS, { token, variables: { first: 4, after: all.data.events.pageInfo.endCursor } });
    expect([...titles(all), ...titles(rest)]).toEqual(['Small meetup', 'Full meetup', 'Next webinar', 'Running webinar', 'Past meetup', 'Older webinar']);
  });

  it('registers a customer once, however often they ask, and shows them the link to join', async () => {
    const before = await stack.query<any>(EVENT, { token: await customer(), variables: { id: webinar._id } });
    expect(before.data.event).toMatchObject({ registeredCount: 0, isFull: false, onlineUrl: null, viewerRegistration: null });
    const first = await stack.query<any>(REGISTER, { token: await customer(), variables: { eventId: webinar._id } });
    expect(first.errors).toBeUndefined();
    expect(first.data.registerForEvent).toMatchObject({
      status: 'REGISTERED',
      member: { displayName: 'Hanako' },
      user: { id: me._id },
      event: { id: webinar._id, registeredCount: 1, onlineUrl: webinar.onlineUrl, viewerRegistration: { id: first.data.registerForEvent.id } },
    });
    const second = await stack.query<any>(REGISTER, { token: await customer(), variables: { eventId: webinar._id } });
    expect(second.data.registerForEvent.id).toBe(first.data.registerForEvent.id);
    const after = await stack.query<any>(EVENT, { token: await customer(), variables: { id: webinar._id } });
    expect(after.data.event).toMatchObject({ registeredCount: 1, onlineUrl: webinar.onlineUrl, viewerRegistration: { status: 'REGISTERED' } });
    const colleagueView = await stack.query<any>(EVENT, { token: await customer(colleague), variables: { id: webinar._id } });
    expect(colleagueView.data.event).toMatchObject({ onlineUrl: null, viewerRegistration: null });
  });

  it('registers a customer without a community profile too', async () => {
    const result = await stack.query<any>(REGISTER, { token: await customer(colleague), variables: { eventId: smallMeetup._id } });
    expect(result.errors).toBeUndefined();
    expect(result.data.registerForEvent).toMatchObject({ status: 'REGISTERED', member: null, user: { id: colleague._id } });
  });

  it.each([
    ['a full event', () => fullMeetup._id, 'CONFLICT'],
    ['an event that has started', () => startedWebinar._id, 'CONFLICT'],
    ['an event that is over', () => olderWebinar._id, 'CONFLICT'],
    ['an unknown event', () => 'evt_missing', 'NOT_FOUND'],
  ])('refuses to register for %s, storing nothing', async (_name, eventId, code) => {
    const before = await communityCounts(stack);
    const result = await stack.query<any>(REGISTER, { token: await customer(colleague), variables: { eventId: eventId() } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe(code);
    expect(await communityCounts(stack)).toEqual(before);
  });

  it('returns an existing registration even once the event is full', async () => {
    const result = await stack.query<any>(REGISTER, { token: await customer(stranger), variables: { eventId: fullMeetup._id } });
    expect(result.errors).toBeUndefined();
    expect(result.data.registerForEvent.id).toBe(registrations[3]!._id);
  });

  it('never registers more people than there are seats, even at once', async () => {
    const results = await Promise.all(
      crowd.map(async (user) => stack.query<any>(REGISTER, { token: await customer(user), variables: { eventId: smallMeetup._id } })),
    );
    // The colleague took one of the three seats earlier.
    expect(results.filter((result) => !result.errors)).toHaveLength(2);
    expect(results.filter((result) => result.errors?.[0]?.extensions?.['code'] === 'CONFLICT')).toHaveLength(3);
    const stored = await communityRepository(stack).events.findOne({ _id: smallMeetup._id });
    expect(stored?.registeredCount).toBe(3);
    expect(await communityRepository(stack).registrations.countDocuments({ eventId: smallMeetup._id })).toBe(3);
  });

  it('lets only customers register for events', async () => {
    for (const token of [await stack.staffToken(), await stack.integrationToken(['community:write'])]) {
      const result = await stack.query<any>(REGISTER, { token, variables: { eventId: webinar._id } });
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
  });

  it('shows staff the attendees and registrations, and keeps them from customers', async () => {
    const query = `query($id: ID!) { event(id: $id) {
      onlineUrl attendeeCount registrations(first: 10) { totalCount edges { node { status attendedAt user { id } account { id } member { displayName } } } }
    } }`;
    const staff = await stack.query<any>(query, { token: await stack.staffToken(), variables: { id: pastMeetup._id } });
    expect(staff.errors).toBeUndefined();
    expect(staff.data.event.attendeeCount).toBe(1);
    expect(staff.data.event.registrations.totalCount).toBe(2);
    expect(staff.data.event.registrations.edges.map((edge: any) => edge.node.status).sort()).toEqual(['ATTENDED', 'MISSED']);
    const customerResult = await stack.query<any>(query, { token: await customer(), variables: { id: pastMeetup._id } });
    expect(customerResult.data.event).toEqual({ onlineUrl: null, attendeeCount: null, registrations: null });
    expect(customerResult.errors?.map((error) => error.extensions?.['code'])).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const attendance = await stack.query<any>(`query($id: ID!) { event(id: $id) { title viewerRegistration { status attendedAt } } }`, {
      token: await customer(),
      variables: { id: pastMeetup._id },
    });
    expect(attendance.data.event).toEqual({ title: 'Past meetup', viewerRegistration: { status: 'ATTENDED', attendedAt: pastMeetup.startsAt.toISOString() } });
  });

  it('keeps events from integrations without a community scope and from callers without a token', async () => {
    const other = await stack.query<any>(EVENTS, { token: await stack.integrationToken(['accounts:read']) });
    expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    for (const url of [stack.gatewayUrl, stack.subgraphUrls['community']!]) {
      const result = await postGraphql(url, EVENTS);
      expect(result.status).toBe(401);
    }
  });

  it('resolves Event _entities for any customer when the subgraph is called directly', async () => {
    const result = await postGraphql<any>(
      stack.subgraphUrls['community']!,
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Event { title attendeeCount } } }`,
      { token: await customer(stranger), variables: { representations: [{ __typename: 'Event', id: webinar._id }] } },
    );
    expect(result.data._entities[0]).toEqual({ title: 'Next webinar', attendeeCount: null });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});
