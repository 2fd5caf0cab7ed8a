/**
 * The comment filter's public API: untrusted text in, safe HTML out. Pure: no I/O, no clock.
 * See docs/comment-format.md for the behaviour and Folio's ten decisions.
 */
export { checkText, formatChecked, formatLimitError, formatOrLimitError, formatText, formatToString, runStage, type CheckedText } from './format-text.ts';
export { FULL_HTML_MARKUP_LIMITS, FilterLimitError, MARKUP_LIMITS, findMarkupProblem, type MarkupLimits, type MarkupProblem } from './markup-limits.ts';
export { FORMAT_NAMES, TEXT_FORMATS, type FormatName, type StageName } from './text-formats.ts';
export { FilterInputError, assertValidText, decodeUtf8Strict, findTextProblem, validateUtf8, type TextProblem } from './text-validation.ts';
export { DEFAULT_SUBJECT_LENGTH, NO_SUBJECT, defaultSubject, defaultSubjectOfHtml } from './default-subject.ts';
export {
  entityTipRows,
  formatLabel,
  longTips,
  shortTips,
  tagTipRows,
  type EntityTipRow,
  type HtmlLongTip,
  type LongTip,
  type ShortTip,
  type TagTipRow,
  type TextWithLink,
  type TipFilter,
  type TipSite,
} from './filter-tips.ts';
export { TIP_KEYS, tipString, type TipKey, type TipLanguage } from './tip-strings.ts';
export { checkPlain } from './check-plain.ts';
export { decodeEntities } from './decode-entities.ts';
export { truncateUtf8, shortenLinkText, type TruncateOptions } from './truncate-utf8.ts';
export { checkUrl, isSafeUrl, schemeCandidate, stripDangerousProtocols, urlScheme } from './url-safety.ts';
export { filterXss, filterXssAdmin } from './filter-xss.ts';
export { filterHtml, filterHtmlEscape, type FilterHtmlOptions } from './filter-html.ts';
export { filterUrl, type FilterUrlOptions } from './filter-url.ts';
export { filterAutop } from './filter-autop.ts';
export { LINK_REL, SITE_ALLOWED_HTML, URL_LENGTH, parseAllowedHtml } from './filter-settings.ts';
export { staffFormatTips, type StaffTip } from './staff-format-tips.ts';
export { staffBodyProblemMessage, staffBodyProblems, type StaffBodyProblem } from './staff-body-problems.ts';
export { EMBED_PROVIDERS, embedUrl, parseEmbedUrl, type Embed, type EmbedProvider } from './embeds.ts';
export { STAFF_ALLOWED_HTML, STAFF_TAGS } from './staff-settings.ts';
