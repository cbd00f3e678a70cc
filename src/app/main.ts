// Placeholder entry point until the React reader lands (see ../shared/DESIGN.md, "src/app").
const root = document.getElementById('root');
if (root) {
  root.innerHTML =
    '<h1>Hands-on Deep Learning, in the browser</h1><p>The reader is coming: chapters whose code cells run on your own GPU.</p>';
}
