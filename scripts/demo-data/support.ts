import type { ArticleDocument, ArticleViewDayDocument, TicketDocument } from '../../subgraphs/support/model';
import type { DomainContext } from './context';
import { createRandom } from './random';
import { generateArticles } from './support-articles';
import { generateAccountTickets, type TicketGeneration } from './support-tickets';
import { generateArticleViewDays } from './support-views';

/** The support subgraph's demo documents. */
export interface SupportDemoData {
  tickets: TicketDocument[];
  articles: ArticleDocument[];
  articleViewDays: ArticleViewDayDocument[];
}

/** Keeps support's randomness apart from every other domain's. */
const SUPPORT_SEED_OFFSET = 303;
/** Help-desk ticket ids count up from here, as in a help desk that has been in use for years. */
const FIRST_ZENDESK_TICKET_ID = 120_001;

/**
 * Deterministic support demo data for the accounts and users in `context`: about 30 help-center
 * articles in Japanese and English, 5–40 tickets per account at demo scale (30–90, about
 * 120,000 in all, at bench scale) and the daily article views behind the self-service rate.
 */
export function generateSupportDemoData(context: DomainContext): SupportDemoData {
  const random = createRandom(context.seed + SUPPORT_SEED_OFFSET);
  let zendeskTicketId = FIRST_ZENDESK_TICKET_ID;
  const generation: TicketGeneration = {
    random,
    now: context.now,
    scale: context.scale,
    nextZendeskId: () => String(zendeskTicketId++),
  };
  const data: SupportDemoData = { tickets: [], articles: generateArticles(random, context.now), articleViewDays: [] };
  for (const profile of context.profiles) {
    for (const ticket of generateAccountTickets(generation, profile)) data.tickets.push(ticket);
    for (const day of generateArticleViewDays(random, context.now, profile)) data.articleViewDays.push(day);
  }
  return data;
}
