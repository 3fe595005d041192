// The service worker: after one visit the calculator opens and computes with no network, where service workers
// run (not in iOS WeChat, where the page promises nothing offline). It caches only the calculator's own files,
// never a request with a family in it (a family lives in the address's fragment, which no request carries).
//
// One cache per build: VERSION and PRECACHE are written into this file by tools/sw.mjs after the release build
// (the first-load files, the place registry, the texts and the module that draws the results' cards and the what-if
// and hand-over screens; the JS API is cached when first fetched). A new build is a new sw.js, so the browser installs it beside the old one; it takes over only when no
// page of the old build is open, and then removes the old cache, so a page never mixes two builds' files. In a
// development build (placeholders left) it does nothing.
const VERSION = '__VERSION__';
const PRECACHE = ['__FILES__'];
const built = !VERSION.startsWith('__');
const cacheName = `anju-${VERSION}`;

self.addEventListener('install', (event) => {
  if (!built) return;
  event.waitUntil(caches.open(cacheName).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  if (!built) return;
  event.waitUntil(caches.keys().then((names) => Promise.all(
    names.filter((n) => n.startsWith('anju-') && n !== cacheName).map((n) => caches.delete(n)),
  )).then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (!built || request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page: the network's when there is one (a new build shows at once), else this build's.
    event.respondWith(fetch(request).catch(() => caches.open(cacheName)
      .then((cache) => cache.match('./', { ignoreSearch: true }))
      .then((page) => page || Response.error())));
    return;
  }
  // Everything else: this build's copy, or the network's, kept for next time.
  event.respondWith(caches.open(cacheName).then((cache) => cache.match(request).then((hit) => hit
    || fetch(request).then((response) => {
      if (response.ok) cache.put(request, response.clone());
      return response;
    }))));
});
