// The what-if and hand-over screens' loader, imported by loader/load.js the first time a family asks for one of them,
// or when the page opens with a hand-over link or a family kept on this phone (not part of the first load). It adds
// the screens' style, imports their wasm module (crates/whatif) and mounts it into #whatif beside #app, never inside
// it (two Yew apps never share a subtree).
// - `draw(draft, lang, today, mode)` opens the what-if screen (mode 2) or the hand-over screen (3), hands the open
//   screen the family again (1), after the page has drawn its own change, or closes it (0). On every draw it also
//   refreshes the family this phone keeps, when the person chose to keep it, and, from 1 up, draws the page's
//   result cards into its #cards (the page's first load carries neither the cards nor the engine's texts).
// - `connect(key)`: the local storage key of this phone's copy (and the style, for the notices).
// - `arrive(fromLink)` reads the family in the address's `#s=…` (or, without one, this phone's copy) for the page to
//   start with; a link or copy that cannot be read leaves the form empty and says why in a notice above the page,
//   in Chinese and English.
// - The screens' requests (`onEvent`): back, keep or forget on this phone, clear everything (the page starts again
//   empty), open a family file's family (the page starts again with it, as from a link).
// Nothing here sends anything anywhere: the link is made and read on this phone.

// This page, or the shadow root and frame of a host page's element (loader/embed.js), as loader/load.js tells.
const page = window.anjuPage || { scope: document, frame: () => document.documentElement };
const byId = (id) => page.scope.getElementById(id);
const whatif = { open: false, opened: 0 };
const here = (path) => new URL(path, import.meta.url).href;
let module;
// A promise of the integrity the page names for one of this module's files (loader/load.js), or of none.
const integrity = (file) => (page.integrity ? page.integrity(`whatif/${file}`) : Promise.resolve(''));
const ready = () => {
  // Each file checked against the integrity the page names for it, where it names one.
  module = module || (page.importChecked ? page.importChecked('whatif/anju-whatif.js') : import(here('anju-whatif.js')))
    .then((m) => integrity('anju-whatif_bg.wasm')
      .then((sum) => m.default({ module_or_path: fetch(here('anju-whatif_bg.wasm'), { integrity: sum }) }))
      .then(() => m));
  module.catch(() => { module = null; });
  return module;
};

// This phone's copy of the family: only after the person ticked 「在这部手机上记住」 (local storage can be off or full:
// then nothing is kept, and the screen says so by leaving the box unticked).
const store = {
  // Given by load.js (`connect`), which reads the same copy before the page starts.
  key: undefined,
  get() { try { return localStorage.getItem(this.key); } catch { return null; } },
  set(text) { try { localStorage.setItem(this.key, text); return true; } catch { return false; } },
  forget() { try { localStorage.removeItem(this.key); } catch { /* nothing kept */ } },
};

// A notice above the page (a link that cannot be read, a family restored from this phone), with a button to close it
// and, for a restored family, one to clear it.
const notice = (zh, en, clear) => {
  let box = byId('anju-notice');
  if (!box) {
    box = document.createElement('div');
    box.id = 'anju-notice';
    box.className = 'anju-notice';
    box.setAttribute('role', 'alert');
    (byId('app') || document.body.firstChild).before(box);
  }
  box.textContent = '';
  const line = (text, lang) => {
    const p = document.createElement('p');
    p.textContent = text;
    if (lang) p.lang = lang;
    box.append(p);
  };
  line(zh);
  line(en, 'en');
  const buttons = document.createElement('p');
  const button = (text, id, onclick) => {
    const b = document.createElement('button');
    Object.assign(b, { type: 'button', className: 'secondary', id, textContent: text, onclick });
    buttons.append(b);
  };
  if (clear) button('清除我的数据 Clear my data', 'notice-clear', clear);
  button('知道了 OK', 'notice-close', () => box.remove());
  box.append(buttons);
  box.hidden = false;
};

const unreadable = {
  foreign: ['这个链接里的内容不是“安居”的，打不开，所以下面的表是空的。请让发给你的人重新发一次。',
    'This link does not carry an Anju family, so the form below is empty. Ask the sender to send it again.'],
  future: ['这个链接是新版“安居”做的，这个页面读不了。请刷新页面再打开链接；还不行，就请对方重新发一次。',
    'This link was made by a newer version of Anju than this page. Reload the page and open the link again.'],
  damaged: ['这个链接不完整，或者被改过（可能复制时少了一截），打不开，所以下面的表是空的。请让对方重新发一次完整的链接。',
    'This link is cut short or changed (perhaps part of it was lost in copying), so the form below is empty. '
      + 'Ask the sender for the whole link again.'],
  keptDamaged: ['这部手机上保存的家庭情况读不出来了，已经删掉。请重新填一遍。',
    'The family saved on this phone could not be read and has been removed. Please fill in the form again.'],
};

// "Clear my data": this phone's copy, the link in the address, and the page, which starts again empty.
const clearAll = () => {
  store.forget();
  location.replace(location.href.split('#')[0]);
};

export function connect(key) {
  store.key = key;
  styled();
}

/** The family the page starts with (`Draft::flat`'s list) from the link in the address or this phone's copy, or
 * undefined; one that cannot be read is dropped with a notice saying why. */
export function arrive(fromLink) {
  const text = fromLink ? location.hash : store.get();
  if (!text) return undefined;
  return ready().then((m) => {
    const read = m.open_link(text);
    if (Array.isArray(read)) {
      if (!fromLink) {
        notice('已打开这部手机上保存的你家情况。不想留在这部手机上，可以清除。',
          'This is the family saved on this phone. You can clear it.', clearAll);
      }
      return read;
    }
    if (fromLink) notice(...(unreadable[read] || unreadable.damaged));
    else {
      store.forget();
      notice(...unreadable.keptDamaged);
    }
    return undefined;
  }, (error) => {
    console.warn('The hand-over module did not load.', error);
    notice('没能打开链接里的家庭情况，可能是网络断了。请刷新页面再试。',
      'The family in the link could not be opened (the network may be down). Please reload the page.');
    return undefined;
  });
}

// The screens' and the notice's style, added once.
const styled = () => {
  if (whatif.styled) return;
  whatif.styled = true;
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  // On a host's page, the style made for its element's shadow root (tools/embed.mjs).
  style.href = page.embedded ? window.anjuEmbed.style : here('whatif.css');
  const sum = page.embedded ? Promise.resolve(window.anjuEmbed.styleIntegrity) : integrity('whatif.css');
  sum.then((s) => {
    style.integrity = s || '';
    (page.embedded ? page.scope : document.head).append(style);
  }, () => { whatif.styled = false; });
};

// The host's rules, which the page checked and shows (set once it has started, after a family from a link may have
// loaded this module): the screens and the cards answer within them too.
const withRules = (m) => {
  const rules = (window.anjuPage || {}).rulesText;
  if (rules && !whatif.rules) whatif.rules = m.rules(rules);
  return m;
};

const whatifRoot = () => {
  let root = byId('whatif');
  if (!root) {
    root = document.createElement('div');
    root.id = 'whatif';
    (byId('app') || document.body.lastChild).after(root);
  }
  return root;
};
// Closes the screen; from its own "back" button (`toResults`) also moves to the page's button that opened it. When
// the page itself has left its results, the focus stays where the person put it.
const closeWhatif = (toResults = true) => {
  whatif.open = false;
  page.frame().removeAttribute('data-whatif');
  whatifRoot().hidden = true;
  const back = toResults && (byId(whatif.view ? 'hand-over' : 'what-if') || byId('result-heading'));
  if (back) {
    back.scrollIntoView();
    back.focus();
  }
};

// What the screens ask of this page: back to the results, keep or forget the family on this phone, clear
// everything, open a family file's family.
function onEvent(kind, value) {
  if (kind === 'close') closeWhatif(true);
  else if (kind === 'clear') clearAll();
  else if (kind === 'open') {
    // A family file's family: the page starts again with it, as from a link (this phone's copy follows, if kept).
    const target = `${location.href.split('#')[0]}#${value}`;
    if (target === location.href) location.reload();
    else location.replace(target);
  } else if (kind === 'remember') {
    if (value) keep(true);
    else store.forget();
    drawWhatif();
  }
}

// Keeps the family on this phone: when asked (`now`), or on every change once the person has asked.
function keep(now) {
  if (!module || !whatif.args || !(now || store.get())) return;
  module.then((m) => store.set(m.encode(whatif.args[0])));
}

function drawWhatif() {
  ready().then((m) => {
    if (!whatif.open) return;
    const root = whatifRoot();
    if (!whatif.mounted) root.textContent = '';
    const [draft, lang, today] = whatif.args;
    const page = location.href.split('#')[0];
    const wechat = /MicroMessenger/i.test(navigator.userAgent);
    withRules(m);
    m.show(root, draft, lang, today, whatif.view, whatif.opened, !!store.get(), page, wechat, onEvent);
    if (!whatif.mounted) whatif.mounted = true;
    if (whatif.focus) {
      whatif.focus = false;
      // Once the screen has drawn itself: move to its heading, as a new screen.
      setTimeout(() => {
        const heading = byId('whatif-heading');
        if (heading) {
          heading.scrollIntoView();
          heading.focus();
        }
      });
    }
  }, (error) => {
    console.warn('The what-if screen did not load.', error);
    whatifRoot().innerHTML = '<p class="loading" role="alert">没能加载，可能是网络断了。请再点一次按钮。'
      + ' It did not load; please tap the button again.</p>';
  });
}

function show(view, args) {
  Object.assign(whatif, { open: true, args, view, focus: true, opened: whatif.opened + 1 });
  const root = whatifRoot();
  root.hidden = false;
  page.frame().setAttribute('data-whatif', 'open');
  if (!whatif.mounted) root.innerHTML = '<p class="loading" role="status">正在加载……  Loading…</p>';
  drawWhatif();
}

function update(args) {
  whatif.args = args;
  keep(false);
  if (!whatif.open) return;
  // After the page has drawn its own change: the screen's recompute never delays the page's answer.
  clearTimeout(whatif.timer);
  whatif.timer = setTimeout(drawWhatif, 50);
}

// The page's result cards (#cards, an element the page leaves to this module): drawn here as HTML after the page
// has drawn its results, again when the family, the language or the day changes or once the documents' titles and
// English texts are there, keeping which cards the person opened. A button of a question names it (data-question);
// the page takes the person there.
const cards = {};
const texts = () => !!(window.anjuTexts && window.anjuTexts.english && window.anjuTexts.english());
function drawCards(args) {
  const key = JSON.stringify([args, texts()]);
  const box = byId('cards');
  if (!box || (box === cards.box && key === cards.key)) return;
  Object.assign(cards, { box, key });
  delete box.dataset.drawn;
  ready().then((m) => withRules(m).cards(...args)).then((html) => {
    if (cards.key !== key || !box.isConnected) return;
    const open = [...box.querySelectorAll('details[open]')].map((d) => d.id);
    box.innerHTML = html;
    for (const id of open) {
      const card = box.querySelector(`[id="${id}"]`);
      if (card) card.open = true;
    }
    box.dataset.drawn = 'cards';
  }, (error) => {
    console.warn('The result cards did not load.', error);
    if (cards.key !== key) return;
    cards.key = null;
    if (window.anjuWhatIf) window.anjuWhatIf.cardsLine(true, box);
  });
}

/** The page's one call (src/whatif.rs): open the what-if screen (2) or the hand-over screen (3), update (1), close (0).
 * From 1 up the page shows its results, whose cards are drawn here. */
export function draw(draft, lang, today, mode) {
  const args = [draft, lang, today];
  // After the page has drawn its own change (and its #cards).
  if (mode >= 1) setTimeout(() => drawCards(args));
  if (mode >= 2) return show(mode - 2, args);
  update(args);
  if (mode === 0 && whatif.open) closeWhatif(false);
}
