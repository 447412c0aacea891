/**
 * The words of a Markdown text without its markup, for the search index: link targets, image
 * addresses, heading and list markers and emphasis delimiters would only be noise there. Code
 * keeps its text (people search for the identifiers in it) and an underscore inside a word
 * (`snake_case`) is kept, since only underscores around words mark emphasis. Spans are bounded
 * and exclude their own opening character, so a body full of unclosed markup costs linear time.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/^\s{0,3}(```|~~~).*$/gm, '')
    .replace(/!\[([^[\]\n]{0,500})\]\([^()\n]{0,2000}\)/g, '$1')
    .replace(/\[([^[\]\n]{0,500})\]\([^()\n]{0,2000}\)/g, '$1')
    .replace(/<\/?[A-Za-z][^<>\n]{0,500}>/g, '')
    .replace(/^\s{0,3}([-*_])(\s*\1){2,}\s*$/gm, '')
    .replace(/^\s{0,3}(#{1,6}|>+|[-*+]|\d{1,9}[.)])[ \t]+/gm, '')
    .replace(/(\*\*|__|~~)(?=\S)([^\n]{0,500}?\S)\1/g, '$2')
    .replace(/\*(?=\S)([^*\n]*?\S)\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}_])/gu, '$1$2')
    .replace(/`+([^`\n]+?)`+/g, '$1')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
