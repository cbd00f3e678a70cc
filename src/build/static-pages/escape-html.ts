/** Text and attribute values for HTML written by hand at build time (the static pages): the charts' escaping. */
export { escapeXml as escapeHtml } from '../../render/escape-xml';
