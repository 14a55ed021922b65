import MarkdownIt from 'markdown-it';

/**
 * The one Markdown parser of the editor (CommonMark plus GFM tables and strikethrough), shared by
 * the browser's import and the headless one. Raw HTML in the source is not trusted.
 */
export const markdownParser = new MarkdownIt('default', { html: false, linkify: true });
// markdown-it refuses unknown schemes only for javascript:/vbscript:/file:/data:; keep its check.
const defaultValidateLink = markdownParser.validateLink.bind(markdownParser);
markdownParser.validateLink = (url) => url.startsWith('repertoire:') || defaultValidateLink(url);
