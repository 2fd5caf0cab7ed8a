/**
 * The format tips as pure data: the short list under the comment box (docs/comment-format.md §1.2) and the long
 * `/filter/tips` page (docs/comment-format.md §6). Text is plain (views escape it); the only markup is the "You Get"
 * column, built here from fixed examples and carried as SafeHtml.
 */
import { trustedHtml, type SafeHtml } from '../domain/safe-html.ts';
import { checkPlain } from './check-plain.ts';
import { SITE_ALLOWED_HTML } from './filter-settings.ts';
import type { FormatName } from './text-formats.ts';
import { tipString, type TipKey, type TipLanguage } from './tip-strings.ts';

/** Drupal's machine names of the filters that have tips. */
export type TipFilter = 'filter_url' | 'filter_html' | 'filter_html_escape' | 'filter_autop';

/** One item of the short tips list; `id` is Drupal's `filter-<name>` anchor. */
export interface ShortTip {
  readonly filter: TipFilter;
  readonly id: string;
  readonly text: string;
}

/** A sentence with one link in it, split so a view can escape the text and build the link. */
export interface TextWithLink {
  readonly before: string;
  readonly linkText: string;
  readonly href: string;
  readonly after: string;
}

/** A row of the HTML tips table: an example, or Drupal's "No help provided" row. */
export type TagTipRow =
  | { readonly kind: 'example'; readonly tag: string; readonly description: string; readonly youType: string; readonly youGet: SafeHtml }
  | { readonly kind: 'noHelp'; readonly tag: string; readonly text: string };

/** A row of the character-entity table: what to type, and the character it gives. */
export interface EntityTipRow {
  readonly description: string;
  readonly youType: string;
  readonly youGet: string;
}

/** The long HTML tip: the allowed-tags line, the intro, the tag table and the entity table. */
export interface HtmlLongTip {
  readonly filter: 'filter_html';
  readonly id: string;
  readonly allowedTags: string;
  readonly intro: string;
  readonly specifications: TextWithLink;
  readonly tagHeader: readonly [string, string, string];
  readonly tagRows: readonly TagTipRow[];
  readonly unusualCharacters: string;
  readonly entitiesIntro: TextWithLink;
  readonly entityHeader: readonly [string, string, string];
  readonly entityRows: readonly EntityTipRow[];
}

/** One item of the long tips list. */
export type LongTip =
  | { readonly filter: Exclude<TipFilter, 'filter_html'>; readonly id: string; readonly paragraphs: readonly string[] }
  | HtmlLongTip;

/** What the "a" example links to: the site itself. */
export interface TipSite {
  readonly baseUrl: string;
  readonly siteName: string;
}

const FORMAT_FILTERS: Readonly<Record<FormatName, readonly TipFilter[]>> = Object.freeze({
  filtered_html: ['filter_url', 'filter_html', 'filter_autop'],
  plain_text: ['filter_html_escape', 'filter_url', 'filter_autop'],
  full_html: ['filter_url', 'filter_autop'],
  staff_html: ['filter_url', 'filter_html', 'filter_autop'],
});

const FORMAT_LABELS: Readonly<Record<FormatName, TipKey>> = Object.freeze({
  filtered_html: 'formatFilteredHtml',
  plain_text: 'formatPlainText',
  full_html: 'formatFullHtml',
  staff_html: 'formatStaffHtml',
});

/** The format's human name ("Filtered HTML"). */
export function formatLabel(format: FormatName, lang: TipLanguage): string {
  return tipString(FORMAT_LABELS[format], lang);
}

/** "Allowed HTML tags: <a> <em> …", the setting printed exactly as stored. */
function allowedTagsTip(lang: TipLanguage, setting: string): string {
  return tipString('allowedTags', lang).replace('@tags', setting);
}

/** The tips under the comment box, in filter order. */
export function shortTips(format: FormatName, lang: TipLanguage, allowedHtml: string = SITE_ALLOWED_HTML): ShortTip[] {
  return FORMAT_FILTERS[format].map((filter) => {
    const text =
      filter === 'filter_url' ? tipString('urlTip', lang)
      : filter === 'filter_html' ? allowedTagsTip(lang, allowedHtml)
      : filter === 'filter_html_escape' ? tipString('noHtml', lang)
      : tipString('autopShort', lang);
    return { filter, id: `filter-${filter}`, text };
  });
}

/** Example markup per tag (Drupal's `$tips`); null means "described elsewhere, no row". */
function tagExamples(lang: TipLanguage, site: TipSite): Readonly<Record<string, readonly [TipKey, string] | null>> {
  const t = (key: TipKey): string => checkPlain(tipString(key, lang));
  const list = (tag: string): string => `<${tag}> <li>${t('firstItem')}</li> <li>${t('secondItem')}</li> </${tag}>`;
  return {
    a: ['tipA', `<a href="${checkPlain(site.baseUrl)}">${checkPlain(site.siteName)}</a>`],
    em: ['tipEm', `<em>${t('tipEm')}</em>`],
    strong: ['tipStrong', `<strong>${t('tipStrong')}</strong>`],
    cite: ['tipCite', `<cite>${t('tipCite')}</cite>`],
    code: ['tipCode', `<code>${t('exampleCode')}</code>`],
    blockquote: ['tipBlockquote', `<blockquote>${t('tipBlockquote')}</blockquote>`],
    ol: ['tipOl', list('ol')],
    ul: ['tipUl', list('ul')],
    li: null,
    dl: [
      'tipDl',
      `<dl> <dt>${t('firstTerm')}</dt> <dd>${t('firstDefinition')}</dd> <dt>${t('secondTerm')}</dt> <dd>${t('secondDefinition')}</dd> </dl>`,
    ],
    dt: null,
    dd: null,
    h1: ['tipHeading', `<h1>${t('exampleH1')}</h1>`],
    h2: ['tipHeading', `<h2>${t('exampleH2')}</h2>`],
    h3: ['tipHeading', `<h3>${t('exampleH3')}</h3>`],
    h4: ['tipHeading', `<h4>${t('exampleH4')}</h4>`],
    h5: ['tipHeading', `<h5>${t('exampleH5')}</h5>`],
    h6: ['tipHeading', `<h6>${t('exampleH6')}</h6>`],
  };
}

const SETTING_TAGS = /<([a-z0-9]+)[^a-z0-9]/gi;

/** The HTML tips table rows, one per tag in the order the setting lists them. */
export function tagTipRows(lang: TipLanguage, site: TipSite, allowedHtml: string = SITE_ALLOWED_HTML): TagTipRow[] {
  const examples = tagExamples(lang, site);
  const rows: TagTipRow[] = [];
  for (const match of allowedHtml.matchAll(SETTING_TAGS)) {
    const tag = match[1] ?? '';
    const example = Object.hasOwn(examples, tag) ? examples[tag] : undefined;
    if (example === null) continue; // li, dt, dd: shown inside their list's example
    if (example === undefined) {
      rows.push({ kind: 'noHelp', tag, text: tipString('noHelp', lang).replace('%tag', tag) });
    } else {
      rows.push({ kind: 'example', tag, description: tipString(example[0], lang), youType: example[1], youGet: trustedHtml(example[1]) });
    }
  }
  return rows;
}

/** The character-entity table rows. */
export function entityTipRows(lang: TipLanguage): EntityTipRow[] {
  const rows: ReadonlyArray<readonly [TipKey, string, string]> = [
    ['ampersand', '&amp;', '&'],
    ['greaterThan', '&gt;', '>'],
    ['lessThan', '&lt;', '<'],
    ['quotationMark', '&quot;', '"'],
  ];
  return rows.map(([key, youType, youGet]) => ({ description: tipString(key, lang), youType, youGet }));
}

function withLink(template: string, linkText: string, href: string): TextWithLink {
  const at = template.indexOf('{link}');
  return { before: template.slice(0, at), linkText, href, after: template.slice(at + '{link}'.length) };
}

function htmlLongTip(lang: TipLanguage, site: TipSite, allowedHtml: string): HtmlLongTip {
  return {
    filter: 'filter_html',
    id: 'filter-filter_html',
    allowedTags: allowedTagsTip(lang, allowedHtml),
    intro: tipString('htmlIntro', lang),
    specifications: withLink(tipString('htmlSpecs', lang), tipString('htmlSpecsLink', lang), 'http://www.w3.org/TR/html/'),
    tagHeader: [tipString('tagDescription', lang), tipString('youType', lang), tipString('youGet', lang)],
    tagRows: tagTipRows(lang, site, allowedHtml),
    unusualCharacters: tipString('unusualCharacters', lang),
    entitiesIntro: withLink(
      tipString('entitiesIntro', lang),
      tipString('entitiesLink', lang),
      'http://www.w3.org/TR/html4/sgml/entities.html',
    ),
    entityHeader: [tipString('characterDescription', lang), tipString('youType', lang), tipString('youGet', lang)],
    entityRows: entityTipRows(lang),
  };
}

/** The long tips of one format, in filter order, for the `/filter/tips` page. */
export function longTips(format: FormatName, lang: TipLanguage, site: TipSite, allowedHtml: string = SITE_ALLOWED_HTML): LongTip[] {
  return FORMAT_FILTERS[format].map((filter): LongTip => {
    const id = `filter-${filter}`;
    if (filter === 'filter_html') return htmlLongTip(lang, site, allowedHtml);
    if (filter === 'filter_url') return { filter, id, paragraphs: [tipString('urlTip', lang)] };
    if (filter === 'filter_html_escape') return { filter, id, paragraphs: [tipString('noHtml', lang)] };
    return { filter, id, paragraphs: [tipString('autopLong', lang)] };
  });
}
