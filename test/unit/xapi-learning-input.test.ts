import { accountExternalId, describeActor, findLearner } from '../../subgraphs/integrations/inbound/sources/xapi/actor';
import { CMI5_PROGRESS_EXTENSION, toLearningStatement } from '../../subgraphs/integrations/inbound/sources/xapi/learning-statement';
import { storedStatementSchema } from '../../subgraphs/integrations/inbound/sources/xapi/statement-schema';
import type { GraphClient } from '../../subgraphs/kit/graph-client';
import { xapiSample } from '../fixtures/xapi/samples';

const STORED = '2026-03-02T09:30:00.000Z';
const stored = (statement: Record<string, unknown>) => {
  const payload = { ...statement, stored: STORED };
  return { payload, statement: storedStatementSchema.parse(payload) };
};
const learner = { userId: 'usr_1', accountId: 'acc_1' };

/** A graph that answers the actor look-ups from fixed users and records what was asked. */
function lookupGraph(): GraphClient & { asked: Array<Record<string, unknown>> } {
  const asked: Array<Record<string, unknown>> = [];
  return {
    asked,
    async request<T>(_query: string, variables: Record<string, unknown> = {}): Promise<T> {
      asked.push(variables);
      const found = { id: 'usr_1', account: { id: 'acc_1' } };
      if ('email' in variables) return { userByEmail: variables['email'] === 'joe@example.com' ? found : null } as T;
      return { userByExternalId: variables['id'] === 'http://www.example.com|13936749' ? found : null } as T;
    },
  };
}

describe('an xAPI statement as the learning subgraph records it', () => {
  it('maps the specification\'s attempted example: activity, result figures, times and the statement as sent', () => {
    const { payload, statement } = stored(xapiSample('xapi-statement-attempted-result.json'));
    expect(toLearningStatement(statement, payload, learner)).toEqual({
      id: '7ccd3322-e1a5-411a-a67d-6a735c76f119',
      userId: 'usr_1',
      accountId: 'acc_1',
      verbId: 'http://adlnet.gov/expapi/verbs/attempted',
      activityId: 'http://example.adlnet.gov/xapi/example/simpleCBT',
      voidedStatementId: null,
      result: { completion: true, success: true, scoreScaled: 0.95, scoreRaw: null, scoreMin: null, scoreMax: null, progress: null },
      timestamp: '2015-12-18T12:17:00.000Z',
      stored: STORED,
      json: JSON.stringify(payload),
    });
  });

  it('reads cmi5\'s progress extension (0–100) as a share', () => {
    const { payload, statement } = stored({
      ...xapiSample('xapi-statement-experienced.json'),
      verb: { id: 'http://adlnet.gov/expapi/verbs/progressed' },
      result: { extensions: { [CMI5_PROGRESS_EXTENSION]: 45 } },
    });
    expect(toLearningStatement(statement, payload, learner).result?.['progress']).toBe(0.45);
  });

  it('maps a voiding statement to the statement it voids, with no activity and possibly no learner', () => {
    const { payload, statement } = stored({
      id: 'a8e8fa1a-4c2f-4bd4-9d7e-2b8c1a7d8e01',
      actor: { account: { homePage: 'https://lms.example.com', name: 'admin' } },
      verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
      object: { objectType: 'StatementRef', id: 'D1EEC41F-1E93-4ED6-ACBF-5C4BD0C24269' },
    });
    expect(toLearningStatement(statement, payload, null)).toMatchObject({
      userId: null,
      accountId: null,
      activityId: null,
      voidedStatementId: 'd1eec41f-1e93-4ed6-acbf-5c4bd0c24269',
      timestamp: STORED,
    });
  });

  it('reads a timestamp without offset as UTC', () => {
    const { payload, statement } = stored({ ...xapiSample('xapi-statement-experienced.json'), timestamp: '2026-01-05T07:00:00' });
    expect(toLearningStatement(statement, payload, learner).timestamp).toBe('2026-01-05T07:00:00.000Z');
  });

  it('finds the user by e-mail for an mbox and by external id for an account', async () => {
    const graph = lookupGraph();
    expect(await findLearner({ mbox: 'mailto:joe@example.com' }, graph)).toEqual(learner);
    expect(await findLearner({ account: { homePage: 'http://www.example.com', name: '13936749' } }, graph)).toEqual(learner);
    expect(await findLearner({ mbox: 'mailto:nobody@example.com' }, graph)).toBeNull();
    expect(graph.asked).toEqual([
      { email: 'joe@example.com' },
      { source: 'xapi', id: 'http://www.example.com|13936749' },
      { email: 'nobody@example.com' },
    ]);
  });

  it('cannot match openid, mbox_sha1sum or anonymous groups, and asks the graph nothing for them', async () => {
    const graph = lookupGraph();
    expect(await findLearner({ openid: 'http://toby.openid.example.org/' }, graph)).toBeNull();
    expect(await findLearner({ mbox_sha1sum: 'ebd31e95054c018b10727ccffd2ef2ec3a016ee9' }, graph)).toBeNull();
    expect(await findLearner({ objectType: 'Group', member: [{ mbox: 'mailto:joe@example.com' }] }, graph)).toBeNull();
    expect(graph.asked).toEqual([]);
    expect(describeActor({ objectType: 'Group', member: [] })).toBe('an anonymous group');
  });

  it('keeps an LMS account as the external id `<homePage>|<name>` of source xapi', () => {
    expect(accountExternalId({ homePage: 'https://lms.example.com/', name: 'u-1' })).toEqual({ source: 'xapi', id: 'https://lms.example.com/|u-1' });
  });
});
