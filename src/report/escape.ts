/**
 * Escaping of user text for XML (SVG) and HTML output. Each function makes a
 * string safe both as element text and as a quoted attribute value (single or
 * double quotes), so callers need not remember which context they are in.
 */

// Characters XML 1.0 does not allow at all (C0 controls other than tab, line
// feed and carriage return; unpaired surrogates; U+FFFE and U+FFFF). An XML
// parser rejects the whole document on one of them, so they are replaced.
// Also replaced, as display text: C1 controls and the bidirectional
// formatting characters (overrides, embeddings, isolates), which would
// reorder the text around a name on the page.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITY: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const replaceEntities = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITY[c]!);

/**
 * Escape text for XML (SVG): `& < > " '` become entities, and characters
 * that XML 1.0 forbids (most C0 controls, unpaired surrogates), C1 controls
 * and bidi overrides become U+FFFD.
 * Safe as element text and as a quoted attribute value.
 *
 * @example
 * `<title>${escapeXml(name)}</title>`
 */
export function escapeXml(text: string): string {
  return replaceEntities(text.replace(NOT_XML, '\uFFFD'));
}

/**
 * Escape text for HTML: `& < > " '` become entities, and characters an HTML
 * parser reports as errors (C0 controls other than whitespace, unpaired
 * surrogates), C1 controls and bidi overrides become U+FFFD. Safe as element text and as a quoted attribute
 * value; not for unquoted attributes, `<script>`/`<style>` content or URLs.
 *
 * @example
 * `<td title="${escapeHtml(note)}">${escapeHtml(name)}</td>`
 */
export function escapeHtml(text: string): string {
  return escapeXml(text);
}
