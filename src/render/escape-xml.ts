/** Text and attribute values for SVG and HTML written by hand (charts, static pages, notebook tables). */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
