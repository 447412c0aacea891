import { z } from 'zod';
import { iri } from './xapi-fields';

/**
 * Who a statement is about: an Agent identified by exactly one inverse functional identifier
 * (IFI: mbox, mbox_sha1sum, openid or account), or a Group, identified by one IFI or anonymous
 * and listing its members.
 */

const IFI_KEYS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
const ONE_IFI = 'must be identified by exactly one of mbox, mbox_sha1sum, openid or account';

const agentFields = {
  name: z.string('must be text').optional(),
  mbox: z.string().regex(/^mailto:[^\s@]+@[^\s@]+$/i, 'must be mailto: followed by an e-mail address').optional(),
  mbox_sha1sum: z.string().regex(/^[0-9a-f]{40}$/i, 'must be 40 hexadecimal digits').optional(),
  openid: iri.optional(),
  account: z.looseObject({ homePage: iri, name: z.string('must be text').min(1, 'must not be empty') }, 'must be an object').optional(),
};

const ifiCount = (agent: Partial<Record<(typeof IFI_KEYS)[number], unknown>>) => IFI_KEYS.filter((key) => agent[key] !== undefined).length;

const agent = z
  .looseObject({ objectType: z.literal('Agent', 'must be Agent').optional(), ...agentFields }, 'must be an object')
  .superRefine((value, context) => {
    if (ifiCount(value) !== 1) context.addIssue({ code: 'custom', message: ONE_IFI });
  });

export const actorSchema = z
  .looseObject(
    { objectType: z.enum(['Agent', 'Group'], 'must be Agent or Group').optional(), ...agentFields, member: z.array(agent).optional() },
    'must be an object',
  )
  .superRefine((value, context) => {
    const count = ifiCount(value);
    if (value.objectType !== 'Group') {
      if (count !== 1) context.addIssue({ code: 'custom', message: ONE_IFI });
      if (value.member !== undefined) context.addIssue({ code: 'custom', path: ['member'], message: 'only a Group has members' });
      return;
    }
    if (count > 1) context.addIssue({ code: 'custom', message: 'a Group has at most one of mbox, mbox_sha1sum, openid or account' });
    if (count === 0 && !value.member?.length) {
      context.addIssue({ code: 'custom', path: ['member'], message: 'an anonymous Group must list its members' });
    }
  });
export type XapiActor = z.output<typeof actorSchema>;
