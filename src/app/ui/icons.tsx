/** Small inline icons (no icon font: nothing extra to download before the text shows). */
const paths = {
  run: 'M5 3.5v9l7.5-4.5z',
  runAll: 'M2.5 3.5v9l6-4.5zM8.5 3.5v9l6-4.5z',
  runAbove: 'M3 2.5h10M5 6v7.5l7-3.75z',
  stop: 'M4 4h8v8H4z',
  restart: 'M12.5 8a4.5 4.5 0 1 1-1.32-3.18M12.5 2.5v3h-3',
  reset: 'M3.5 8a4.5 4.5 0 1 0 1.32-3.18M3.5 2.5v3h3',
  menu: 'M2.5 4h11M2.5 8h11M2.5 12h11',
  close: 'M3.5 3.5l9 9M12.5 3.5l-9 9',
  search: 'M7 12a5 5 0 1 1 0-10 5 5 0 0 1 0 10zM10.5 10.5l3.5 3.5',
  prev: 'M10 3L5 8l5 5',
  next: 'M6 3l5 5-5 5',
  download: 'M8 2.5v8M4.5 7L8 10.5 11.5 7M3 13.5h10',
  upload: 'M8 10.5v-8M4.5 6L8 2.5 11.5 6M3 13.5h10',
  tune: 'M2.5 5h11M2.5 11h11M6 3v4M10 9v4',
  check: 'M3.5 8.5l3 3 6-7',
  copy: 'M5.5 5.5h7v8h-7zM3.5 10.5v-8h7',
  add: 'M8 3v10M3 8h10',
  trash: 'M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 9h5.6l.7-9',
  clear: 'M3 3.5h10M3 7h6M3 10.5h4M10 10l3.5 3.5M13.5 10L10 13.5',
  collapse: 'M4 6l4 4 4-4',
  expand: 'M6 4l4 4-4 4',
} as const;

export type IconName = keyof typeof paths;
const filled = new Set<IconName>(['run', 'runAll', 'stop']);

export function Icon({ name }: { name: IconName }) {
  const fill = filled.has(name);
  return (
    <svg className="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path d={paths[name]} fill={fill ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth={fill ? 0.5 : 1.5} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
