// Loads the app: imports the wasm-bindgen glue and starts the .wasm, so that a visitor never faces a blank page.
//
// Why not Trunk's own loader: that is an inline module script, which a strict CSP (script-src 'self'
// 'wasm-unsafe-eval') blocks, and it gives up on the first streaming error. This file is external and:
// - does nothing when check.js found the engine unable to run the app (it shows the fallback page then);
// - compiles the .wasm while it downloads when the server says application/wasm; when that throws for any reason
//   (some Android WebViews throw on a good response), or the server sends another MIME type, it fetches the bytes
//   (fetch → arrayBuffer) and hands those to the glue's init instead;
// - on a RangeError (no memory for the wasm, e.g. a 32-bit WeChat) or a CompileError / LinkError it shows the
//   fallback page; on other failures (network) it says so and offers 重试;
// - after 1 s shows how much is downloaded, until the app replaces #app (check.js offers 重试 after 10 s).
//
// A module, named .js on purpose: servers know that type, and some send .mjs as application/octet-stream, which
// browsers refuse to run as a module.
//
// The hashed file names come from the element Trunk writes in place of <link data-trunk rel="rust"> (pattern_script
// in Trunk.toml): <link id="anju-glue" rel="modulepreload" href="…/anju-app-HASH.js" data-wasm="…_bg.wasm">, to
// which tools/minify.mjs adds the glue's `integrity` (checked by the browser) and the .wasm's `data-wasm-integrity`
// (checked here, before the engine runs, without giving up streaming compilation or the progress line).

const PROGRESS_AFTER_MS = 1000;

// Where the app lives: this page, or an element of a host's page that loader/embed.js has set up before it imported
// this file (`window.anjuEmbed`: the element's shadow root as `scope`, the `frame` inside it, the element's
// `config`). `window.anjuPage` tells the app (src/host.rs) and the what-if loader.
const embed = window.anjuEmbed;
const scope = embed ? embed.scope : document;
const frame = embed ? embed.frame : document.documentElement;
window.anjuPage = { frame: () => frame, scope, config: () => (embed ? embed.config : ''), embedded: !!embed };
const byId = (id) => scope.getElementById(id);
// The element naming the app's files, in the document's head (embed.js writes one for a host's page).
const glueLink = () => document.getElementById('anju-glue');

function showUnsupported() {
  frame.setAttribute('data-engine', 'unsupported');
  const app = byId('app');
  const fallback = byId('unsupported');
  if (app) app.hidden = true;
  if (fallback) fallback.hidden = false;
}

function say(text) {
  const line = byId('loading-progress');
  if (line) {
    line.textContent = text;
    line.hidden = false;
  }
}

function offerRetry() {
  const retry = byId('loading-retry');
  if (retry) retry.hidden = false;
}

const kb = (bytes) => Math.max(1, Math.round(bytes / 1024));

/** The download, counted: `progress.loaded` grows as chunks arrive (kept in `progress.chunks`, for the integrity
 * check); `progress.total` is 0 when unknown. */
function counted(response, progress) {
  const encoded = response.headers.get('Content-Encoding');
  const length = Number(response.headers.get('Content-Length'));
  // With compression Content-Length counts the compressed bytes, not the bytes the stream yields.
  progress.total = !encoded && length > 0 ? length : 0;
  progress.chunks = [];
  if (!response.body || typeof TransformStream !== 'function') return response;
  const counter = new TransformStream({
    transform(chunk, controller) {
      progress.loaded += chunk.byteLength;
      progress.chunks.push(chunk);
      controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(counter), { status: response.status, headers: response.headers });
}

async function fetchOk(url, integrity) {
  const response = await fetch(url, integrity ? { integrity } : undefined);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} fetching ${url}`);
  return response;
}

/** The compiled module when streaming compilation works, else the bytes (both are accepted by the glue's init). */
async function wasmSource(url, progress) {
  const response = counted(await fetchOk(url), progress);
  const streaming = typeof WebAssembly.compileStreaming === 'function'
    && (response.headers.get('Content-Type') || '').split(';')[0].trim() === 'application/wasm';
  if (!streaming) return response.arrayBuffer();
  try {
    return await WebAssembly.compileStreaming(response);
  } catch (error) {
    console.warn('Streaming compile failed; loading bytes.', error);
    progress.loaded = 0;
    return counted(await fetchOk(url), progress).arrayBuffer();
  }
}

/** Throws unless `bytes` (or, after a streaming compile, the chunks it read) have the SHA-256 `integrity` names. A
 * module is compiled while it downloads but run only once it is checked. Without `crypto.subtle` (a page not on
 * https) nothing can be checked, as with no integrity at all. */
async function check(integrity, source, progress) {
  if (!integrity || typeof crypto === 'undefined' || !crypto.subtle) return;
  let bytes = source instanceof ArrayBuffer ? new Uint8Array(source) : null;
  if (!bytes) {
    bytes = new Uint8Array(progress.chunks.reduce((n, c) => n + c.byteLength, 0));
    progress.chunks.reduce((at, c) => { bytes.set(c, at); return at + c.byteLength; }, 0);
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  if (`sha256-${btoa(String.fromCharCode(...digest))}` !== integrity) throw new Error('the engine is not the one the page names');
}

// A promise of the integrity of each file fetched after the start, by its path next to the glue, or '' (nothing to
// check). The glue's element names the list's file and its integrity (tools/integrity.mjs); the list is fetched,
// checked, the first time: if it cannot be, nothing it names loads (the next ask tries again).
let sums;
const integrity = (path) => {
  if (!sums) {
    const [file, sum] = ((glueLink() && glueLink().getAttribute('data-integrity')) || '').split(' ');
    sums = !file ? Promise.resolve({}) : fetchOk(new URL(file, glueLink().href).href, sum)
      .then((response) => response.text())
      .then((text) => {
        const list = text.split(' ');
        const named = {};
        for (let i = 0; i + 1 < list.length; i += 2) named[list[i]] = list[i + 1];
        return named;
      });
    sums.catch(() => { sums = undefined; });
  }
  return sums.then((named) => named[path] || '');
};
// A module next to the glue, imported once: preloaded with its integrity first, so the browser checks it.
const importChecked = (path) => integrity(path).then((sum) => {
  const url = new URL(path, glueLink().href).href;
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = url;
  link.integrity = sum;
  document.head.append(link);
  return import(url);
});
Object.assign(window.anjuPage, { integrity, importChecked });

// What the page fetches after it has started, each once, next to the glue: `later(path, read)` starts it and gives a
// promise that settles when it is there or has failed (a failure is logged, and the page does without it).
const later = (path, read) => integrity(path)
  .then((sum) => fetchOk(new URL(path, (glueLink() || document).href || document.baseURI).href, sum))
  .then(read)
  .catch((error) => console.warn(`${path} did not load.`, error));

// The place registry and the picker's full lists (loader/places.js), for src/places.rs: loaded the first time a
// picker opens. `load(done)` calls `done` when they are ready or have failed; `mount(el, …)` draws the lists into
// the element the app leaves to it.
const places = {};
window.anjuPlaces = {
  load(done) {
    places.started = places.started || importChecked('places/places.js')
      .then((m) => later('places/divisions.txt', (r) => r.text()).then((t) => {
        if (t) Object.assign(places, { module: m, registry: m.parse(t) });
      }))
      .catch((error) => console.warn('The place lists did not load.', error));
    places.started.then(() => done());
  },
  ready: () => !!places.registry,
  mount: (...args) => places.registry && places.module.mount(places.registry, ...args),
};

// The cited documents' titles and numbers, and the page's English texts (src/texts.rs): fetched once the page has
// started. `source(id)` is [title, English title, number], or undefined until they are there; `english()` the
// English texts in the catalogue's order (crates/form/english.json), or undefined.
const texts = {};
window.anjuTexts = {
  load(done) {
    texts.started = texts.started || Promise.all([
      later('texts/sources.json', (r) => r.json()).then((j) => { texts.sources = j; }),
      later('texts/english.json', (r) => r.json()).then((j) => { texts.english = j; }),
    ]);
    texts.started.then(() => done());
  },
  source: (id) => (texts.sources || {})[id],
  english: () => texts.english,
};

// The what-if and hand-over screens (crates/whatif, src/whatif.rs): whatif/whatif.js (loader/whatif.js) is imported
// the first time the page shows its results (whose cards that module draws) or a family asks for a screen, and loads
// the screens' own wasm module and style. `draw(draft, lang, today, mode)`: mode 2 opens the what-if screen, 3 the
// hand-over screen, 1 hands the results' cards and the open screen the family again, 0 closes it (the page left its
// results).
// A family from outside the page (a hand-over link `#s=…`, or the copy this phone keeps under KEPT once the person
// chose so) is read by that module before the page starts: `initial()` gives it to the page. A new link typed into
// the address bar, a family file opened or "clear my data" starts the page again.
const KEPT = 'anju.family';
const kept = () => { try { return localStorage.getItem(KEPT); } catch { return null; } };
const isLink = () => /(^#|&)s=/.test(location.hash);
let whatif;
let initial;
const whatifModule = () => {
  whatif = whatif || importChecked('whatif/whatif.js')
    .then((m) => { m.connect(KEPT); return m; })
    .catch((error) => { whatif = null; console.warn('whatif.js did not load.', error); });
  return whatif;
};
// The results' cards (#cards, which the page leaves to that module): a line while it loads, and one if it cannot
// (not loaded, or refused); `data-drawn` says the cards, or that line, are there.
const cardsLine = (failed, box = byId('cards')) => {
  if (!box || (box.firstChild && !failed)) return;
  box.innerHTML = failed
    ? '<p class="loading failed" role="alert">详细结果没能加载，可能是网络断了。请刷新页面再试。'
      + ' The details did not load (the network may be down); please reload the page.</p>'
    : '<p class="loading" role="status">正在加载详细结果……  Loading the details…</p>';
  if (failed) box.dataset.drawn = 'failed';
};
window.anjuWhatIf = {
  draw(...args) {
    // From 1 up the page shows its results, whose cards that module draws (after the page has drawn them).
    const results = args[3] >= 1;
    if (results) {
      whatifModule();
      setTimeout(() => cardsLine(false));
    }
    if (whatif) whatif.then((m) => (m ? m.draw(...args) : results && setTimeout(() => cardsLine(true))));
  },
  cardsLine,
  initial: () => initial,
};
window.addEventListener('hashchange', () => isLink() && location.reload());

const engineCannot = (error) => error instanceof RangeError
  || error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError;

async function boot() {
  if (frame.getAttribute('data-engine') === 'unsupported') return;
  const progress = { loaded: 0, total: 0 };
  const started = Date.now();
  const ticker = setInterval(() => {
    const elapsed = Date.now() - started;
    if (elapsed >= PROGRESS_AFTER_MS) {
      const of = progress.total ? `，共 ${kb(progress.total)} KB` : '';
      const ofEn = progress.total ? ` of ${kb(progress.total)} KB` : '';
      say(`还在加载：已下载 ${kb(progress.loaded)} KB${of}。网络慢的时候要多等一会儿。`
        + ` Still loading: ${kb(progress.loaded)} KB${ofEn}.`);
    }
  }, 250);

  try {
    const glue = glueLink();
    if (!glue) throw new Error('the page has no #anju-glue element naming the app files');
    const wasmUrl = new URL(glue.getAttribute('data-wasm'), document.baseURI).href;
    // A family from a link or this phone is read while the page downloads, and the page starts with it.
    const family = (isLink() || kept()) && whatifModule().then((m) => m && m.arrive(isLink()));
    const [{ default: init }, source] = await Promise.all([import(glue.href), wasmSource(wasmUrl, progress)]);
    await check(glue.getAttribute('data-wasm-integrity'), source, progress);
    initial = await family;
    await init({ module_or_path: source });
    // Offline after this visit, where service workers run (loader/sw.js); nothing is promised where they do not.
    // Not on a host's page: its origin and what it keeps offline are the host's to decide.
    if (!embed && 'serviceWorker' in navigator) navigator.serviceWorker.register('sw.js').catch(() => {});
  } catch (error) {
    if (engineCannot(error)) {
      console.warn('This engine cannot run the app.', error);
      showUnsupported();
    } else {
      console.warn('The app did not load.', error);
      say('没能加载完，可能是网络断了。请点“重试”。 The page did not load; please retry.');
      offerRetry();
    }
  } finally {
    clearInterval(ticker);
  }
}

boot();
