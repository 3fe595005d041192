// The what-if screen's loader, imported by loader/load.js the first time a family asks "what if" (not part of the
// first load): it adds the screen's style, imports its wasm module (crates/whatif) and mounts it into #whatif beside
// #app, never inside it (two Yew apps never share a subtree). `draw(draft, lang, today, mode)` opens it (mode 2),
// hands it the family again while it is open (1), after the page has drawn its own change, or closes it (0). Its "back" hides it and returns to
// the results.

const byId = (id) => document.getElementById(id);
const whatif = { open: false };
const whatifRoot = () => {
  let root = byId('whatif');
  if (!root) {
    root = document.createElement('div');
    root.id = 'whatif';
    (byId('app') || document.body.lastChild).after(root);
  }
  return root;
};
// Closes the screen; from its own "back" button (`toResults`) also moves to the page's "what if" button. When the
// page itself has left its results, the focus stays where the person put it.
const closeWhatif = (toResults = true) => {
  whatif.open = false;
  document.documentElement.removeAttribute('data-whatif');
  whatifRoot().hidden = true;
  const back = toResults && (byId('what-if') || byId('result-heading'));
  if (back) {
    back.scrollIntoView();
    back.focus();
  }
};
const here = (path) => new URL(path, import.meta.url).href;
function drawWhatif() {
  whatif.started.then((m) => {
    if (!m || !whatif.open) return;
    const root = whatifRoot();
    if (!whatif.mounted) root.textContent = '';
    m.show(root, ...whatif.args, () => closeWhatif(true));
    if (!whatif.mounted) {
      whatif.mounted = true;
      // Once the screen has drawn itself: move to its heading, as a new screen.
      setTimeout(() => {
        const heading = byId('whatif-heading');
        if (heading) {
          heading.scrollIntoView();
          heading.focus();
        }
      });
    }
  });
}
function show(...args) {
  Object.assign(whatif, { open: true, args });
  const root = whatifRoot();
  root.hidden = false;
  document.documentElement.setAttribute('data-whatif', 'open');
  if (!whatif.started) {
    root.innerHTML = '<p class="loading" role="status">正在加载“如果这样做”……  Loading…</p>';
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = here('whatif.css');
    document.head.append(style);
    whatif.started = import(here('anju-whatif.js'))
      .then((m) => m.default({ module_or_path: here('anju-whatif_bg.wasm') }).then(() => m))
      .catch((error) => {
        console.warn('The what-if screen did not load.', error);
        whatif.started = null;
        root.innerHTML = '<p class="loading" role="alert">没能加载，可能是网络断了。请再点一次“比一比”。'
          + ' It did not load; please tap the button again.</p>';
      });
  }
  drawWhatif();
}

function update(...args) {
  if (!whatif.open || !whatif.started) return;
  whatif.args = args;
  // After the page has drawn its own change: the screen's recompute never delays the page's answer.
  clearTimeout(whatif.timer);
  whatif.timer = setTimeout(drawWhatif, 50);
}


/** The page's one call (src/whatif.rs): open (2), update while open (1) or close (0). */
export function draw(draft, lang, today, mode) {
  if (mode === 2) show(draft, lang, today);
  else if (mode === 1) update(draft, lang, today);
  else if (whatif.open) closeWhatif(false);
}
