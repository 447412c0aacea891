import { createHash } from 'node:crypto';
import { z } from 'zod';
import { date, externalSource, locale, optional, tags, text, webUrl } from '../../kit/input-fields';

/** A call imports at most this many documents: one bounded write, validated whole before it. */
export const MAX_DOCUMENTS_PER_IMPORT = 500;
export const MAX_BODY_LENGTH = 100_000;

/** Tags, scripts and styles out, entities decoded: search indexes what a reader sees. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    // Block elements separate words; inline ones (<strong>, <a>) sit inside them.
    .replace(/<\/?(p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|blockquote|pre|hr)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export const externalDocumentInput = z.strictObject({
  source: externalSource,
  externalId: text(200),
  title: text(300),
  url: webUrl,
  body: z
    .string()
    .max(MAX_BODY_LENGTH, `must be at most ${MAX_BODY_LENGTH} characters`)
    .transform(htmlToText),
  locale,
  tags: optional(tags(20)),
  audience: optional(z.enum(['PUBLIC', 'STAFF'], 'must be PUBLIC or STAFF: external documents belong to no account')),
  popularity: optional(z.number().int().min(0, 'must not be negative')),
  updatedAt: optional(date),
});
export type ExternalDocumentInput = z.output<typeof externalDocumentInput>;

export const upsertExternalDocumentsArguments = z.strictObject({
  documents: z
    .array(externalDocumentInput)
    .min(1, 'must contain at least one document')
    .max(MAX_DOCUMENTS_PER_IMPORT, `must contain at most ${MAX_DOCUMENTS_PER_IMPORT} documents per call`)
    .superRefine((documents, context) => {
      const seen = new Set<string>();
      documents.forEach((document, index) => {
        const key = externalDocumentId(document.source, document.externalId);
        if (seen.has(key)) context.addIssue({ code: 'custom', path: [index, 'externalId'], message: 'appears twice in this import' });
        seen.add(key);
      });
    }),
});

/** The hub's id of a source's document: the same on every import, so re-importing updates it. */
export function externalDocumentId(source: string, externalId: string): string {
  return `ext_${createHash('sha256').update(`${source}\u0000${externalId}`).digest('hex').slice(0, 20)}`;
}
