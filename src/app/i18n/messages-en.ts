/**
 * The reader's words in English: every string the app shows (labels, tooltips, aria labels,
 * notices, errors the app itself writes). This object defines the catalogue's shape (`Messages`);
 * every other language must match it key for key (messages-zh.ts, checked by the compiler).
 * Messages with values are functions; counts go through plural rules, numbers, sizes, durations
 * and dates through `Intl` with the page's locale (format.ts). Library error messages are not
 * here: the library speaks English, as MXNet did under the Chinese book.
 */
import type { BackendName } from '../../kernel/protocol';
import { ENGLISH_CLIENT_WORDS } from '../../kernel/page/client-words';
import { formatsFor } from './format';

const f = formatsFor('en', { ms: 'ms', s: 's', min: 'min', sep: ' ' });
const n = f.number;
/** "1 cell", "2 cells". */
const count = (k: number, one: string, other: string) => `${n(k)} ${f.plural(k, { one, other })}`;

const BACKEND: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

export const en = {
  format: f,
  bookTitle: 'Hands-on Deep Learning, in the browser',
  /** The page's meta description (index.html carries the English one for the first load). */
  bookDescription: 'An interactive deep-learning textbook whose code cells run in your browser, on your GPU: NDArray, autograd, Gluon, CNNs and RNNs, hands-on.',
  bookShortTitle: 'Hands-on Deep Learning',
  /** The editions' machinery (language switch, loading another edition). */
  site: {
    languageLabel: 'Language',
    /** The tooltip of the link to this edition, in this edition's language (as the link's text is). */
    readInThisLanguage: 'Read this page in English',
    loadingEdition: 'Loading this edition…',
    editionFailed: (reason: string) => `This edition could not be loaded (${reason}). Check your connection and reload the page.`,
  },
  /** A page's title in the browser's tab: "2.1 Linear regression · Hands-on Deep Learning". */
  pageTitle: (what: string) => `${what} · Hands-on Deep Learning`,
  /** Punctuation that differs by script: ": " / "：", " (x)" / "（x）". */
  punct: {
    colon: ': ',
    paren: (s: string) => ` (${s})`,
  },

  shell: {
    skipToContent: 'Skip to the content',
    openToc: 'Open the table of contents',
    closeToc: 'Close the table of contents',
    loadingReference: 'Loading the reference…',
    thisPage: 'This page',
    theStatusBar: 'The status bar',
  },

  boundary: {
    couldNotShow: (what: string, error: string) => `${what} could not be shown: ${error}`,
    thisCell: 'This cell',
    thisOutput: 'This output',
    cellOutputs: 'The outputs of this cell',
  },

  home: {
    lead1: 'A textbook you run as you read. Every code cell executes here, in your browser, on your own GPU when you have one: edit a cell, press ',
    lead2: ', and watch the loss fall.',
    startReading: (number: string, title: string) => `Start reading: ${number} ${title}`,
    noSections: 'This book has no sections yet.',
  },

  notFound: {
    title: 'Not in this book',
    before: 'There is no section ',
    after: ' in this version of the book; the link may be from an older version. Try the ',
    contents: 'contents',
    afterContents: ' or search.',
  },

  toc: {
    label: 'Table of contents',
    contents: 'Contents',
  },

  search: {
    placeholder: 'Search the book (/)',
    /** On a touch screen: no keyboard shortcut to mention. */
    placeholderTouch: 'Search the book',
    label: 'Search the book',
    results: 'Search results',
    loading: 'Loading the index…',
    failed: (error: string) => `The search index could not load (${error}).`,
    nothingFound: (query: string) => `Nothing found for “${query}”.`,
  },

  theme: {
    label: 'Theme',
    system: 'Auto',
    light: 'Light',
    dark: 'Dark',
  },

  offline: {
    available: 'Available offline',
    textAndCode: 'Offline: text and code',
    saving: 'Saving for offline…',
    onlineOnly: 'Online only',
    panel: 'Reading offline',
    ready: 'Every section, the kernel that runs the code, its WASM files, fonts and styles are saved on this device: the book opens and runs without a network.',
    savingPages: "Saving the book's pages and code on this device…",
    unsupported: (reason: string) => `This book cannot be saved for offline reading here: ${reason}.`,
    failed: (reason: string) => `Saving the book for offline reading failed: ${reason}.`,
    checking: 'Checking the saved datasets…',
    datasets: (saved: number, total: number, savedBytes: number, allBytes: number) => `Datasets: ${n(saved)} of ${n(total)} saved (${f.bytes(savedBytes)} of ${f.bytes(allBytes)}).`,
    firstUse: ' A section that trains on one downloads it on first use.',
    downloadFailed: (error: string) => `A download failed: ${error}`,
    savingDatasets: 'Saving the datasets',
    progress: (done: number, all: number) => `${f.bytes(done)} of ${f.bytes(all)}`,
    makeAvailable: (missing: number) => `Make this book available offline (${f.bytes(missing)})`,
    everything: 'The whole book, with its datasets, is available offline.',
    usage: (bytes: number) => `This book uses ${f.bytes(bytes)} of this device's storage.`,
    reloadForThreads: 'Reload the page to run the WASM backend on several threads.',
    reload: 'Reload',
    // Why the book cannot be saved (service-worker.ts).
    noWorkerInDev: 'the development server has no service worker',
    noServiceWorkers: 'this browser has no service workers',
    notHttps: 'the book is not served over HTTPS',
    filesNotSaved: "its files could not all be saved (is the network down, or the device's storage full?)",
  },

  update: {
    takenElsewhere: 'This book was updated in another tab. Reload to continue with the new version; your saved edits are kept.',
    available: 'A new version of this book is available. Reload to read it; your saved edits are kept.',
    reloading: 'Reloading…',
    reload: 'Reload',
    later: 'Later',
  },

  status: {
    noKernel: 'No kernel on this page',
    phase: { off: 'not started', starting: 'starting…', idle: 'idle', busy: 'busy', failed: 'failed to start' },
    offHint: 'The kernel starts when you click into a cell or run one (no cell runs on its own).',
    kernelWord: 'Kernel: ',
    unavailable: (backend: BackendName, reason: string) => `${BACKEND[backend]} unavailable: ${reason}`,
    fallback: (why: string) => `fallback: ${why}`,
    chosenByYou: 'chosen by you',
    chosenTooltip: 'Chosen in the status bar. Choose Auto to use the fastest backend measured here.',
    firstOfLadder: 'first backend of the ladder that started',
    firstOfLadderTooltip: 'WebGPU, then WebGL, WASM and CPU: the first that started.',
    wasmThreads: (threads: number, note: string | null) => `WASM runs on ${count(threads, 'thread', 'threads')}${note ? `: ${note}` : ''}.`,
    threads: (threads: number) => count(threads, 'thread', 'threads'),
    memoryTooltip: (bytes: number, tensors: number) =>
      `Memory the kernel's arrays hold now: ${f.bytes(bytes)} in ${count(tensors, 'array', 'arrays')} (weights, gradients, data, intermediate results). It rises and falls during training; arrays no longer referenced are freed, and Restart frees all of it.`,
    memoryInUse: (bytes: number) => `${f.bytes(bytes)} in use`,
    memoryBeforeRun: (bytes: number) => `${f.bytes(bytes)} in use before this run`,
    memoryBeforeRunTooltip: (bytes: number, tensors: number) =>
      `Memory the kernel's arrays held when the running cell started: ${f.bytes(bytes)} in ${count(tensors, 'array', 'arrays')}. It is measured again when the cell ends.`,
    downloadFailed: (what: string) => `${what}: download failed`,
    fromCache: (what: string) => `${what} from cache`,
    downloaded: (what: string) => `${what} downloaded`,
    downloading: (path: string) => `Downloading ${path}`,
    backend: 'Backend',
    backendTooltip: 'Restarts the kernel on the chosen backend',
    auto: 'Auto (fastest here)',
  },

  backendMenu: {
    button: 'Options',
    buttonTooltip: 'Measure the backends again, WASM threads',
    label: 'Backend options',
    measureAgain: 'Measure again',
    measureHint: (toAuto: boolean) => `Times every backend and starts the fastest${toAuto ? ' (back to Auto)' : ''}. Restarts the kernel: its variables are reset.`,
    wasmThreads: 'WASM threads',
    threadsDefault: (limit: number, here: number | null) => `Default: one per core, up to ${n(limit)}${here !== null ? ` (${n(here)} here)` : ''}`,
    threadsOne: '1 thread',
    threadsPerCore: (cores: number | null) => `One per core${cores !== null ? ` (${n(cores)} here)` : ''}`,
    threadsHint: 'Used when the kernel runs on WASM. Choosing restarts the kernel.',
    noThreads: 'This page is not cross-origin isolated: the host must send Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp.',
  },

  probe: {
    ms: (ms: number) => (ms >= 1000 ? `${n(ms / 1000, 1)} s` : ms >= 10 ? `${n(Math.round(ms), 0)} ms` : `${n(ms, 1)} ms`),
    wrongShort: 'wrong results',
    unavailableShort: 'unavailable',
    failedShort: 'failed',
    skippedShort: 'skipped',
    runs: (k: number, rechecked: boolean) => `median of ${count(k, 'run', 'runs')}${rechecked ? ' timed again, alternating' : ''}`,
    stoppedEarly: (chosen: string) => `, stopped early: slower than ${chosen} in most runs`,
    overCap: (cap: string, perRun: string | null) => `did not finish within its ${cap} cap${perRun !== null ? ` (${perRun} per run so far)` : ''}`,
    wrong: (reason: string) => `rejected, wrong results: ${reason}`,
    unavailable: (reason: string) => `unavailable: ${reason}`,
    failed: (reason: string) => `failed: ${reason}`,
    skipped: (reason: string) => `not measured: ${reason}`,
    fastestHere: 'fastest here',
    noneInTime: 'no backend finished the speed check in time; first of the ladder',
    measuredOn: (when: string) => `Measured on ${when} in this browser (kept for 30 days, so the check does not run again; Options > Measure again measures now).`,
    measuredAtStart: (total: string) => `Measured as the kernel started (${total}).`,
    verdict: (backend: string, fastest: boolean) =>
      `${backend} ${fastest ? 'was the fastest backend with correct results' : 'is the first rung of the ladder that did not fail'} on one forward and backward pass of a dense layer (128x256 by 256x256, ReLU), checked against a reference.`,
    recheck: (a: string, b: string) => `${a} and ${b} were within 2x of each other, so both were timed again, alternating, under the same load.`,
    chooseAnother: 'Choose a backend in the status bar to use another one.',
  },

  kernel: {
    restarted: 'The kernel was restarted: its variables were reset. Run the cells above again before continuing.',
    restartedOn: (backend: BackendName | null) => `The kernel was restarted on ${backend === null ? 'the best available backend' : BACKEND[backend]}: its variables were reset. Run the cells above again before continuing.`,
    restartedToMeasure: 'The kernel was restarted to measure the backends again: its variables were reset. Run the cells above again before continuing.',
    restartedThreads: (choice: 'default' | 'one' | 'per-core') =>
      `The kernel was restarted ${{ default: "with WASM's default threads", one: 'with WASM on one thread', 'per-core': 'with WASM on one thread per core' }[choice]}: its variables were reset. Run the cells above again before continuing.`,
    shutDownForMemory: "This section's kernel was shut down to free memory while you read other sections: its variables were reset. Run the cells again to continue.",
    couldNotStart: (error: string) => `The kernel could not start: ${error}. Reload the page, or choose another backend in the status bar.`,
    couldNotStartCell: (error: string) => `The kernel could not start: ${error}`,
    shutDownWhileStarting: 'the kernel was shut down while it started',
    fellBack: (asked: BackendName | null, running: BackendName, why: string) =>
      `${asked === null ? 'The best backend' : BACKEND[asked]} was not available here, so cells run on ${BACKEND[running]} (${why}).`,
  },

  /** What the kernel client (src/kernel/client.ts) writes for the page. */
  kernelClient: ENGLISH_CLIENT_WORDS,

  toolbar: {
    label: 'Section',
    runAll: 'Run all',
    runAllTooltip: 'Run every cell of the book in this section, in order (stops at the first error; your own cells are skipped)',
    stop: 'Stop',
    stopTooltip: 'Stop the running cell and empty the queue',
    restart: 'Restart',
    restartTooltip: 'A fresh kernel: variables are reset, outputs stay',
    clearOutputs: 'Clear outputs',
    clearOutputsTooltip: 'Clear the outputs of every cell (recorded ones too); running a cell shows its output again',
    queued: (k: number) => `${n(k)} queued`,
    stoppedAt: 'Stopped at',
    cell: (number: string) => `cell ${number}`,
    anError: (skipped: number) => ` (an error)${skipped > 0 ? `; ${count(skipped, 'cell', 'cells')} below did not run` : ''}`,
  },

  edits: {
    button: 'Edits',
    buttonTooltip: 'Your edits of this section',
    saved: 'Saved in this browser',
    pending: 'Saving…',
    notSaved: 'Not saved: kept in this tab only',
    export: 'Export edits (JSON)',
    notebook: 'Download as a notebook (.ipynb)',
    import: 'Import edits…',
    reallyReset: (k: number) => `Really reset ${count(k, 'cell', 'cells')}?`,
    resetAll: (scratchStays: boolean) => `Reset all cells to the book${scratchStays ? ' (your own cells stay)' : ''}`,
    imported: (edited: number, scratch: number, orphaned: number) => {
      const parts = [edited > 0 || scratch === 0 ? count(edited, 'edited cell', 'edited cells') : '', scratch > 0 ? `${count(scratch, 'cell', 'cells')} of your own` : ''].filter(Boolean);
      return `Imported ${parts.join(' and ')}${orphaned ? `; ${n(orphaned)} belong to cells no longer in this section (kept aside)` : ''}.`;
    },
    importFailed: (error: string) => `Import failed: ${error}`,
    dismiss: 'Dismiss',
    // Import problems (edits-file.ts, section-edits.ts).
    fileTooBig: (mb: number, maxMb: number) => `The file is ${n(mb, 1)} MB; an edits file is at most ${n(maxMb)} MB. Choose a file exported from this book (Edits > Export).`,
    notJson: (error: string) => `The file is not valid JSON (${error}). Choose a file exported from this book (Edits > Export).`,
    notEditsFile: (expected: string, got: string) => `This is not an edits file of this book: expected "kind": "${expected}", got ${got}.`,
    wrongFormat: (format: string, readable: readonly unknown[]) => `The file has format ${format}; this version of the book reads formats ${readable.join(' and ')}.`,
    malformed: (detail: string) => `The edits file is malformed: ${detail}.`,
    wrongSection: (fileSlug: string, slug: string) => `The file holds edits of section '${fileSlug}', but this is section '${slug}'. Open that section to import it.`,
    unknownEdition: (got: string) => `The file's edition is ${got}; this book's editions are 'en' and 'zh'. Choose a file exported from this book (Edits > Export).`,
    otherEdition: (fileLang: string, pageLang: string) =>
      `The file holds edits of this section in the '${fileLang}' edition, but this page is the '${pageLang}' edition; their cells differ in comments and printed text. Switch the page's language to '${fileLang}' and import it there.`,
    sectionTooLarge: (size: number, max: number) =>
      `With this file, the section's edits would take ${count(size, 'character', 'characters')}; a section keeps at most ${n(max)}. Import a file exported from this book (Edits > Export), or reset some cells first.`,
    // Storage (safe-storage.ts, section-edits.ts).
    storageFull: "Your browser's storage for this site is full, so your latest edits are kept only in this tab. Export them (Edits > Export) before closing it, or free some space.",
    storageUnavailable: 'Browser storage is unavailable here (private mode or blocked site data), so your edits are kept only in this tab. Export them (Edits > Export) before closing it.',
    damaged: (detail: string, notCopied: boolean) =>
      `Saved edits for this section could not be read (${detail}). The book's cells are shown; the damaged data is kept aside and included in Export.${notCopied ? ' It could not be copied aside in storage: export it now to keep it.' : ''}`,
  },

  notices: {
    exportEdits: 'Export edits',
    export: 'Export',
    dismiss: 'Dismiss',
    discard: 'Discard',
    orphans: (k: number) =>
      `${k === 1 ? 'One of your saved edits belongs' : `${n(k)} of your saved edits belong`} to a cell that is no longer in this section (the book changed). They are kept and included in Export.`,
    loadFailed: (error: string) => `This section could not be loaded: ${error}. Check your connection and reload the page.`,
    loading: 'Loading…',
  },

  prevNext: {
    label: 'Previous and next section',
    previous: 'Previous',
    next: 'Next',
  },

  headingLink: 'Link to this heading',

  /** CodeMirror's own phrases (EditorState.phrases): English is CodeMirror's default, so none. */
  editorPhrases: {} as Record<string, string>,

  cell: {
    copy: 'Copy',
    copied: 'Copied',
    notCopied: 'Not copied',
    copyTooltip: 'Copy the code of this cell',
    copyRefused: 'The browser refused the clipboard: select the code and press Ctrl+C',
    state: { queued: 'queued', running: 'running', done: 'done', error: 'error', stopped: 'stopped' },
    editorLabel: (k: number) => `Code cell ${n(k)}`,
    scratchEditorLabel: (below: number) => `Your scratch cell below code cell ${n(below)}`,
    scratchLabel: 'Your scratch cell',
    yourCell: 'your cell',
    yourCellTooltip: "A cell you added: it runs in the section's kernel, is saved with your edits, and Run all skips it",
    notRun: 'not run',
    notRunTooltip: 'Run all stopped at an error above: this cell did not run',
    modified: 'modified',
    modifiedTooltip: 'You edited this cell; your version is saved in this browser',
    notRunByRunAll: 'not run by Run all',
    notRunByRunAllTooltip: 'Run all skips this cell (run=false); you can still run it yourself',
    stop: 'Stop',
    stopTooltip: 'Stop the running cell and empty the queue',
    run: 'Run',
    runTooltip: 'Run this cell (Ctrl+Enter; Shift+Enter runs and moves on)',
    runAbove: 'Run above',
    runAboveTooltip: 'Run every cell above this one, in order',
    runAboveScratchTooltip: "Run the book's cells above this one, in order",
    reset: 'Reset',
    resetTooltip: "Restore the book's code for this cell (Ctrl+Z in the editor undoes it)",
    add: 'Cell',
    addTooltip: 'Add your own scratch cell below (Esc, then B): it runs in the same kernel',
    delete: 'Delete this cell',
    deleteTooltip: 'Delete this cell of yours',
    help: 'Keyboard help',
    helpTooltip: 'Keys: Shift+Enter, Ctrl+Enter, Esc then B to add a cell',
    originalChanged: "The book's version of this cell changed since you edited it. Your edit is kept.",
    useNewOriginal: 'Use the new original',
    keepMyEdit: 'Keep my edit',
  },

  /** The keyboard help under a cell: key, then what it does. */
  keys: {
    runAdvance: 'run, then go to the next cell',
    runStay: 'run, stay here',
    escape: 'leave the editor (Tab indents inside it); then Tab moves on',
    escapeThenB: 'Esc, then B',
    addScratch: 'add your own scratch cell below, run in the same kernel',
    escapeThenEnter: 'Esc, then Enter',
    backToEditor: 'back into the editor',
    scratchNote: 'This is your own cell: saved in this browser with your edits, exported with them, and never run by Run all.',
  },

  outputs: {
    recorded: (modified: boolean) => `recorded${modified ? ' (from the book’s code)' : ''}`,
    recordedTooltip: (backend: string | null, recordedAt: Date | null) =>
      `Recorded when the book was built${backend !== null && recordedAt !== null ? ` on ${backend}, ${f.date(recordedAt)}` : ''}. Run the cell to see your own output.`,
    restored: 'your output · before the reload',
    restoredTooltip: (at: Date) => `Your output, kept from before the page was reloaded (${f.dateTime(at)}, ${f.ago(at)}). The kernel was not running it now: run the cell again to update it.`,
    expand: 'Expand',
    collapse: 'Collapse',
    expandTooltip: 'Show the whole output',
    collapseTooltip: 'Show only the first lines of this output',
    clear: 'Clear',
    clearTooltip: "Clear this cell's output (running the cell shows it again)",
    droppedChars: (k: number) => `… ${n(k)} ${f.plural(k, { one: 'more character of output was', other: 'more characters of output were' })} left out.`,
    droppedOutputs: (k: number) => `… ${n(k)} ${f.plural(k, { one: 'more output was', other: 'more outputs were' })} left out.`,
    collapsed: 'Output collapsed: show all',
    leftOut: (notes: readonly string[]) => `… ${notes.join('; ')}.`,
    linesNotShown: 'Lines not shown',
    hiddenLines: (lines: number, chars: number) => `${count(lines, 'more line', 'more lines')} (${count(chars, 'character', 'characters')}) not shown`,
    showMore: (k: number) => `Show ${n(k)} more`,
    stoppedByYou: 'You stopped this cell.',
    errorLine: (line: number) => `line ${n(line)}`,
    errorColumn: (column: number) => `, column ${n(column)}`,
    emptyImage: (w: number, h: number) => `(empty image, ${w} × ${h})`,
    chartFailed: (error: string) => `The chart could not be drawn: ${error}`,
    chartLibraryFailed: (error: string) => `The chart library could not load (${error}); reload the page to try again.`,
    loadingChart: 'Loading chart…',
  },

  /** What the page says it left out of an output too large to show (bound-output.ts). */
  bounds: {
    moreChars: (k: number, what: string) => `${count(k, 'more character', 'more characters')} of ${what} left out`,
    what: {
      errorName: 'the error name',
      errorMessage: 'the error message',
      sourceLine: 'the source line',
      columnName: 'a column name',
      caption: 'the caption',
      imageTitle: 'an image title',
      seriesName: 'a series name',
      chartTitle: 'a chart title',
      axisLabel: 'an axis label',
      chartNote: 'a chart note',
      output: 'output',
    },
    moreColumns: (k: number) => `${count(k, 'more column', 'more columns')} left out`,
    moreRows: (k: number) => `${count(k, 'more row', 'more rows')} left out`,
    longCells: (k: number, max: number) => `${count(k, 'table cell', 'table cells')} cut to ${n(max)} characters`,
    moreImages: (k: number) => `${count(k, 'more image', 'more images')} left out`,
    thinned: (left: number, total: number, name: string, every: number) => `${n(left)} of the ${n(total)} points of '${name}' left out (one point in ${n(every)} drawn)`,
    contourThinned: (from: number, to: number) => `the contour grid thinned from ${n(from)} to ${n(to)} points`,
    moreSeries: (k: number) => `${n(k)} more series left out`,
    morePanels: (k: number) => `${count(k, 'more chart panel', 'more chart panels')} left out`,
    moreNotes: (k: number) => `${count(k, 'more chart note', 'more chart notes')} left out`,
    moreControlled: (k: number) => `${count(k, 'more output', 'more outputs')} of the controls left out`,
  },

  controls: {
    running: 'running…',
    failed: 'failed',
    stopped: 'stopped',
    label: "Controls: moving one runs the cell's function again",
    runAgain: 'Run again',
    runAgainTooltip: 'Run the function again with these values',
    stop: 'Stop',
    stopTooltip: 'Stop this run',
    staticTooltip: 'Run the cell to move these controls',
  },

  advice: {
    restarted: 'The kernel was restarted, so the variables the cells above defined are gone. ',
    notRun: (notRun: number, all: boolean) => `${all ? 'The cells above have' : `${n(notRun)} of the cells above have`} not run in this kernel, so their variables do not exist here yet. `,
    runAbove: 'Run above',
    held: (bytes: number | null, tensors: number | null) =>
      bytes === null ? 'an unknown amount of memory' : `${f.bytes(bytes)}${tensors === null ? '' : ` in ${count(tensors, 'array', 'arrays')}`}`,
    memory: (held: string) => `The kernel holds ${held}. Restarting it frees all of that (its variables are reset; the outputs on the page stay).`,
    restart: 'Restart the kernel',
    ndFunction: (method: string) => `An NDArray has no method ${method}; the library has it as a function: `,
  },

  slow: {
    tooltip: (slow: BackendName, ratio: string, fastest: BackendName) =>
      `The speed check measured ${BACKEND[slow]} ${ratio} times slower than ${BACKEND[fastest]} in this browser. Choose ${BACKEND[fastest]} (or Auto) under Backend in the status bar: the kernel restarts there, so run the cells above again.`,
    text: (slow: BackendName, ratio: string, fastest: BackendName) => `${BACKEND[slow]} is ${ratio}× slower here than ${BACKEND[fastest]}: switch under Backend in the status bar`,
    unmeasured: (chosen: BackendName) => `${BACKEND[chosen]} was chosen by hand, so no other backend was timed here: the page times them in the background when this cell ends`,
    unmeasuredTooltip: (chosen: BackendName) =>
      `You chose ${BACKEND[chosen]} yourself, so the kernel did not time the backends of this browser. When this cell ends, the page times them in the background (a few seconds, in a separate kernel: your variables stay), and a later long cell says whether another backend is faster here.`,
  },

  files: {
    uploadLabel: 'The cell asks for a file',
    asks: 'This cell asks for a file.',
    choose: 'Choose a file…',
    cancel: 'Cancel',
    offerLabel: 'The cell offers a file',
    offers: 'This cell offers a file: ',
    save: 'Save file',
    dismiss: 'Dismiss',
  },

  notebook: {
    from: (url: string) => `From *Hands-on Deep Learning, in the browser*: ${url}`,
    importComment: [
      "// The book's library, from the site this notebook came from (datasets too): run this cell first.",
      '// In the Deno kernel for Jupyter (deno jupyter --install); it prints the backend it started on.',
    ] as readonly string[],
    /** Above a cell the book shows but does not run (run=false), exported as Markdown so that Run All passes it. */
    notRun: 'Shown in the book, not run, so that Run All passes it by. To try it, make this a code cell (and interrupt the kernel if it does not end).',
  },

  reference: {
    title: 'Library reference',
    lead1: "Every function, class and method the code cells can use, with its signature and what it does. The names follow MXNet's, in camelCase: MXNet's ",
    lead2: ' is ',
    lead3: ' here, keyword arguments go in an options object, and reads are asynchronous (',
    lead4: ').',
    differences: 'Differences from MXNet',
    namespaces: 'Namespaces',
    filterPlaceholder: 'Filter, e.g. softmax',
    filterLabel: 'Filter the reference',
    entries: (k: number) => count(k, 'entry', 'entries'),
    nothing: (query: string) => `Nothing in the reference matches “${query}”.`,
    sameClassAs: 'The same class as ',
    sameClassEnd: '.',
    extends: (base: string) => ` extends ${base}`,
    kind: { namespace: 'namespace', function: 'function', class: 'class', method: 'method', property: 'property', alias: 'alias' },
    /** Shown only in an edition whose language is not the doc comments' (English). */
    descriptionsInEnglish: "The entries' descriptions are the first sentences of the library's doc comments, in English; names, signatures and code are written as in the code cells.",
    /** The page's record in the book's search. */
    searchIntro: 'Every function, class and method of the library: nd, autograd, gluon, init, mx, d2l, with signatures.',
    /** Between a label and its text: a difference's topic in the search's snippets, a column's name in the table. */
    titleSeparator: ': ',
  },

  datasets: {
    fashionMnist: (file: string) => `Fashion-MNIST (${file})`,
    housePrices: (file: string) => `House prices (${file})`,
    timeMachine: 'The Time Machine',
  },
};

/** The catalogue's shape: every language provides exactly these keys, with these signatures. */
export type Messages = typeof en;
