import type { InboundSource } from '../../inbound-source';
import { applyZendeskEvent } from './apply';
import { receiveZendesk } from './receive';

/**
 * Zendesk: signed event webhooks (ticket and Help Center article events) and trigger webhooks
 * whose body carries a ticket, mapped onto support's tickets and articles, with requesters and
 * organizations resolved to the hub's users and accounts by their Zendesk ids.
 */
export const zendeskSource: InboundSource = {
  name: 'zendesk',
  routes: ['POST /webhooks/zendesk'],
  receive: receiveZendesk,
  apply: applyZendeskEvent,
};
