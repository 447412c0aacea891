import { z } from 'zod';

/**
 * Files `npm run import:content` understands, each turned into the `ExternalDocumentInput`s of
 * `upsertExternalDocuments` (which validates them again, field by field):
 * - `zendesk-guide`: a Help Center API articles response (`GET /api/v2/help_center/articles`);
 * - `moodle-courses`: an LMS catalog as Moodle's `core_course_get_courses` returns it;
 * - `hub`: `{ "documents": [ExternalDocumentInput, …] }`.
 */
export const IMPORT_FORMATS = ['zendesk-guide', 'moodle-courses', 'hub'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportOptions {
  /** Overrides the format's default source name. */
  source?: string | undefined;
  /** The LMS's address: Moodle's course list carries no URLs. */
  baseUrl?: string | undefined;
  /** For records that name no locale. */
  defaultLocale: string;
}

export interface ExternalDocumentRecord {
  source: string;
  externalId: string;
  title: string;
  url: string;
  body: string;
  locale: string;
  tags?: string[];
  audience?: 'PUBLIC' | 'STAFF';
  popularity?: number;
  updatedAt?: string;
}

const zendeskArticle = z.looseObject({
  id: z.union([z.number(), z.string()]),
  title: z.string(),
  body: z.string().nullable(),
  html_url: z.string(),
  locale: z.string(),
  draft: z.boolean().optional(),
  label_names: z.array(z.string()).optional(),
  vote_sum: z.number().optional(),
  updated_at: z.string().optional(),
  // Restricted to a user segment (signed-in users, agents): never shown to every customer.
  user_segment_id: z.union([z.number(), z.string()]).nullable().optional(),
});
const zendeskArticles = z.looseObject({ articles: z.array(zendeskArticle) });

const moodleCourse = z.looseObject({
  id: z.number(),
  fullname: z.string(),
  summary: z.string().optional(),
  format: z.string().optional(),
  visible: z.number().optional(),
  lang: z.string().optional(),
  timemodified: z.number().optional(),
});
const moodleCourses = z.array(moodleCourse);

const hubDocuments = z.looseObject({ documents: z.array(z.looseObject({})) });

/** `en-us` → `en-US`, `pt_br` → `pt-BR`: Zendesk and Moodle write regions in lower case. */
export function toBcp47(locale: string, fallback: string): string {
  const [language, region] = locale.trim().replace('_', '-').split('-');
  if (!language) return fallback;
  return region ? `${language.toLowerCase()}-${region.toUpperCase()}` : language.toLowerCase();
}

/** The format of a parsed file, told by its shape. */
export function detectFormat(data: unknown): ImportFormat | null {
  if (zendeskArticles.safeParse(data).success) return 'zendesk-guide';
  if (moodleCourses.safeParse(data).success) return 'moodle-courses';
  if (hubDocuments.safeParse(data).success) return 'hub';
  return null;
}

/** The documents a file holds; throws a ZodError naming the bad record and field. */
export function toExternalDocuments(format: ImportFormat, data: unknown, options: ImportOptions): ExternalDocumentRecord[] {
  switch (format) {
    case 'zendesk-guide':
      return zendeskArticles
        .parse(data)
        .articles.filter((article) => !article.draft)
        .map((article) => ({
          source: options.source ?? 'zendesk-guide',
          externalId: String(article.id),
          title: article.title,
          url: article.html_url,
          body: article.body ?? '',
          locale: toBcp47(article.locale, options.defaultLocale),
          tags: article.label_names ?? [],
          audience: article.user_segment_id == null ? 'PUBLIC' : 'STAFF',
          ...(article.vote_sum !== undefined ? { popularity: Math.max(0, article.vote_sum) } : {}),
          ...(article.updated_at ? { updatedAt: article.updated_at } : {}),
        }));
    case 'moodle-courses': {
      if (!options.baseUrl) throw new Error('moodle-courses needs --base-url: the course list carries no links');
      const baseUrl = options.baseUrl.replace(/\/+$/, '');
      return moodleCourses
        .parse(data)
        .filter((course) => course.format !== 'site')
        .map((course) => ({
          source: options.source ?? 'moodle',
          externalId: String(course.id),
          title: course.fullname,
          url: `${baseUrl}/course/view.php?id=${course.id}`,
          body: course.summary ?? '',
          locale: course.lang ? toBcp47(course.lang, options.defaultLocale) : options.defaultLocale,
          audience: course.visible === 0 ? 'STAFF' : 'PUBLIC',
          ...(course.timemodified ? { updatedAt: new Date(course.timemodified * 1000).toISOString() } : {}),
        }));
    }
    case 'hub':
      return hubDocuments.parse(data).documents.map((document) => ({ ...(document as unknown as ExternalDocumentRecord), ...(options.source ? { source: options.source } : {}) }));
  }
}
