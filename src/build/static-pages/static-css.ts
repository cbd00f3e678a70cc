/**
 * The static pages' stylesheet: static-page.css plus what is generated from the app's sources so
 * it cannot drift: the dark theme's variables (theme.css's `html[data-theme='dark']` block) for
 * readers whose system is dark (without JavaScript nothing sets data-theme; with it, the app sets
 * data-theme while it loads, and the dark code colours follow), the chart palette
 * (src/render/chart-palette.ts, the app's) and the code colours (cells/editor/highlight.ts's palette). Pure.
 */
import { DARK_CHART, LIGHT_CHART } from '../../render/chart-palette';
import { DARK_CODE, LIGHT_CODE } from '../../app/cells/editor/highlight';
import { SERIES_COLOURS, seriesCss } from '../../render/chart-svg';

type CodeColours = typeof LIGHT_CODE;


function codeRules(c: CodeColours, scope: string): string {
  const r = (classes: string[], decl: string) => classes.map((k) => `${scope} .static-cell .tok-${k}`).join(', ') + ` { ${decl} }`;
  return [
    r(['keyword'], `color: ${c.keyword};`),
    r(['string', 'string2'], `color: ${c.string};`),
    r(['number', 'bool', 'atom', 'literal'], `color: ${c.number};`),
    r(['comment'], `color: ${c.comment}; font-style: italic;`),
    r(['typeName', 'className', 'namespace'], `color: ${c.type};`),
    r(['propertyName'], `color: ${c.prop};`),
    r(['definition'], `color: ${c.def};`),
    r(['operator', 'punctuation'], `color: ${c.punct};`),
  ].join('\n');
}

function palette(colours: readonly string[]): string {
  return Array.from({ length: SERIES_COLOURS }, (_, i) => `--chart-${i}: ${colours[i % colours.length]};`).join(' ');
}

export function staticCss(baseCss: string, themeCss: string): string {
  const dark = /html\[data-theme='dark'\]\s*\{([^}]*)\}/.exec(themeCss)?.[1];
  if (!dark) throw new Error("theme.css has no html[data-theme='dark'] block; the static pages copy its variables for dark systems");
  const series = seriesCss((i) => `var(--chart-${i})`);
  return `${baseCss}
/* generated: the dark theme without JavaScript, chart palette, code colours */
@media (prefers-color-scheme: dark) {
  html:not([data-theme]) {${dark}}
  html:not([data-theme]) .static-chart { ${palette(DARK_CHART.series)} }
${codeRules(DARK_CODE, '  html:not([data-theme])')}
}
.static-chart { ${palette(LIGHT_CHART.series)} }
html[data-theme='dark'] .static-chart { ${palette(DARK_CHART.series)} }
${series}
${codeRules(LIGHT_CODE, '')}
${codeRules(DARK_CODE, "html[data-theme='dark']")}
`;
}
