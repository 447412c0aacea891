// A backslash-escaped character waits in Unicode's private use area while markup is stripped, so `\*` stays a `*`.
const PRIVATE_USE_START = 0xe000;
const hideEscaped = (_match: string, character: string) => String.fromCharCode(PRIVATE_USE_START + character.charCodeAt(0));
const restoreEscaped = (hidden: string) => String.fromCharCode(hidden.charCodeAt(0) - PRIVATE_USE_START);

/**
 * Markdown as the plain text a search index reads: markup and link targets dropped, words, code
 * and line breaks kept. Not a Markdown parser: help-center articles use the common subset, and a
 * stray marker left in the text costs nothing in search.
 */
export function markdownToPlainText(markdown: string): string {
  return (
    markdown
      .replace(/\r\n?/g, '\n')
      .replace(/[\uE000-\uE07F]/g, '')
      .replace(/\\([\\`*_{}[\]()#+\-.!|>~<])/g, hideEscaped)
      // Line by line below: `[ \t]`, never `\s`, which would reach into the next line.
      .replace(/^[ \t]{0,3}(`{3,}|~{3,}).*$/gm, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      .replace(/^[ \t]{0,3}\[[^\]]+\]:[ \t]+\S.*$/gm, '')
      .replace(/^[ \t]{0,3}#{1,6}[ \t]+(.*?)([ \t]+#+)?[ \t]*$/gm, '$1')
      .replace(/^[ \t]{0,3}(>[ \t]?)+/gm, '')
      .replace(/^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$/gm, '')
      .replace(/^[ \t]*\|?([ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(:?-{3,}:?)?[ \t]*$/gm, '')
      .replace(/^[ \t]*([-*+]|\d{1,9}[.)])[ \t]+(\[[ xX]\][ \t]+)?/gm, '')
      .replace(/\|/g, ' ')
      .replace(/(\*{1,3}|~~)(?=\S)([^*~\n]*?\S)\1/g, '$2')
      // Underscores only around whole words, so `snake_case` names survive.
      .replace(/(^|[^\p{L}\p{N}_])(_{1,3})(?=\S)([^_\n]*?\S)\2(?![\p{L}\p{N}_])/gu, '$1$3')
      .replace(/`+([^`\n]*)`+/g, '$1')
      .replace(/[\uE000-\uE07F]/g, restoreEscaped)
      .split('\n')
      .map((line) => line.replace(/[ \t]+/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}
