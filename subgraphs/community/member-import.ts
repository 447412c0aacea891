import type { Identity } from '../kit/auth';
import { errors } from '../kit/errors';
import { externalKeysOf, mapDuplicate, mergeUpdate, newId, newRecordFields, resolveExisting } from '../kit/records';
import { parseInput } from '../kit/validation';
import { upsertCommunityMemberInput } from './inputs';
import type { MemberDocument } from './model';
import { communityPolicy } from './policy';
import type { CommunityRepository } from './repository';

/**
 * Community profiles of people who joined on another platform (a Discourse forum): created before
 * their first post here, with the date they really joined, so influence counts them from then.
 */
export class MemberImporter {
  constructor(
    private readonly identity: Identity,
    private readonly repository: CommunityRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Creates the user's profile, or updates it (matched by user, then by external id). The earlier
   * joining date wins: whichever platform saw the person first tells when they joined.
   */
  async upsertMember(rawInput: unknown): Promise<MemberDocument> {
    communityPolicy.assertCanImport(this.identity);
    const input = parseInput(upsertCommunityMemberInput, rawInput, 'input');
    const externalIds = input.externalIds ?? [];
    const keys = externalKeysOf(externalIds);
    const existing = resolveExisting('community member', undefined, await this.repository.findMemberByUserId(input.userId), [
      await this.repository.findMemberByExternalKeys(keys),
    ]);
    const now = this.now();
    const what = `external id ${keys.join(', ')}`;
    if (existing) {
      if (existing.userId !== input.userId || existing.accountId !== input.accountId) {
        throw errors.conflict(`Community member ${existing._id} belongs to another user or account`, { ids: [existing._id] });
      }
      const joinedAt = input.joinedAt && input.joinedAt < existing.joinedAt ? input.joinedAt : undefined;
      const syncedAt = this.identity.role === 'integration' ? now : undefined;
      const update = mergeUpdate<MemberDocument>({ displayName: input.displayName, joinedAt, updatedAt: now, syncedAt }, externalIds);
      const updated = await mapDuplicate(what, () => this.repository.updateMember(existing._id, update));
      if (!updated) throw errors.notFound('CommunityMember', existing._id);
      return updated;
    }
    if (!input.displayName) {
      throw errors.badUserInput([{ field: 'input.displayName', message: 'is required to create a community profile' }]);
    }
    const member: MemberDocument = {
      _id: newId('mem'),
      userId: input.userId,
      accountId: input.accountId,
      displayName: input.displayName,
      joinedAt: input.joinedAt ?? now,
      points: 0,
      badges: [],
      hasPublicContent: false,
      ...newRecordFields(this.identity, externalIds, now),
    };
    await mapDuplicate(`${what} or user ${input.userId}`, () => this.repository.insertMember(member));
    return member;
  }
}
