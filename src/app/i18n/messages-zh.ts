/**
 * 阅读器界面的中文文字：与 messages-en.ts 逐键对应（`satisfies Messages`：缺一个键或多一个键
 * 都是类型错误）。术语取自 chapters/glossary.yaml（单元、内核、后端……），按钮名与正文
 * （1.1节）一致：运行、全部运行、运行上方、停止、重启、+ 单元、你的单元、已修改、已录制。
 * 中文没有复数变化，数量一律写作“3 个单元”；数字、大小、时长和日期经 `Intl`（zh-CN）格式化。
 */
import type { BackendName } from '../../kernel/protocol';
import { formatsFor } from './format';
import type { Messages } from './messages-en';

const f = formatsFor('zh', { ms: '毫秒', s: '秒', min: '分', sep: ' ' });
const n = f.number;

const BACKEND: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

export const zh = {
  format: f,
  bookTitle: '动手学深度学习（浏览器版）',
  bookDescription: '一本交互式深度学习教材，代码单元在你的浏览器中、在你的GPU上运行：NDArray、自动求梯度、Gluon、卷积神经网络和循环神经网络，动手学。',
  bookShortTitle: '动手学深度学习',
  site: {
    languageLabel: '语言',
    readInThisLanguage: '阅读本页的中文版',
    loadingEdition: '正在加载中文版…',
    editionFailed: (reason: string) => `无法加载这一版本（${reason}）。请检查网络连接，然后重新加载页面。`,
  },
  pageTitle: (what: string) => `${what} · 动手学深度学习`,
  punct: {
    colon: '：',
    paren: (s: string) => `（${s}）`,
  },

  shell: {
    skipToContent: '跳到正文',
    openToc: '打开目录',
    closeToc: '关闭目录',
    loadingReference: '正在加载参考手册…',
    thisPage: '本页',
    theStatusBar: '状态栏',
  },

  boundary: {
    couldNotShow: (what: string, error: string) => `${what}无法显示：${error}`,
    thisCell: '这个单元',
    thisOutput: '这个输出',
    cellOutputs: '这个单元的输出',
  },

  home: {
    lead1: '一本边读边运行的教科书。每个代码单元都在这里运行：在你的浏览器中，有GPU时就用你自己的GPU。改一改单元，按',
    lead2: '，看着损失下降。',
    startReading: (number: string, title: string) => `开始阅读：${number} ${title}`,
    noSections: '本书还没有任何小节。',
  },

  notFound: {
    title: '本书中没有这一页',
    before: '这一版的书中没有小节 ',
    after: '；这个链接可能来自旧版本。请看',
    contents: '目录',
    afterContents: '，或者用搜索。',
  },

  toc: {
    label: '目录',
    contents: '目录',
  },

  search: {
    placeholder: '搜索本书（/）',
    placeholderTouch: '搜索本书',
    label: '搜索本书',
    results: '搜索结果',
    loading: '正在加载索引…',
    failed: (error: string) => `搜索索引加载失败（${error}）。`,
    nothingFound: (query: string) => `没有找到“${query}”。`,
  },

  theme: {
    label: '主题',
    system: '自动',
    light: '浅色',
    dark: '深色',
  },

  offline: {
    available: '可离线阅读',
    textAndCode: '离线：文字和代码',
    saving: '正在保存以供离线…',
    onlineOnly: '仅限在线',
    panel: '离线阅读',
    ready: '每一节、运行代码的内核及其WASM文件、字体和样式都已保存在这台设备上：不联网也能打开本书并运行代码。',
    savingPages: '正在把本书的页面和代码保存到这台设备上…',
    unsupported: (reason: string) => `这里无法保存本书以供离线阅读：${reason}。`,
    failed: (reason: string) => `保存本书以供离线阅读失败：${reason}。`,
    checking: '正在检查已保存的数据集…',
    datasets: (saved: number, total: number, savedBytes: number, allBytes: number) => `数据集：已保存 ${n(saved)} 个，共 ${n(total)} 个（${f.bytes(savedBytes)}，共 ${f.bytes(allBytes)}）。`,
    firstUse: '用到某个数据集的小节会在第一次使用时下载它。',
    downloadFailed: (error: string) => `有一个下载失败了：${error}`,
    savingDatasets: '正在保存数据集',
    progress: (done: number, all: number) => `${f.bytes(done)} / ${f.bytes(all)}`,
    makeAvailable: (missing: number) => `让本书可以离线阅读（${f.bytes(missing)}）`,
    everything: '整本书连同数据集都可以离线阅读了。',
    usage: (bytes: number) => `本书占用这台设备 ${f.bytes(bytes)} 的存储空间。`,
    reloadForThreads: '重新加载页面，即可让WASM后端在多个线程上运行。',
    reload: '重新加载',
    noWorkerInDev: '开发服务器没有service worker',
    noServiceWorkers: '这个浏览器不支持service worker',
    notHttps: '本书不是通过HTTPS提供的',
    filesNotSaved: '有些文件未能保存（网络断了，还是设备的存储空间满了？）',
  },

  update: {
    takenElsewhere: '本书已在另一个标签页中更新。重新加载即可继续使用新版本；你保存的修改都会保留。',
    available: '本书有新版本。重新加载即可阅读新版本；你保存的修改都会保留。',
    reloading: '正在重新加载…',
    reload: '重新加载',
    later: '稍后',
  },

  status: {
    noKernel: '本页没有内核',
    phase: { off: '未启动', starting: '正在启动…', idle: '空闲', busy: '忙碌', failed: '启动失败' },
    offHint: '点进某个单元或运行单元时，内核才会启动（没有单元会自行运行）。',
    kernelWord: '内核：',
    unavailable: (backend: BackendName, reason: string) => `${BACKEND[backend]}不可用：${reason}`,
    fallback: (why: string) => `已后退：${why}`,
    chosenByYou: '由你选择',
    chosenTooltip: '在状态栏中选择。选择“自动”即可使用在本机测得最快的后端。',
    firstOfLadder: '阶梯上第一个启动成功的后端',
    firstOfLadderTooltip: '依次尝试WebGPU、WebGL、WASM和CPU：第一个启动成功的。',
    wasmThreads: (threads: number, note: string | null) => `WASM在 ${n(threads)} 个线程上运行${note ? `：${note}` : ''}。`,
    threads: (threads: number) => `${n(threads)} 个线程`,
    memoryTooltip: (bytes: number, tensors: number) =>
      `内核中的数组此刻占用的内存：${f.bytes(bytes)}，共 ${n(tensors)} 个数组（权重、梯度、数据和中间结果）。训练时它会有升有降；不再被引用的数组会被释放，重启会释放全部内存。`,
    memoryInUse: (bytes: number) => `已用 ${f.bytes(bytes)}`,
    memoryBeforeRun: (bytes: number) => `运行前已用 ${f.bytes(bytes)}`,
    memoryBeforeRunTooltip: (bytes: number, tensors: number) => `正在运行的单元开始时，内核中的数组占用的内存：${f.bytes(bytes)}，共 ${n(tensors)} 个数组。单元结束时会重新测量。`,
    downloadFailed: (what: string) => `${what}：下载失败`,
    fromCache: (what: string) => `${what}（来自缓存）`,
    downloaded: (what: string) => `${what} 已下载`,
    downloading: (path: string) => `正在下载 ${path}`,
    backend: '后端',
    backendTooltip: '在所选的后端上重启内核',
    auto: '自动（本机最快）',
  },

  backendMenu: {
    button: '选项',
    buttonTooltip: '重新测量各个后端，WASM线程数',
    label: '后端选项',
    measureAgain: '重新测量',
    measureHint: (toAuto: boolean) => `为每个后端计时，并在最快的后端上启动${toAuto ? '（回到“自动”）' : ''}。这会重启内核：内核中的变量会被清空。`,
    wasmThreads: 'WASM线程数',
    threadsDefault: (limit: number, here: number | null) => `默认：每个核心一个，最多 ${n(limit)} 个${here !== null ? `（本机 ${n(here)} 个）` : ''}`,
    threadsOne: '1 个线程',
    threadsPerCore: (cores: number | null) => `每个核心一个${cores !== null ? `（本机 ${n(cores)} 个）` : ''}`,
    threadsHint: '内核在WASM上运行时使用。更改会重启内核。',
    noThreads: '本页没有跨源隔离：服务器必须发送 Cross-Origin-Opener-Policy: same-origin 和 Cross-Origin-Embedder-Policy: require-corp 两个响应头。',
  },

  probe: {
    ms: (ms: number) => (ms >= 1000 ? `${n(ms / 1000, 1)} 秒` : ms >= 10 ? `${n(Math.round(ms), 0)} 毫秒` : `${n(ms, 1)} 毫秒`),
    wrongShort: '结果错误',
    unavailableShort: '不可用',
    failedShort: '失败',
    skippedShort: '已跳过',
    runs: (k: number, rechecked: boolean) => `${n(k)} 次运行的中位数${rechecked ? '，交替重新计时' : ''}`,
    stoppedEarly: (chosen: string) => `，提前停止：多数运行比${chosen}慢`,
    overCap: (cap: string, perRun: string | null) => `未在 ${cap} 的上限内完成${perRun !== null ? `（到此为止每次运行 ${perRun}）` : ''}`,
    wrong: (reason: string) => `被拒绝，结果错误：${reason}`,
    unavailable: (reason: string) => `不可用：${reason}`,
    failed: (reason: string) => `失败：${reason}`,
    skipped: (reason: string) => `未测量：${reason}`,
    fastestHere: '本机最快',
    noneInTime: '没有后端按时完成速度测试；取阶梯上的第一个',
    measuredOn: (when: string) => `于 ${when} 在这个浏览器中测得（保留30天，期间不再重复测试；“选项 > 重新测量”可立即重新测量）。`,
    measuredAtStart: (total: string) => `在内核启动时测得（${total}）。`,
    verdict: (backend: string, fastest: boolean) =>
      `在一个全连接层（128x256乘256x256，ReLU）的一次前向传播和反向传播上，并与参考结果核对，${backend}${fastest ? '是结果正确的后端中最快的' : '是阶梯上第一个没有失败的后端'}。`,
    recheck: (a: string, b: string) => `${a}和${b}的用时相差不到2倍，因此在相同负载下交替对两者重新计时。`,
    chooseAnother: '要使用其他后端，请在状态栏中选择。',
  },

  kernel: {
    restarted: '内核已重启：内核中的变量已被清空。继续之前，请重新运行上方的单元。',
    restartedOn: (backend: BackendName | null) => `内核已在${backend === null ? '可用的最佳后端' : BACKEND[backend]}上重启：内核中的变量已被清空。继续之前，请重新运行上方的单元。`,
    restartedToMeasure: '为重新测量各个后端，内核已重启：内核中的变量已被清空。继续之前，请重新运行上方的单元。',
    restartedThreads: (choice: 'default' | 'one' | 'per-core') =>
      `内核已重启，${{ default: 'WASM使用默认线程数', one: 'WASM使用一个线程', 'per-core': 'WASM每个核心使用一个线程' }[choice]}：内核中的变量已被清空。继续之前，请重新运行上方的单元。`,
    shutDownForMemory: '你在阅读其他小节时，为释放内存，本节的内核已被关闭：内核中的变量已被清空。要继续，请重新运行各个单元。',
    couldNotStart: (error: string) => `内核无法启动：${error}。请重新加载页面，或在状态栏中选择其他后端。`,
    couldNotStartCell: (error: string) => `内核无法启动：${error}`,
    shutDownWhileStarting: '内核在启动过程中被关闭了',
    fellBack: (asked: BackendName | null, running: BackendName, why: string) =>
      `${asked === null ? '最佳后端' : BACKEND[asked]}在这里不可用，因此单元在${BACKEND[running]}上运行（${why}）。`,
  },

  kernelClient: {
    outputRefused: (reason: string) => `这个输出无法显示：${reason}`,
    flooded: (limit: number, kind: 'statuses' | 'refused') =>
      `内核在一秒内发送了超过 ${n(limit)} 条${kind === 'statuses' ? '状态消息' : '页面不得不拒收的消息'}（是某个单元在冒充内核吗？），因此内核已被停止并重启：内核中的变量已被清空。`,
    stopRestarted: '正在运行的单元未能在一秒内停下，因此内核已重启：内核中的变量已被清空。请重新运行上方的单元。',
    restarted: '内核已重启：内核中的变量已被清空。',
    shutDown: '内核已关闭。',
  },

  toolbar: {
    label: '小节',
    runAll: '全部运行',
    runAllTooltip: '按顺序运行本节中书里的每一个单元（遇到第一个错误即停止；跳过你自己的单元）',
    stop: '停止',
    stopTooltip: '停止正在运行的单元，并清空队列',
    restart: '重启',
    restartTooltip: '启动一个全新的内核：变量会被清空，输出仍然保留',
    clearOutputs: '清除输出',
    clearOutputsTooltip: '清除每个单元的输出（包括已录制的输出）；再次运行单元即可重新显示输出',
    queued: (k: number) => `${n(k)} 个排队中`,
    stoppedAt: '停在',
    cell: (number: string) => `单元 ${number}`,
    anError: (skipped: number) => `（出错）${skipped > 0 ? `；下方 ${n(skipped)} 个单元没有运行` : ''}`,
  },

  edits: {
    button: '修改',
    buttonTooltip: '你对本节的修改',
    saved: '已保存在这个浏览器中',
    pending: '正在保存…',
    notSaved: '未保存：仅保留在这个标签页中',
    export: '导出修改（JSON）',
    notebook: '下载为笔记本（.ipynb）',
    import: '导入修改…',
    reallyReset: (k: number) => `确定要重置 ${n(k)} 个单元吗？`,
    resetAll: (scratchStays: boolean) => `把所有单元重置为书中的版本${scratchStays ? '（你自己的单元会保留）' : ''}`,
    imported: (edited: number, scratch: number, orphaned: number) => {
      const parts = [edited > 0 || scratch === 0 ? `${n(edited)} 个修改过的单元` : '', scratch > 0 ? `${n(scratch)} 个你自己的单元` : ''].filter(Boolean);
      return `已导入 ${parts.join('和')}${orphaned ? `；其中 ${n(orphaned)} 个属于本节中已不存在的单元（已另行保存）` : ''}。`;
    },
    importFailed: (error: string) => `导入失败：${error}`,
    dismiss: '关闭',
    fileTooBig: (mb: number, maxMb: number) => `文件大小为 ${n(mb, 1)} MB，而修改文件最大为 ${n(maxMb)} MB。请选择从本书导出的文件（修改 > 导出）。`,
    notJson: (error: string) => `文件不是有效的JSON（${error}）。请选择从本书导出的文件（修改 > 导出）。`,
    notEditsFile: (expected: string, got: string) => `这不是本书的修改文件：应为 "kind": "${expected}"，实际为 ${got}。`,
    wrongFormat: (format: string, readable: readonly unknown[]) => `文件的格式为 ${format}；这一版的书可以读取的格式为 ${readable.join('和')}。`,
    malformed: (detail: string) => `修改文件格式有误：${detail}。`,
    wrongSection: (fileSlug: string, slug: string) => `这个文件保存的是小节“${fileSlug}”的修改，而这里是小节“${slug}”。请打开那一节再导入。`,
    unknownEdition: (got: string) => `文件的版本为 ${got}；本书的版本只有 'en' 和 'zh'。请选择从本书导出的文件（修改 > 导出）。`,
    otherEdition: (fileLang: string, pageLang: string) =>
      `这个文件保存的是本节“${fileLang}”版的修改，而本页是“${pageLang}”版；两个版本的单元在注释和打印的文字上有所不同。请把页面语言切换为“${fileLang}”，再在那里导入。`,
    sectionTooLarge: (size: number, max: number) =>
      `导入这个文件后，本节的修改将达到 ${n(size)} 个字符，而一节最多保存 ${n(max)} 个字符。请导入从本书导出的文件（修改 > 导出），或者先重置一些单元。`,
    storageFull: '浏览器为本站提供的存储空间已满，因此你最近的修改只保留在这个标签页中。关闭标签页之前请先导出（修改 > 导出），或者腾出一些空间。',
    storageUnavailable: '这里无法使用浏览器存储（隐私模式，或网站数据被阻止），因此你的修改只保留在这个标签页中。关闭标签页之前请先导出（修改 > 导出）。',
    damaged: (detail: string, notCopied: boolean) =>
      `本节保存的修改无法读取（${detail}）。现在显示的是书中的单元；损坏的数据已另行保存，导出时会一并包含。${notCopied ? '它未能在存储中另存一份：请立即导出以保留它。' : ''}`,
  },

  notices: {
    exportEdits: '导出修改',
    export: '导出',
    dismiss: '关闭',
    discard: '丢弃',
    orphans: (k: number) =>
      `你保存的修改中有 ${n(k)} 处属于本节中已不存在的单元（书的内容有变动）。这些修改已保留，导出时会一并包含。`,
    loadFailed: (error: string) => `本节无法加载：${error}。请检查网络连接，然后重新加载页面。`,
    loading: '正在加载…',
  },

  prevNext: {
    label: '上一节和下一节',
    previous: '上一节',
    next: '下一节',
  },

  headingLink: '指向这个标题的链接',

  editorPhrases: {
    Completions: '补全建议',
    'Control character': '控制字符',
    'Selection deleted': '已删除选中内容',
    close: '关闭',
    'folded code': '已折叠的代码',
    to: '至',
    unfold: '展开',
  } as Record<string, string>,

  cell: {
    copy: '复制',
    copied: '已复制',
    notCopied: '未复制',
    copyTooltip: '复制这个单元的代码',
    copyRefused: '浏览器拒绝访问剪贴板：请选中代码后按Ctrl+C',
    state: { queued: '排队中', running: '运行中', done: '完成', error: '出错', stopped: '已停止' },
    editorLabel: (k: number) => `代码单元 ${n(k)}`,
    scratchEditorLabel: (below: number) => `你在代码单元 ${n(below)} 下方添加的单元`,
    scratchLabel: '你的单元',
    yourCell: '你的单元',
    yourCellTooltip: '你添加的单元：在本节的内核中运行，和你的修改一起保存，“全部运行”会跳过它',
    notRun: '未运行',
    notRunTooltip: '“全部运行”在上方的一个错误处停下了：这个单元没有运行',
    modified: '已修改',
    modifiedTooltip: '你修改过这个单元；你的版本保存在这个浏览器中',
    notRunByRunAll: '“全部运行”不运行',
    notRunByRunAllTooltip: '“全部运行”会跳过这个单元（run=false）；你仍然可以自己运行它',
    stop: '停止',
    stopTooltip: '停止正在运行的单元，并清空队列',
    run: '运行',
    runTooltip: '运行这个单元（Ctrl+Enter；Shift+Enter运行后跳到下一个单元）',
    runAbove: '运行上方',
    runAboveTooltip: '按顺序运行这个单元上方的每一个单元',
    runAboveScratchTooltip: '按顺序运行这个单元上方书中的单元',
    reset: '重置',
    resetTooltip: '恢复这个单元在书中的代码（在编辑器中按Ctrl+Z可以撤销）',
    add: '单元',
    addTooltip: '在下方添加一个你自己的单元（先按Esc，再按B）：它在同一个内核中运行',
    delete: '删除这个单元',
    deleteTooltip: '删除你添加的这个单元',
    help: '键盘帮助',
    helpTooltip: '按键：Shift+Enter，Ctrl+Enter，先按Esc再按B添加单元',
    originalChanged: '你修改这个单元之后，书中的版本有了变动。你的修改已保留。',
    useNewOriginal: '使用新的原始版本',
    keepMyEdit: '保留我的修改',
  },

  keys: {
    runAdvance: '运行，然后跳到下一个单元',
    runStay: '运行，停留在原处',
    escape: '离开编辑器（在编辑器中Tab用于缩进）；之后按Tab移到后面',
    escapeThenB: '先按Esc，再按B',
    addScratch: '在下方添加一个你自己的单元，它在同一个内核中运行',
    escapeThenEnter: '先按Esc，再按Enter',
    backToEditor: '回到编辑器',
    scratchNote: '这是你自己的单元：和你的修改一起保存在这个浏览器中并一起导出，“全部运行”永远不会运行它。',
  },

  outputs: {
    recorded: (modified: boolean) => `已录制${modified ? '（书中代码的输出）' : ''}`,
    recordedTooltip: (backend: string | null, recordedAt: Date | null) =>
      `构建本书时录制${backend !== null && recordedAt !== null ? `（${f.date(recordedAt)}，${backend}）` : ''}。运行这个单元即可看到你自己的输出。`,
    restored: '你的输出 · 重新加载之前',
    restoredTooltip: (at: Date) => `你的输出，保留自页面重新加载之前（${f.dateTime(at)}，${f.ago(at)}）。内核此刻并没有在运行它：再次运行这个单元即可更新。`,
    expand: '展开',
    collapse: '折叠',
    expandTooltip: '显示完整的输出',
    collapseTooltip: '只显示这个输出的前几行',
    clear: '清除',
    clearTooltip: '清除这个单元的输出（再次运行单元会重新显示）',
    droppedChars: (k: number) => `… 还有 ${n(k)} 个字符的输出被省略。`,
    droppedOutputs: (k: number) => `… 还有 ${n(k)} 个输出被省略。`,
    collapsed: '输出已折叠：显示全部',
    leftOut: (notes: readonly string[]) => `… ${notes.join('；')}。`,
    linesNotShown: '未显示的行',
    hiddenLines: (lines: number, chars: number) => `还有 ${n(lines)} 行（${n(chars)} 个字符）未显示`,
    showMore: (k: number) => `再显示 ${n(k)} 行`,
    stoppedByYou: '你停止了这个单元。',
    errorLine: (line: number) => `第 ${n(line)} 行`,
    errorColumn: (column: number) => `，第 ${n(column)} 列`,
    emptyImage: (w: number, h: number) => `（空图像，${w} × ${h}）`,
    chartFailed: (error: string) => `图表无法绘制：${error}`,
    chartLibraryFailed: (error: string) => `图表库加载失败（${error}）；请重新加载页面再试。`,
    loadingChart: '正在加载图表…',
  },

  bounds: {
    moreChars: (k: number, what: string) => `${what}省略了 ${n(k)} 个字符`,
    what: {
      errorName: '错误名称',
      errorMessage: '错误信息',
      sourceLine: '源代码行',
      columnName: '某个列名',
      caption: '表格标题',
      imageTitle: '某个图像标题',
      seriesName: '某个序列名称',
      chartTitle: '某个图表标题',
      axisLabel: '某个坐标轴标签',
      chartNote: '某条图表注释',
      output: '输出',
    },
    moreColumns: (k: number) => `还有 ${n(k)} 列被省略`,
    moreRows: (k: number) => `还有 ${n(k)} 行被省略`,
    longCells: (k: number, max: number) => `${n(k)} 个表格单元格被截断为 ${n(max)} 个字符`,
    moreImages: (k: number) => `还有 ${n(k)} 张图像被省略`,
    thinned: (left: number, total: number, name: string, every: number) => `“${name}”的 ${n(total)} 个点中省略了 ${n(left)} 个（每 ${n(every)} 个点绘制一个）`,
    contourThinned: (from: number, to: number) => `等高线网格从 ${n(from)} 个点稀疏为 ${n(to)} 个点`,
    moreSeries: (k: number) => `还有 ${n(k)} 个序列被省略`,
    morePanels: (k: number) => `还有 ${n(k)} 个图表面板被省略`,
    moreNotes: (k: number) => `还有 ${n(k)} 条图表注释被省略`,
    moreControlled: (k: number) => `控件下还有 ${n(k)} 个输出被省略`,
  },

  controls: {
    running: '运行中…',
    failed: '失败',
    stopped: '已停止',
    label: '控件：移动任何一个都会重新运行这个单元的函数',
    runAgain: '重新运行',
    runAgainTooltip: '用这些值重新运行函数',
    stop: '停止',
    stopTooltip: '停止这次运行',
    staticTooltip: '运行这个单元后才能移动这些控件',
  },

  advice: {
    restarted: '内核已重启，因此上方单元定义的变量都没有了。',
    notRun: (notRun: number, all: boolean) => `${all ? '上方的单元' : `上方的单元中有 ${n(notRun)} 个`}还没有在这个内核中运行过，所以它们的变量在这里还不存在。`,
    runAbove: '运行上方',
    held: (bytes: number | null, tensors: number | null) =>
      bytes === null ? '数量未知的内存' : `${f.bytes(bytes)}${tensors === null ? '' : `（${n(tensors)} 个数组）`}`,
    memory: (held: string) => `内核占用了${held}。重启内核会释放全部内存（内核中的变量会被清空；页面上的输出仍然保留）。`,
    restart: '重启内核',
    ndFunction: (method: string) => `NDArray没有${method}方法；库中它是一个函数：`,
  },

  slow: {
    tooltip: (slow: BackendName, ratio: string, fastest: BackendName) =>
      `速度测试测得，在这个浏览器中${BACKEND[slow]}比${BACKEND[fastest]}慢 ${ratio} 倍。请在状态栏的“后端”中选择${BACKEND[fastest]}（或“自动”）：内核会在那里重启，所以需要重新运行上方的单元。`,
    text: (slow: BackendName, ratio: string, fastest: BackendName) => `${BACKEND[slow]}在这里比${BACKEND[fastest]}慢 ${ratio} 倍：可在状态栏的“后端”中切换`,
    unmeasured: (chosen: BackendName) => `你手动选择了${BACKEND[chosen]}，其他后端尚未在这里测速：本单元结束后，页面会在后台测速`,
    unmeasuredTooltip: (chosen: BackendName) =>
      `你自行选择了${BACKEND[chosen]}，所以内核没有测量这个浏览器中各后端的速度。本单元结束后，页面会在后台测量它们（几秒钟，在另一个内核中进行：你的变量保持不变），之后运行较久的单元会告诉你这里是否有更快的后端。`,
  },

  files: {
    uploadLabel: '单元请求一个文件',
    asks: '这个单元请求一个文件。',
    choose: '选择文件…',
    cancel: '取消',
    offerLabel: '单元提供了一个文件',
    offers: '这个单元提供了一个文件：',
    save: '保存文件',
    dismiss: '关闭',
  },

  notebook: {
    from: (url: string) => `摘自《动手学深度学习（浏览器版）》：${url}`,
    importComment: [
      '// 本书的库，来自下载本笔记本的网站（数据集也从那里读取）：请先运行这个单元。',
      '// 在Jupyter的Deno内核中运行（deno jupyter --install）；它会打印所启动的后端。',
    ] as readonly string[],
    notRun: '书中只展示、不运行的代码，“全部运行”时会跳过它。要试一试，把它改成代码单元（如果它不结束，就中断内核）。',
  },

  reference: {
    title: '库参考手册',
    lead1: '代码单元可以使用的每一个函数、类和方法，以及它们的签名和作用。名称沿用MXNet的名称，改为驼峰式（camelCase）：MXNet的 ',
    lead2: ' 在这里是 ',
    lead3: '，关键字参数放在一个选项对象中，读取数值是异步的（',
    lead4: '）。',
    differences: '与MXNet的差异',
    namespaces: '命名空间',
    filterPlaceholder: '筛选，例如 softmax',
    filterLabel: '筛选参考手册',
    entries: (k: number) => `${n(k)} 个条目`,
    nothing: (query: string) => `参考手册中没有与“${query}”匹配的条目。`,
    sameClassAs: '与 ',
    sameClassEnd: ' 是同一个类。',
    extends: (base: string) => ` 继承自 ${base}`,
    kind: { namespace: '命名空间', function: '函数', class: '类', method: '方法', property: '属性', alias: '别名' },
    descriptionsInEnglish: '各条目的说明是库源代码中文档注释的第一句，保留英文原文；名称、签名和代码与代码单元中的写法相同。',
    searchIntro: '库中的每一个函数、类和方法：nd、autograd、gluon、init、mx、d2l，以及它们的签名。',
    titleSeparator: '：',
  },

  datasets: {
    fashionMnist: (file: string) => `Fashion-MNIST（${file}）`,
    housePrices: (file: string) => `房价数据（${file}）`,
    timeMachine: '《时间机器》',
  },
} satisfies Messages;
