/**
 * The library reference's records in the book's search, in the edition's language: the page's
 * intro, the differences from MXNet (the short list and the table, in Chinese in the Chinese
 * edition, so 异步 or 暂退法 finds them), and one record per entry (its signature and the doc
 * comment's first sentence, which stay as the library writes them: English). The reference data
 * and the table are their own chunks, loaded with the search index.
 */
import type { BookLang } from '../../content/book-lang';
import type { SearchDoc } from '../../content/types';
import { messagesFor } from '../i18n/messages';
import type { DifferencesTable } from './differences-doc';
import { mxnetDifferences } from './mxnet-differences';
import { DIFFERENCES_ANCHOR, DIFFERENCES_TABLE_ANCHOR, REFERENCE_SLUG, type ApiReference } from './reference-data';

const plain = (text: string) => text.replace(/`|\*\*/g, '');

/** One search record per entry, so the book's search box finds `softmax` in the reference too. */
export function referenceSearchDocs(ref: ApiReference, lang: BookLang, table: DifferencesTable | null = null): SearchDoc[] {
  const m = messagesFor(lang);
  const title = m.reference.title;
  const record = (heading: string | undefined, anchor: string | undefined, text: string): SearchDoc => ({ slug: REFERENCE_SLUG, number: '', title, ...(heading !== undefined && { heading }), ...(anchor !== undefined && { anchor }), text });
  const docs: SearchDoc[] = [
    record(undefined, undefined, m.reference.searchIntro),
    record(m.reference.differences, DIFFERENCES_ANCHOR, mxnetDifferences(lang).map((d) => `${d.title}${m.reference.titleSeparator}${plain(d.text)}`).join(' ')),
  ];
  if (table) {
    docs.push(record(table.title, DIFFERENCES_TABLE_ANCHOR, table.rows.map((r) => plain(r.cells.join(m.reference.titleSeparator))).join(' ')));
  }
  for (const e of ref.entries) {
    if (e.kind !== 'namespace') docs.push(record(e.name, e.name, `${e.signatures[0] ?? ''} ${e.summary}`.trim()));
  }
  return docs;
}

/** The records of the edition's language, loading the reference and the table on first use. */
export async function loadReferenceSearchDocs(lang: BookLang): Promise<SearchDoc[]> {
  const [ref, doc] = await Promise.all([import('./api-reference.json'), import('./differences-doc')]);
  return referenceSearchDocs(ref.default as ApiReference, lang, doc.differencesTableFor(lang));
}
