import { buildEvent, buildMember, buildRegistration, communityRepository, daysAgo, seedCommunity } from '../helpers/community';
import { readWholeFeed } from '../helpers/content-feed';
import { buildAccount, buildUser } from '../helpers/factories';
import { seedAccounts } from '../helpers/seed';
import { startStack, type Stack } from '../helpers/stack';
import { daysFromNow } from '../helpers/time';

const EVENT_FIELDS = 'id title description kind locale startsAt endsAt place onlineUrl capacity registeredCount isFull cancelledAt';
const CREATE_EVENT = `mutation($input: CreateEventInput!) { createEvent(input: $input) { ${EVENT_FIELDS} } }`;
const UPDATE_EVENT = `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { ${EVENT_FIELDS} } }`;
const CANCEL_EVENT = `mutation($id: ID!) { cancelEvent(id: $id) { id cancelledAt registeredCount registrations { totalCount } } }`;
const UPCOMING = `{ events(upcoming: true, first: 100) { edges { node { id } } } }`;
const ALL_EVENTS = `{ events(first: 100) { edges { node { id cancelledAt } } } }`;
const REGISTER = `mutation($eventId: ID!) { registerForEvent(eventId: $eventId) { id status } }`;

describe('staff running community events', () => {
  let stack: Stack;
  const account = buildAccount();
  const attendee = buildUser(account);
  const latecomer = buildUser(account);
  const attendeeMember = buildMember(attendee);
  const webinar = buildEvent({ title: 'Dashboards webinar', startsAt: daysFromNow(10), capacity: 100, registeredCount: 1 });
  const meetup = buildEvent({ title: 'Kyoto meetup', kind: 'MEETUP', place: 'Kyoto', onlineUrl: null, startsAt: daysFromNow(12) });
  const pastMeetup = buildEvent({ title: 'Past meetup', kind: 'MEETUP', place: 'Nagoya', onlineUrl: null, startsAt: daysAgo(30) });
  const registration = buildRegistration(webinar, attendee, attendeeMember);
  const newWebinar = {
    title: 'Advanced reporting',
    description: 'Build reports that answer real questions.',
    kind: 'WEBINAR',
    startsAt: daysFromNow(20).toISOString(),
    endsAt: new Date(daysFromNow(20).getTime() + 3_600_000).toISOString(),
    onlineUrl: 'https://events.example.com/advanced-reporting',
    capacity: 200,
  };

  beforeAll(async () => {
    stack = await startStack();
    await seedAccounts(stack, [account], [attendee, latecomer]);
    await seedCommunity(stack, { members: [attendeeMember], events: [webinar, meetup, pastMeetup], registrations: [registration] });
  });
  afterAll(() => stack.stop());

  const customer = (user = attendee) => stack.customerToken(user.accountId, user._id);
  const storedEvents = () => communityRepository(stack).events.find({}, { sort: { _id: 1 } }).toArray();

  /** Runs a mutation and checks that no event changed, whatever the error. */
  async function refused(mutation: string, token: string, variables: Record<string, unknown>) {
    const before = await storedEvents();
    const result = await stack.query<any>(mutation, { token, variables });
    expect(await storedEvents()).toEqual(before);
    expect(result.errors).toHaveLength(1);
    return result.errors?.[0];
  }

  it('lets staff create an event that customers then see among upcoming events', async () => {
    const created = await stack.query<any>(CREATE_EVENT, { token: await stack.staffToken(), variables: { input: newWebinar } });
    expect(created.errors).toBeUndefined();
    expect(created.data.createEvent).toEqual({
      ...newWebinar,
      id: expect.stringMatching(/^evt_/),
      locale: 'en-US',
      place: null,
      registeredCount: 0,
      isFull: false,
      cancelledAt: null,
    });
    const upcoming = await stack.query<any>(UPCOMING, { token: await customer() });
    expect(upcoming.data.events.edges.map((edge: any) => edge.node.id)).toContain(created.data.createEvent.id);
  });

  it('lets an integration with community:write create a meetup, with the locale taken from a Japanese title', async () => {
    const input = {
      title: '大阪ユーザー会',
      description: '事例紹介と懇親会',
      kind: 'MEETUP',
      startsAt: daysFromNow(30).toISOString(),
      endsAt: new Date(daysFromNow(30).getTime() + 7_200_000).toISOString(),
      place: '大阪・梅田',
    };
    const created = await stack.query<any>(CREATE_EVENT, { token: await stack.integrationToken(['community:write']), variables: { input } });
    expect(created.errors).toBeUndefined();
    expect(created.data.createEvent).toMatchObject({ locale: 'ja-JP', place: '大阪・梅田', onlineUrl: null, capacity: null });
  });

  it('refuses event administration to customers and to integrations that may only read', async () => {
    for (const token of [await customer(), await stack.integrationToken(['community:read'])]) {
      expect((await refused(CREATE_EVENT, token, { input: newWebinar }))?.extensions?.['code']).toBe('FORBIDDEN');
      expect((await refused(UPDATE_EVENT, token, { id: webinar._id, input: { title: 'Taken over' } }))?.extensions?.['code']).toBe('FORBIDDEN');
      expect((await refused(CANCEL_EVENT, token, { id: webinar._id }))?.extensions?.['code']).toBe('FORBIDDEN');
    }
  });

  const later = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
  it.each([
    ['an empty title', { title: ' ' }, 'input.title'],
    ['a description over 5,000 characters', { description: 'x'.repeat(5_001) }, 'input.description'],
    ['a malformed locale', { locale: 'english' }, 'input.locale'],
    ['an end before the start', { endsAt: later(newWebinar.startsAt, -1) }, 'input.endsAt'],
    ['an end equal to the start', { endsAt: newWebinar.startsAt }, 'input.endsAt'],
    ['a negative capacity', { capacity: -1 }, 'input.capacity'],
    ['a link that is not https', { onlineUrl: 'http://events.example.com/x' }, 'input.onlineUrl'],
    ['a link that is not a link', { onlineUrl: 'join us online' }, 'input.onlineUrl'],
    ['a webinar without a link', { onlineUrl: null }, 'input.onlineUrl'],
    ['a webinar with a place', { place: 'Tokyo' }, 'input.place'],
    ['a meetup without a place', { kind: 'MEETUP', onlineUrl: null }, 'input.place'],
  ])('refuses to create an event with %s, naming the field and storing nothing', async (_name, change, field) => {
    const error = await refused(CREATE_EVENT, await stack.staffToken(), { input: { ...newWebinar, ...change } });
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('lets staff change an event, moving its updatedAt and keeping its registrations', async () => {
    const result = await stack.query<any>(UPDATE_EVENT, {
      token: await stack.staffToken(),
      variables: { id: webinar._id, input: { title: 'Dashboards webinar (extended)', capacity: null, endsAt: later(webinar.endsAt.toISOString(), 1) } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.updateEvent).toMatchObject({
      id: webinar._id,
      title: 'Dashboards webinar (extended)',
      description: webinar.description,
      capacity: null,
      registeredCount: 1,
      endsAt: later(webinar.endsAt.toISOString(), 1),
    });
    const stored = await communityRepository(stack).events.findOne({ _id: webinar._id });
    expect(stored!.updatedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('lets staff turn a meetup into a webinar when the place goes and a link comes', async () => {
    const result = await stack.query<any>(UPDATE_EVENT, {
      token: await stack.staffToken(),
      variables: { id: meetup._id, input: { kind: 'WEBINAR', place: null, onlineUrl: 'https://events.example.com/kyoto-online' } },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.updateEvent).toMatchObject({ kind: 'WEBINAR', place: null, onlineUrl: 'https://events.example.com/kyoto-online' });
  });

  it.each([
    ['no field to change', {}, 'input'],
    ['a start after the stored end', { startsAt: daysFromNow(400).toISOString() }, 'input.endsAt'],
    ['a kind that no longer fits the stored link', { kind: 'MEETUP', place: 'Kobe' }, 'input.onlineUrl'],
    ['a cleared link on a webinar', { onlineUrl: null }, 'input.onlineUrl'],
    ['a capacity below zero', { capacity: -5 }, 'input.capacity'],
  ])('refuses an update with %s, naming the field and changing nothing', async (_name, input, field) => {
    const error = await refused(UPDATE_EVENT, await stack.staffToken(), { id: webinar._id, input });
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('answers NOT_FOUND for an unknown event', async () => {
    const token = await stack.staffToken();
    expect((await refused(UPDATE_EVENT, token, { id: 'evt_missing', input: { title: 'x' } }))?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect((await refused(CANCEL_EVENT, token, { id: 'evt_missing' }))?.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('cancels an event: registrations stay, upcoming lists drop it, the full list keeps it', async () => {
    const result = await stack.query<any>(CANCEL_EVENT, { token: await stack.staffToken(), variables: { id: webinar._id } });
    expect(result.errors).toBeUndefined();
    expect(result.data.cancelEvent).toMatchObject({ id: webinar._id, registeredCount: 1, registrations: { totalCount: 1 } });
    expect(Date.parse(result.data.cancelEvent.cancelledAt)).toBeGreaterThan(Date.now() - 60_000);
    const upcoming = await stack.query<any>(UPCOMING, { token: await customer() });
    expect(upcoming.data.events.edges.map((edge: any) => edge.node.id)).not.toContain(webinar._id);
    const all = await stack.query<any>(ALL_EVENTS, { token: await customer() });
    expect(all.data.events.edges.find((edge: any) => edge.node.id === webinar._id)?.node.cancelledAt).toBe(result.data.cancelEvent.cancelledAt);
    const { changes: feed } = await readWholeFeed(stack, 'eventChanges', await stack.staffToken(), { first: 1000 });
    expect(feed.at(-1)).toMatchObject({ id: webinar._id, removed: true });
  });

  it('refuses new registrations for a cancelled event but still shows an existing registrant theirs', async () => {
    const before = await communityRepository(stack).registrations.countDocuments();
    const refusedRegistration = await stack.query<any>(REGISTER, { token: await customer(latecomer), variables: { eventId: webinar._id } });
    expect(refusedRegistration.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(refusedRegistration.errors?.[0]?.message).toMatch(/cancelled/);
    expect(await communityRepository(stack).registrations.countDocuments()).toBe(before);
    const existing = await stack.query<any>(REGISTER, { token: await customer(), variables: { eventId: webinar._id } });
    expect(existing.data.registerForEvent).toEqual({ id: registration._id, status: 'REGISTERED' });
  });

  it('returns a cancelled event unchanged when it is cancelled again, and refuses to change it', async () => {
    const token = await stack.staffToken();
    const stored = await communityRepository(stack).events.findOne({ _id: webinar._id });
    const again = await stack.query<any>(CANCEL_EVENT, { token, variables: { id: webinar._id } });
    expect(again.data.cancelEvent.cancelledAt).toBe(stored!.cancelledAt!.toISOString());
    expect((await refused(UPDATE_EVENT, token, { id: webinar._id, input: { title: 'Back on' } }))?.extensions?.['code']).toBe('CONFLICT');
  });

  it('refuses to cancel an event that has already ended', async () => {
    const error = await refused(CANCEL_EVENT, await stack.staffToken(), { id: pastMeetup._id });
    expect(error?.extensions?.['code']).toBe('CONFLICT');
    expect(error?.message).toMatch(/ended/);
  });
});
