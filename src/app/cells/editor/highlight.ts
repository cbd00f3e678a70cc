/** The book's code colours for CodeMirror, light and dark (the same palette as styles/theme.css). */
import { HighlightStyle } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';

const style = (c: { keyword: string; string: string; number: string; comment: string; fn: string; type: string; prop: string; punct: string; def: string }) =>
  HighlightStyle.define([
    { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.operatorKeyword, t.definitionKeyword, t.modifier], color: c.keyword },
    { tag: [t.string, t.special(t.string), t.regexp], color: c.string },
    { tag: [t.number, t.bool, t.null, t.atom], color: c.number },
    { tag: [t.lineComment, t.blockComment, t.docComment], color: c.comment, fontStyle: 'italic' },
    { tag: [t.function(t.variableName), t.function(t.propertyName)], color: c.fn },
    { tag: [t.typeName, t.className, t.namespace], color: c.type },
    { tag: [t.propertyName], color: c.prop },
    { tag: [t.definition(t.variableName)], color: c.def },
    { tag: [t.operator, t.punctuation, t.bracket], color: c.punct },
  ]);

/** The palettes, also read at build time for the static pages' code (src/build/static-pages/static-css.ts). */
export const LIGHT_CODE = { keyword: '#8a3ba8', string: '#2d7a2d', number: '#b35900', comment: '#7c7c74', fn: '#1c5fa8', type: '#0f7a7a', prop: '#2b4f7a', punct: '#555555', def: '#1f1f1f' };
export const DARK_CODE = { keyword: '#d49bf0', string: '#9ad08a', number: '#f2b36b', comment: '#8b8a83', fn: '#7fb8f2', type: '#6fd0c8', prop: '#a9c4e6', punct: '#b0aca4', def: '#ece8e0' };

export const lightHighlight = style(LIGHT_CODE);
export const darkHighlight = style(DARK_CODE);
