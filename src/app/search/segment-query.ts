/**
 * Splits a search query into the words that must each occur in a record. Spaces separate words
 * in any language; a run of Chinese written without spaces ("梯度下降") is split into its words
 * with `Intl.Segmenter` (Chromium and Node ship its dictionary), so "梯度下降" finds a record
 * that says 梯度 in one place and 下降 in another. Matching stays a substring test over the
 * record's text, so the index needs no segmentation and every word the dictionary does not know
 * still matches as written.
 *
 * The dictionary splits some book terms into single characters (权|重|衰减, 暂|退|法): adjacent
 * single characters are joined again (权重, 暂退法), and a single character left alone (the 率 of
 * 学习|率) is dropped when other words remain, since one character matches almost every record.
 * Without `Intl.Segmenter`, a Chinese run is matched whole.
 */
const HAN = /\p{Script=Han}/u;

type Segmenter = { segment(text: string): Iterable<{ segment: string; isWordLike?: boolean }> };
let segmenter: Segmenter | null | undefined;

function zhSegmenter(): Segmenter | null {
  if (segmenter === undefined) {
    const Ctor = (Intl as { Segmenter?: new (locale: string, options: { granularity: 'word' }) => Segmenter }).Segmenter;
    segmenter = typeof Ctor === 'function' ? new Ctor('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

const isSingleHan = (w: string) => [...w].length === 1 && HAN.test(w);

/** The words of one space-free chunk that holds Chinese. */
function segmentChunk(chunk: string, seg: Segmenter | null): string[] {
  if (!seg) return [chunk];
  const words = [...seg.segment(chunk)].filter((s) => s.isWordLike !== false).map((s) => s.segment);
  const joined: string[] = [];
  let singles = '';
  const flush = () => {
    if (singles !== '') joined.push(singles);
    singles = '';
  };
  for (const w of words) {
    if (isSingleHan(w)) singles += w;
    else (flush(), joined.push(w));
  }
  flush();
  const longer = joined.filter((w) => !isSingleHan(w));
  return longer.length > 0 ? longer : joined;
}

export function segmentQuery(query: string, seg: Segmenter | null = zhSegmenter()): string[] {
  const terms: string[] = [];
  for (const chunk of query.toLowerCase().split(/\s+/)) {
    if (chunk === '') continue;
    if (HAN.test(chunk)) terms.push(...segmentChunk(chunk, seg));
    else terms.push(chunk);
  }
  return [...new Set(terms)];
}
