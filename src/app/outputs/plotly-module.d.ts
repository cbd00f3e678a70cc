// The prebuilt Plotly bundle has no types of its own; the API the reader uses is in plotly-types.ts.
declare module 'plotly.js-cartesian-dist-min' {
  const Plotly: import('./plotly-types').PlotlyApi;
  export default Plotly;
}
