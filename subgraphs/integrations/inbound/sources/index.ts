import type { InboundSource } from '../inbound-source';
import { discourseSource } from './discourse';
import { stripeSource } from './stripe';
import { xapiSource } from './xapi';
import { zendeskSource } from './zendesk';

/** Every system the hub accepts events from; the integrations service answers their routes. */
export const INBOUND_SOURCES: readonly InboundSource[] = [stripeSource, zendeskSource, xapiSource, discourseSource];
