import { CONTENT_AUDIENCES, CONTENT_TYPES } from '../../kit/content-feed';
import { FIELD_COUNT } from './posting-lists';
import { rankingBoost } from './ranking';
import type { IndexedDocument, SearchScope } from './search-index';

const PUBLIC = CONTENT_AUDIENCES.indexOf('PUBLIC');
const ACCOUNT = CONTENT_AUDIENCES.indexOf('ACCOUNT');
const NO_ACCOUNT = -1;
const INITIAL_CAPACITY = 1_024;

/** What a document's slot is told when it is taken: its terms' posting list keys and field lengths. */
export interface SlotContent {
  postingKeys: Int32Array;
  fieldLengths: readonly number[];
}

/**
 * Documents by slot number, the number posting lists refer to, with what scoring and filtering
 * read per match kept in typed arrays (kind, audience, account, field lengths). A changed document
 * takes a new slot and its old one is marked removed, so posting lists only ever grow at the end;
 * `compact` reclaims removed slots once they are many.
 */
export class DocumentSlots {
  capacity = INITIAL_CAPACITY;
  /** Slots taken so far, removed ones included. */
  count = 0;
  liveCount = 0;
  documents: Array<IndexedDocument | undefined> = [];
  postingKeys: Array<Int32Array | undefined> = [];
  isLive = new Uint8Array(INITIAL_CAPACITY);
  typeCodes = new Uint8Array(INITIAL_CAPACITY);
  audienceCodes = new Uint8Array(INITIAL_CAPACITY);
  accountCodes = new Int32Array(INITIAL_CAPACITY);
  /** Each slot's ranking boost (popularity and freshness) and the day it was computed for. */
  rankingBoosts = new Float64Array(INITIAL_CAPACITY);
  rankingBoostDays = new Float64Array(INITIAL_CAPACITY).fill(-1);
  /** Indexed words per field, slot × FIELD_COUNT + field. */
  fieldLengths = new Uint32Array(INITIAL_CAPACITY * FIELD_COUNT);
  /** Sum of the live documents' field lengths, per field: the average BM25 compares against. */
  readonly totalFieldLengths = new Float64Array(FIELD_COUNT);
  private readonly slotById = new Map<string, number>();
  private readonly accountCodeById = new Map<string, number>();

  slotOf(id: string): number | undefined {
    return this.slotById.get(id);
  }

  /** The account code a scope sees (NO_ACCOUNT matches nothing but public items). */
  accountCodeOf(scope: SearchScope): number {
    if (scope.everything || scope.accountId === null) return NO_ACCOUNT;
    return this.accountCodeById.get(scope.accountId) ?? -2;
  }

  /** Whether a customer scope with this account code may see the slot; staff need no check. */
  isVisibleTo(slot: number, accountCode: number): boolean {
    const audience = this.audienceCodes[slot];
    return audience === PUBLIC || (audience === ACCOUNT && accountCode >= 0 && this.accountCodes[slot] === accountCode);
  }

  /** The slot's popularity and freshness factor for the day, computed once a day per slot. */
  rankingBoostOf(slot: number, todayMs: number): number {
    if (this.rankingBoostDays[slot] !== todayMs) {
      this.rankingBoosts[slot] = rankingBoost(this.documents[slot]!, todayMs);
      this.rankingBoostDays[slot] = todayMs;
    }
    return this.rankingBoosts[slot]!;
  }

  take(document: IndexedDocument, content: SlotContent): number {
    if (this.count === this.capacity) this.grow();
    const slot = this.count;
    this.count += 1;
    this.liveCount += 1;
    this.documents[slot] = document;
    this.postingKeys[slot] = content.postingKeys;
    this.isLive[slot] = 1;
    this.typeCodes[slot] = CONTENT_TYPES.indexOf(document.type);
    this.audienceCodes[slot] = CONTENT_AUDIENCES.indexOf(document.audience);
    this.accountCodes[slot] = document.accountId === null ? NO_ACCOUNT : this.accountCode(document.accountId);
    this.rankingBoostDays[slot] = -1;
    content.fieldLengths.forEach((length, field) => {
      this.fieldLengths[slot * FIELD_COUNT + field] = length;
      this.totalFieldLengths[field] = this.totalFieldLengths[field]! + length;
    });
    this.slotById.set(document.id, slot);
    return slot;
  }

  /** Marks the slot removed; its posting list entries stay until `compact`. */
  release(slot: number): void {
    if (!this.isLive[slot]) return;
    this.isLive[slot] = 0;
    this.liveCount -= 1;
    for (let field = 0; field < FIELD_COUNT; field += 1) {
      this.totalFieldLengths[field] = this.totalFieldLengths[field]! - this.fieldLengths[slot * FIELD_COUNT + field]!;
    }
    const document = this.documents[slot];
    if (document && this.slotById.get(document.id) === slot) this.slotById.delete(document.id);
    this.documents[slot] = undefined;
    this.postingKeys[slot] = undefined;
  }

  /** Moves live slots down over removed ones; returns the old → new numbering (-1: removed). */
  compact(): Int32Array {
    const newSlots = new Int32Array(this.count).fill(-1);
    let next = 0;
    for (let slot = 0; slot < this.count; slot += 1) {
      if (!this.isLive[slot]) continue;
      newSlots[slot] = next;
      if (next !== slot) this.moveSlot(slot, next);
      next += 1;
    }
    for (let slot = next; slot < this.count; slot += 1) {
      this.documents[slot] = undefined;
      this.postingKeys[slot] = undefined;
      this.isLive[slot] = 0;
    }
    this.documents.length = next;
    this.postingKeys.length = next;
    this.count = next;
    for (const [id, slot] of this.slotById) this.slotById.set(id, newSlots[slot]!);
    return newSlots;
  }

  private moveSlot(from: number, to: number): void {
    this.documents[to] = this.documents[from];
    this.postingKeys[to] = this.postingKeys[from];
    this.isLive[to] = 1;
    this.typeCodes[to] = this.typeCodes[from]!;
    this.audienceCodes[to] = this.audienceCodes[from]!;
    this.accountCodes[to] = this.accountCodes[from]!;
    this.rankingBoosts[to] = this.rankingBoosts[from]!;
    this.rankingBoostDays[to] = this.rankingBoostDays[from]!;
    this.fieldLengths.copyWithin(to * FIELD_COUNT, from * FIELD_COUNT, (from + 1) * FIELD_COUNT);
  }

  private accountCode(accountId: string): number {
    let code = this.accountCodeById.get(accountId);
    if (code === undefined) {
      code = this.accountCodeById.size;
      this.accountCodeById.set(accountId, code);
    }
    return code;
  }

  private grow(): void {
    this.capacity *= 2;
    this.isLive = grown(this.isLive, this.capacity);
    this.typeCodes = grown(this.typeCodes, this.capacity);
    this.audienceCodes = grown(this.audienceCodes, this.capacity);
    this.accountCodes = grown(this.accountCodes, this.capacity);
    this.rankingBoosts = grown(this.rankingBoosts, this.capacity);
    this.rankingBoostDays = grown(this.rankingBoostDays, this.capacity);
    this.fieldLengths = grown(this.fieldLengths, this.capacity * FIELD_COUNT);
  }
}

function grown<T extends Uint8Array | Int32Array | Uint32Array | Float64Array>(array: T, length: number): T {
  const copy = new (array.constructor as new (length: number) => T)(length);
  copy.set(array);
  return copy;
}
