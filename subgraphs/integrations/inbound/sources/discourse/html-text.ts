const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (entity, name: string) => {
    if (name.startsWith('#')) {
      const codePoint = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/**
 * The text of Discourse's rendered HTML (`cooked`), for posts that come without their Markdown
 * (`raw`): block elements become line breaks, images their alt text, other markup goes, and
 * entities are decoded. No pattern reads past the next `<`, so a body full of unclosed markup
 * costs linear time.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/\r\n?/g, '\n')
    .replace(/<(script|style)\b[^<>]{0,500}>[^<]{0,100000}<\/\1\s*>/gi, '')
    .replace(/<img\b[^<>]{0,2000}?\balt="([^"<>]{0,500})"[^<>]{0,2000}>/gi, '$1')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|div|h[1-6]|li|ul|ol|blockquote|pre|aside|table|tr|hr)\b[^<>]{0,2000}>/gi, '\n')
    .replace(/<[^<>]{1,2000}>/g, '');
  return decodeEntities(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
