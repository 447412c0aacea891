import type { ExternalId } from '../kit/records';
export type { ExternalId } from '../kit/records';

/** The documents the accounts subgraph stores. Field names are the stored shape, not the API. */

export const SEGMENTS = ['ENTERPRISE', 'MID_MARKET', 'SMB'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const PERSONAS = ['ADMIN', 'CHAMPION', 'EXECUTIVE', 'DEVELOPER', 'END_USER'] as const;
export type Persona = (typeof PERSONAS)[number];

/** The customer-success manager who owns an account (staff, not a customer contact). */
export interface AccountOwner {
  id: string;
  name: string;
  email: string;
}

export interface AccountDocument {
  _id: string;
  name: string;
  /** Lower-cased e-mail domains of the company, used for identity resolution. */
  domains: string[];
  segment: Segment;
  industry: string;
  /** BCP 47 locale such as `ja-JP` or `en-US`. */
  locale: string;
  /** When the company became a customer; null for prospects. */
  customerSince: Date | null;
  owner: AccountOwner | null;
  externalIds: ExternalId[];
  /**
   * `source:id` strings derived from `externalIds`, present only when non-empty: a sparse unique
   * index on it makes two records with the same external id impossible.
   */
  externalKeys?: string[];
  /** When an import last wrote this record; null for records created in the hub. */
  syncedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface UserDocument {
  _id: string;
  accountId: string;
  /** Lower-cased; unique across users. */
  email: string;
  name: string;
  title: string | null;
  persona: Persona;
  locale: string;
  /** First time the person was seen anywhere (may be before their company became a customer). */
  firstSeenAt: Date;
  lastSeenAt: Date | null;
  externalIds: ExternalId[];
  externalKeys?: string[];
  syncedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
