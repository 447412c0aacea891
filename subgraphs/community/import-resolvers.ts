import type { ResolverMap } from '../kit/subgraph-service';
import { parseInput } from '../kit/validation';
import type { ExternalIdLookups } from './external-lookups';
import { externalIdLookupArgs } from './inputs';
import type { MemberImporter } from './member-import';
import type { ReplyDocument } from './model';
import type { ReplyEditor } from './reply-editing';
import type { CommunityContext } from './resolvers';

/** What mirroring another community platform adds to a request: lookups by its ids, reply edits, profiles. */
export interface CommunityImportContext {
  externalIdLookups: ExternalIdLookups;
  replyEditor: ReplyEditor;
  memberImporter: MemberImporter;
}

/** Thin: validate arguments, hand over to the services, which authorize. */
export const communityImportResolvers: ResolverMap<CommunityContext & CommunityImportContext> = {
  Query: {
    postByExternalId: async (_parent, args: unknown, { externalIdLookups, community }) => {
      const post = await externalIdLookups.post(parseInput(externalIdLookupArgs, args));
      if (post) community.remember({ post });
      return post;
    },
    replyByExternalId: async (_parent, args: unknown, { externalIdLookups, community }) => {
      const reply = await externalIdLookups.reply(parseInput(externalIdLookupArgs, args));
      if (reply) community.remember({ reply });
      return reply;
    },
  },
  Mutation: {
    updateReply: async (_parent, args: { id: unknown; input: unknown }, { replyEditor, community }) => {
      const reply = await replyEditor.updateReply(args.id, args.input);
      community.remember({ reply });
      return reply;
    },
    deleteReply: (_parent, args: { id: unknown }, { replyEditor }) => replyEditor.deleteReply(args.id),
    upsertCommunityMember: (_parent, args: { input: unknown }, { memberImporter }) => memberImporter.upsertMember(args.input),
  },
  Reply: {
    externalIds: (reply: ReplyDocument, _args, { community }) => {
      community.assertCanSeeInternalFields();
      return reply.externalIds ?? [];
    },
  },
};
