// Progressive enhancement on top of htmx, kept tiny and CSP-safe (no inline script, no eval).
// - After htmx swaps new content into the page: move focus to where the user continues, and
//   read out what happened through the page's one polite live region.
// - Drafts: what is typed into a contact form is kept in this tab's sessionStorage until the
//   server confirms the save, so a reload, a lost connection or a sign-in after the session
//   ended (and the way back to the form) loses nothing.
(() => {
  // Per user: on a shared device the next user's form never takes up another's unsent input (review).
  var PREFIX = 'kontakte-draft:' + (document.body.getAttribute('data-user') || '') + ':';
  var NOTICES = [
    'saved',
    'done',
    'merged',
    'imported',
    'deleted',
    'restored',
    'purged',
    'undone',
    'removed',
    'at',
    'completed',
    'card',
    'same',
    'revived',
  ];
  var NOTICE = /[?&](saved|done|merged|imported|deleted|restored|purged|undone|completed)=/;
  // The other pages' rules, fetched at the end of the list without holding this script up
  // (src/views/layout.tsx): applied now, for the cards and forms htmx swaps into it.
  document.querySelectorAll('link[data-apply]').forEach((link) => {
    link.rel = 'stylesheet';
  });

  // Words only this script says, by the page's language: here, not in the Worker's catalogs
  // (src/i18n), whose script's size is budgeted (docs/benchmarks.md); test/e2e reads them.
  var WORDS = {
    de: {
      discard: 'Ihre Eingaben verwerfen? Sie sind noch nicht gespeichert.',
      discardYes: 'Verwerfen',
      discardNo: 'Weiter bearbeiten',
      shareRetry: 'Die Datei ist bereit. Tippen Sie bitte noch einmal auf „Teilen“.',
      shareFailed:
        'Das Teilen hat nicht geklappt. Laden Sie die Datei stattdessen mit dem Knopf „… auf das Handy übernehmen (.vcf)“ herunter.',
      twinNumber: 'Diese Nummer steht schon bei ',
      twinEmail: 'Diese E-Mail-Adresse steht schon bei ',
      quotes: ['„', '“'],
      twinName: 'Schon bei Ihren Kontakten: ',
      twinDeleted: 'Gelöscht, aber unter „Zuletzt gelöscht“ wiederherstellbar: ',
      twinAnd: ' und ',
      // [words before the link, the link's words]: the link shows them all (a search).
      twinMore: (n) => [' und ', n === 1 ? 'einem weiteren' : `${n} weiteren`],
      twinMoreName: (n) => [' und ', n === 1 ? 'ein weiterer' : `${n} weitere`],
      offlineFound: (found, loaded, query) =>
        found === 0
          ? `Ohne Verbindung gesucht: Keiner der ${loaded} angezeigten Kontakte passt zu „${query}“ (gesucht nur in dem, was die Seite zeigt).`
          : `Ohne Verbindung gesucht: ${found === 1 ? 'Einer' : found} der ${loaded} angezeigten Kontakte ${found === 1 ? 'passt' : 'passen'} zu „${query}“ (gesucht nur in dem, was die Seite zeigt).`,
      offlineUnseen: (n) =>
        ` ${n === 1 ? 'Ein weiterer Kontakt ist' : `${n} weitere Kontakte sind`} noch nicht geladen und nicht durchsucht.`,
      didYouMean: 'Meinten Sie ',
      or: ' oder ',
      qrHide: 'QR-Code ausblenden',
      orphan: (name) =>
        `Ihre Eingaben zu ${name ? `„${name}“` : 'diesem Kontakt'} sind noch erhalten: Sie können sie als neuen Kontakt anlegen.`,
      restoredFields: (labels) => `(${labels.join(', ')})`,
      orphanNew: 'Als neuen Kontakt anlegen',
      orphanKeep: 'Behalten',
      adding: (n) => (n === 1 ? '1 Kontakt übernehmen' : `${n.toLocaleString('de-DE')} Kontakte übernehmen`),
    },
    en: {
      discard: 'Discard your input? It is not saved yet.',
      discardYes: 'Discard',
      discardNo: 'Keep editing',
      shareRetry: 'The file is ready. Please tap “Share” once more.',
      shareFailed: 'Sharing did not work. Download the file with the “… to your phone (.vcf)” button instead.',
      twinNumber: 'This number is already saved for ',
      twinEmail: 'This email address is already saved for ',
      quotes: ['“', '”'],
      twinName: 'Already in your contacts: ',
      twinDeleted: 'Deleted, but can be restored from “Recently deleted”: ',
      twinAnd: ' and ',
      twinMore: (n) => [' and ', `${n} more`],
      twinMoreName: (n) => [' and ', `${n} more`],
      offlineFound: (found, loaded, query) =>
        found === 0
          ? `Searched offline: none of the ${loaded} contacts shown matches “${query}” (only what the page shows was searched).`
          : `Searched offline: ${found} of the ${loaded} contacts shown ${found === 1 ? 'matches' : 'match'} “${query}” (only what the page shows was searched).`,
      offlineUnseen: (n) => ` ${n === 1 ? 'One more contact is' : `${n} more contacts are`} not loaded yet and not searched.`,
      didYouMean: 'Did you mean ',
      or: ' or ',
      qrHide: 'Hide QR code',
      orphan: (name) => `Your input for ${name ? `“${name}”` : 'this contact'} is still kept: you can add it as a new contact.`,
      restoredFields: (labels) => `(${labels.join(', ')})`,
      orphanNew: 'Add as new contact',
      orphanKeep: 'Keep',
      adding: (n) => (n === 1 ? 'Add 1 contact' : `Add ${n.toLocaleString('en')} contacts`),
    },
  };
  var words = WORDS[document.documentElement.lang] || WORDS.de;

  function announce(text) {
    // Anything said later than a search's answer is newer than its count still waiting to be said (sayFound).
    clearTimeout(found);
    found = 0;
    foundText = '';
    var region = document.getElementById('announcer');
    if (!region) return;
    region.textContent = '';
    if (!text) return;
    setTimeout(() => {
      region.textContent = text;
    }, 50);
  }

  function storage() {
    try {
      return window.sessionStorage;
    } catch (e) {
      return null;
    }
  }
  /** What this tab kept under `name` as JSON, or `none` (nothing kept, unreadable, no storage). */
  function readKept(name, none) {
    try {
      return JSON.parse(storage().getItem(name)) || none;
    } catch (e) {
      return none;
    }
  }
  /** Keeps `value` as JSON under `name` in this tab; where storage is full, disabled or missing, not. */
  function keep(name, value) {
    try {
      storage().setItem(name, JSON.stringify(value));
    } catch (e) {
      /* full, disabled or no storage */
    }
  }

  // Drafts this tab kept before they were kept per user ("kontakte-draft:/assets/…"): once to the
  // user this page names, so that an unsent input open across that update is not lost.
  (() => {
    var store = storage();
    if (!store || !document.body.getAttribute('data-user')) return;
    try {
      Object.keys(store).forEach((name) => {
        if (name.indexOf('kontakte-draft:/') !== 0) return;
        if (store.getItem(PREFIX + name.slice(15)) === null) store.setItem(PREFIX + name.slice(15), store.getItem(name));
        store.removeItem(name);
      });
    } catch (e) {
      /* disabled or full storage */
    }
  })();

  // The visible fields, plus the one-time create token and the edit version: a restored draft
  // is the same request (a create sent twice still stores one contact; an edit of a contact
  // changed meanwhile still meets its conflict).
  function fieldsOf(form) {
    return Array.prototype.filter.call(form.elements, (field) => {
      if (!field.name) return false;
      if (field.type === 'hidden') return field.name === 'form_token' || field.name === 'version';
      // The warranty period is a <select>: without it a restored draft lost the period chosen.
      return field.tagName === 'TEXTAREA' || field.tagName === 'SELECT' || (field.tagName === 'INPUT' && field.type !== 'submit');
    });
  }

  /** What the page gave a field: its value attribute, or the option marked selected. */
  function defaultOf(field) {
    if (field.tagName !== 'SELECT') return field.defaultValue;
    var chosen = Array.prototype.find.call(field.options, (option) => option.defaultSelected) || field.options[0];
    return chosen ? chosen.value : '';
  }

  function readDraft(key) {
    return readKept(PREFIX + key, null);
  }
  /** Whether a kept draft holds something typed (not only the form's token and version). */
  function hasInput(draft) {
    return Boolean(
      draft && draft.values && Object.keys(draft.values).some((name) => name !== 'version' && name !== 'form_token' && draft.values[name]),
    );
  }

  var WARRANTY = ['accepted_on', 'warranty_years', 'warranty_until'];
  var NAME = ['title', 'first_name', 'last_name', 'company'];
  /** The contact's name as the app shows it (src/contacts/vcard.ts displayName): the person, else the company. */
  function nameOf(values) {
    var person = [values.first_name, values.last_name].join('').trim()
      ? [values.title, values.first_name, values.last_name].filter((part) => part && part.trim()).join(' ')
      : '';
    return (person || values.company || '').trim();
  }
  /**
   * Keeps the form's values. `pending` marks input that was sent but not confirmed as saved
   * (the session had ended, storage was down, the network failed): it comes back wherever the
   * form opens again. Other drafts come back only on a reload of the same page.
   */
  function saveDraft(form, pending, sent, refused) {
    if (!storage()) return;
    var key = form.getAttribute('data-draft');
    var values = {};
    // Only what the user typed (and the form's token and version): restored into a form loaded
    // later, every other field shows what is stored then, a co-buyer's change since included (a
    // whole draft put the old values back: UX review). A form the server sent back with input
    // holds input in every field.
    var previous = readDraft(key);
    var version = form.elements.version ? form.elements.version.value : '';
    // Such a draft restored into a later form (a reload) and typed on stays one: its fields are
    // not what that form was given, and the version it was typed on stays with them (code
    // review: the next restore took a co-buyer's newer number for one typed, and overwrote it).
    var echoed =
      form.hasAttribute('data-draft-server') ||
      Boolean(version && previous && previous.values && !previous.base && previous.values.version === version);
    // `base`: what a typed field held when the form came (the same as before while the draft's
    // version stands): restored into a newer form, a draft whose fields nobody changed since is an
    // edit of that newer version (a value typed back to the old one then counts as a change).
    var kept = previous && previous.base && previous.values && previous.values.version === version ? previous.base : {};
    var base = echoed ? undefined : {};
    var fields = fieldsOf(form);
    var typed = (field) => field.value !== defaultOf(field);
    // The warranty's acceptance, period and end make one end: one of them typed keeps all three
    // as they read, so a co-buyer's change to another is a clash, not a mix (code review).
    var together = fields.some((field) => WARRANTY.indexOf(field.name) >= 0 && typed(field));
    fields.forEach((field) => {
      if (echoed || field.type === 'hidden') values[field.name] = field.value;
      else if (typed(field) || (together && WARRANTY.indexOf(field.name) >= 0)) {
        values[field.name] = field.value;
        base[field.name] = field.name in kept ? kept[field.name] : defaultOf(field);
      }
    });
    var draft = { values: values, base: base, pending: pending === undefined ? Boolean(previous && previous.pending) : pending };
    // An edit's draft knows whose it is (the name fields as loaded): deleted for good, the contact
    // is named where its input is offered, and its new-contact form has a name (buyer review).
    if (version && !form.elements.form_token) {
      draft.who = {};
      NAME.forEach((name) => {
        if (form.elements[name]) draft.who[name] = defaultOf(form.elements[name]);
      });
    }
    // Input of a deleted contact sent as a new contact and not saved yet, from the new-contact form
    // (adopt) or from that contact's own form ("Als neuen Kontakt speichern"): the form sent back
    // for it and the next new-contact form bring it back under its key (adopt), not over the tab's
    // own unsent new contact (review: a 401 or 422 there overwrote it). `sent` false: sent
    // otherwise (a revive), undefined: not sent now.
    if (asNew(form) && (sent === undefined ? previous && previous.sent : sent)) draft.sent = true;
    // Sent back with an error to correct (`refused`): no longer on its way, but the next
    // new-contact form still takes it up where the tab has no new contact of its own (adopt).
    else if (asNew(form) && (refused || (sent === undefined && previous && previous.refused))) draft.refused = true;
    keep(PREFIX + key, draft);
  }

  /** A form that sends another key's input as a new contact: the adopted new-contact form, a deleted contact's form. */
  function asNew(form) {
    var key = form.getAttribute('data-draft') || '';
    return Boolean(form.elements.form_token) && key.indexOf(form.getAttribute('action') + '/') === 0;
  }

  function clearDraft(key) {
    var store = storage();
    if (store) store.removeItem(PREFIX + key);
  }

  function isReload() {
    var navigation = window.performance && performance.getEntriesByType && performance.getEntriesByType('navigation')[0];
    return Boolean(navigation && navigation.type === 'reload');
  }

  /** Puts a kept draft back into a fresh form (never over a form the server sent back with input). */
  function restoreDraft(form, initialLoad, adopted) {
    var draft = readDraft(form.getAttribute('data-draft'));
    if (!draft || !draft.values || form.hasAttribute('data-draft-server')) return;
    if (!adopted && !draft.pending && !(initialLoad && isReload())) return;
    var values = draft.values;
    var changed = [];
    // Nobody changed the typed fields since the draft's version: the form's newer version stays, so
    // the save is an edit of what the form shows. Otherwise the draft's, and the server asks.
    var base = draft.base;
    var fresh =
      base &&
      Object.keys(base).every((name) => {
        var field = form.elements[name];
        return !field || field instanceof RadioNodeList || defaultOf(field) === base[name];
      });
    fieldsOf(form).forEach((field) => {
      if (fresh && field.name === 'version') return;
      if (typeof values[field.name] === 'string' && values[field.name] !== field.value) {
        field.value = values[field.name];
        if (field.type !== 'hidden') changed.push(field.labels && field.labels[0] ? field.labels[0].textContent.trim() : field.name);
      }
    });
    postalPad(form);
    var note = form.querySelector('[data-draft-note]');
    var fields;
    if (changed.length && note) {
      note.hidden = false;
      // Which fields came back, also those below the fold (buyer walkthrough, stop 83: a new
      // contact given up after an error brought its e-mail address into the next one unnoticed).
      fields = note.querySelector('[data-draft-fields]') || note.insertBefore(document.createElement('span'), note.lastElementChild);
      fields.setAttribute('data-draft-fields', '');
      fields.textContent = `${words.restoredFields(changed)} `;
      // The sentence and the fields, not its "Verwerfen" button.
      announce(`${note.firstChild.textContent.trim()} ${fields.textContent.trim()}`);
    }
  }

  // The QR code's disclosure says what it does next: "QR-Code ausblenden" while it is open (UX
  // review: it kept saying "zeigen"). (Toggle events do not bubble: caught on the way down.)
  document.addEventListener(
    'toggle',
    (event) => {
      var qr = event.target;
      var summary = qr.matches && qr.matches('details.qr') && qr.querySelector('summary');
      if (!summary) return;
      if (!summary.hasAttribute('data-closed')) summary.setAttribute('data-closed', summary.textContent);
      summary.textContent = qr.open ? words.qrHide : summary.getAttribute('data-closed');
      // Opened at a phone's bottom edge, the code was below the screen (walkthrough, stop 66): in
      // view, the least scroll that shows it (its size is set, so it need not have loaded).
      if (qr.open) qr.scrollIntoView({ block: 'nearest' });
    },
    true,
  );

  /**
   * `sent`: the draft of the form whose answer this is ('' for a form without input: none is
   * cleared). A card that says "saved" clears it, the
   * draft of the form sent, whichever key the card names (code review: a deleted contact's input
   * saved as a new contact cleared an unsent new contact's draft, the key the card named).
   */
  function enhance(root, initialLoad, sent) {
    enhanceActions(root);
    var markers = root.querySelectorAll('[data-draft-clear]');
    Array.prototype.forEach.call(markers, (marker) => {
      if (sent !== '') clearDraft(sent || marker.getAttribute('data-draft-clear'));
    });
    // A one-time notice holds once: the address loses what put it there (?saved=, ?done=,
    // ?merged=&at=, ?imported=, ?deleted=, ?restored=, ?purged=, ?undone=&removed=, ?completed=&card=), so a reload, a bookmark or the way
    // back never says it again, nor clears a newer draft.
    if (NOTICE.test(location.search)) {
      // Arrived with a whole page (the import's "übernehmen" is a plain form): the message takes
      // focus, as a swap reads it out, so a screen reader says it and Tab reaches its "Rückgängig"
      // next (buyer review, stop 61: "1 Kontakt wurde übernommen" was never read out).
      const said = initialLoad && document.querySelector('#main [data-announce]');
      if (said) {
        said.tabIndex = -1;
        said.focus();
      }
      const url = new URL(location.href);
      NOTICES.forEach((name) => {
        url.searchParams.delete(name);
      });
      history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    }
    offerOrphan(root);
    Array.prototype.forEach.call(root.querySelectorAll('form[data-draft]'), (form) => {
      restoreDraft(form, initialLoad, adopt(form, sent));
      showEnd(form);
      // The server sent the input back: still unsaved after a failure ("pending"), or shown
      // again with errors or a conflict, where the user now decides: then no longer on its way
      // (`sent`), so a deleted contact's input refused for a typo and left stays that contact's,
      // not the next new-contact form's (review: it came there before the tab's own draft).
      var echoed = form.getAttribute('data-draft-server');
      if (echoed) saveDraft(form, echoed === 'pending', echoed === 'pending' ? undefined : false, echoed !== 'pending');
    });
  }

  // A contact deleted for good (by a co-buyer, or here in "Zuletzt gelöscht") whose input this tab
  // still keeps unsent: its edit form never opens again (data review: the input was out of reach).
  // Where the page says it is gone (the 404 of its card, edit form or history; the purge's answer),
  // the input is offered as a new contact, or to discard (asked first: it is not on screen).
  function offerOrphan(root) {
    var said = root.querySelector('[data-draft-of]');
    var key = said && said.getAttribute('data-draft-of');
    var draft = key && readDraft(key);
    if (!hasInput(draft)) return;
    var offer = document.createElement('div');
    offer.className = 'notice';
    var text = document.createElement('p');
    text.textContent = words.orphan(nameOf(Object.assign({}, draft.who, draft.values)));
    // Arrived by htmx, the page's message is read out (its data-announce): the offer with it, or a
    // screen reader heard only that the contact was deleted for good (buyer review).
    said.setAttribute('data-announce', `${said.getAttribute('data-announce') || said.textContent.trim()} ${text.textContent}`);
    var row = document.createElement('div');
    row.className = 'form-actions';
    var open = document.createElement('a');
    open.className = 'button primary';
    open.href = key.replace(/[^/]+$/, 'new#from=') + key.split('/').pop();
    open.textContent = words.orphanNew;
    var discard = document.createElement('button');
    discard.type = 'button';
    discard.textContent = words.discardYes;
    discard.addEventListener('click', () => {
      askDiscard(
        discard,
        () => {
          clearDraft(key);
          offer.remove();
          said.setAttribute('tabindex', '-1');
          said.focus();
        },
        words.orphanKeep,
      );
    });
    row.append(open, discard);
    offer.append(text, row);
    said.after(offer);
  }
  // The new-contact form that offer opens (#from=<id>): the input stays that contact's draft, kept,
  // saved and discarded under its key, beside an unsent new contact of this tab's own. Once sent
  // and not saved (the session had ended, storage was down), it comes back in the next
  // new-contact form, whose address has no #from= (review: "Anmelden und weitermachen" returned to
  // an empty form), and in the form the server sends back for it (`sent`: the key of the form sent).
  function adopt(form, sent) {
    var own = form.getAttribute('data-draft');
    var from = /^#from=([\w-]+)$/.exec(location.hash);
    var key =
      form.elements.form_token &&
      (from ? own + '/' + from[1] : form.hasAttribute('data-draft-server') ? sentAdopted(own, sent) && sent : pendingAdopted(own));
    var draft = key && readDraft(key);
    if (!draft) return false;
    form.setAttribute('data-draft', key);
    form.setAttribute('data-adopted', '');
    // Its name, where the input did not change it: the rest went with the contact.
    Object.keys(draft.who || {}).forEach((name) => {
      var field = form.elements[name];
      if (field && !field.value) field.value = draft.who[name];
    });
    var cancel = form.querySelector('[data-draft-drop]');
    if (cancel) cancel.setAttribute('data-draft-drop', key);
    return true;
  }
  /**
   * The draft the plain new-contact form of key `own` takes up: one sent and not saved; else, where
   * the tab has no new contact of its own, one sent back with an error to correct and left (review:
   * with the tab's own draft it came first; without, the next form was empty and the input out of reach).
   */
  function pendingAdopted(own) {
    var keys = Object.keys(storage() || {})
      .filter((name) => name.indexOf(PREFIX) === 0)
      .map((name) => name.slice(PREFIX.length));
    return (
      keys.find((name) => sentAdopted(own, name)) ||
      (hasInput(readDraft(own)) ? undefined : keys.find((name) => sentAdopted(own, name, true)))
    );
  }
  /** Whether `key` is a draft adopted by the new-contact form of key `own`, sent (or, `refused`, sent back) and not saved. */
  function sentAdopted(own, key, refused) {
    // (No id: the key of a create sent again whose contact is gone, src/contacts/routes.tsx.)
    var draft = typeof key === 'string' && key.indexOf(own + '/') === 0 && /^[\w-]*$/.test(key.slice(own.length + 1)) && readDraft(key);
    return Boolean(draft && (draft.sent || (refused && draft.refused)) && draft.pending);
  }

  // ---- "Drucken" and "Teilen": buttons that exist only with JavaScript (rendered hidden) ----
  // "Drucken" on the phone list opens the browser's print dialog. "Teilen" hands the .vcf of the
  // list's export link to the phone's share sheet, where navigator.canShare({ files }) says it can.

  function vcfFile(text, name) {
    return new File([text], name, { type: 'text/vcard' });
  }

  function canShareFiles() {
    try {
      return Boolean(navigator.share && navigator.canShare && navigator.canShare({ files: [vcfFile('', 'kontakte.vcf')] }));
    } catch (e) {
      return false;
    }
  }

  function enhanceActions(root) {
    // A link that with JS writes at once (the card's "Löschen"; without JS it opens a page that
    // asks): a button to a screen reader, as it acts (buyer review), and Space presses it.
    Array.prototype.forEach.call(root.querySelectorAll('a[hx-post]'), (link) => {
      link.setAttribute('role', 'button');
    });
    Array.prototype.forEach.call(root.querySelectorAll('[data-print]'), (button) => {
      button.hidden = false;
    });
    if (!canShareFiles()) return;
    Array.prototype.forEach.call(root.querySelectorAll('[data-share]'), (button) => {
      button.hidden = false;
    });
  }

  /** The file name the server gave the download (its UTF-8 form), or a plain one. */
  function fileNameOf(response) {
    var match = /filename\*=UTF-8''([^;]+)/i.exec(response.headers.get('Content-Disposition') || '');
    try {
      return match ? decodeURIComponent(match[1]) : 'kontakte.vcf';
    } catch (e) {
      return 'kontakte.vcf';
    }
  }

  function shareStatus(text) {
    var status = document.getElementById('share-status');
    if (status) status.textContent = text || '';
  }

  // The file fetched last, by URL: a second tap within a minute shares it at once.
  var fetched = null;

  function shareFile(button) {
    var link = document.getElementById(button.getAttribute('data-share'));
    if (!link) return;
    var url = link.href;
    shareStatus('');
    if (fetched && fetched.url === url && Date.now() - fetched.at < 60000) {
      // Shared straight from the tap: a refusal now means this device cannot share the file.
      navigator.share({ files: [fetched.file] }).catch((error) => {
        if (error && error.name === 'AbortError') return;
        // The download the words name takes the focus of the button they hide (UX review: it went
        // to the page's start).
        if (document.activeElement === button) link.focus();
        button.hidden = true;
        shareStatus(words.shareFailed);
      });
      return;
    }
    // Disabled while the file loads, a focused button loses focus to the page's start: given back
    // below, so a keyboard or screen reader user stays at "Teilen" (UX review), e.g. to tap it again.
    var focused = document.activeElement === button;
    button.disabled = true;
    fetch(url, { credentials: 'same-origin' })
      .then((response) => {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.text().then((text) => vcfFile(text, fileNameOf(response)));
      })
      .then((file) => {
        fetched = { url: url, file: file, at: Date.now() };
        return navigator.share({ files: [file] }).catch((error) => {
          if (error && error.name === 'AbortError') return; // the user closed the share sheet
          // Loading the file may have outlasted the tap's permission to share: the next tap
          // shares the loaded file right away.
          if (error && error.name === 'NotAllowedError') return shareStatus(words.shareRetry);
          throw error;
        });
      })
      .catch(() => {
        shareStatus(words.shareFailed);
      })
      .then(() => {
        button.disabled = false;
        if (focused && (!document.activeElement || document.activeElement === document.body)) button.focus();
      });
  }

  document.addEventListener('click', (event) => {
    if (!event.target.closest) return;
    if (event.target.closest('[data-print]')) window.print();
    var share = event.target.closest('[data-share]');
    if (share) shareFile(share);
  });

  document.addEventListener('keydown', (event) => {
    if (event.key !== ' ' || !event.target.matches || !event.target.matches('a[role="button"]')) return;
    event.preventDefault();
    event.target.click();
  });

  // Escape closes the disclosure ("Endgültig löschen", a help text) that holds focus, back on its summary.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !event.target.closest) return;
    var open = event.target.closest('details[open]');
    if (!open) return;
    open.open = false;
    var summary = open.querySelector('summary');
    if (summary) summary.focus();
  });

  // A search's count as it is typed is said once the typing pauses (a second after the last
  // letter; a letter typed meanwhile drops it, its own answer is said): typed a letter at a time,
  // as with a phone's screen reader, each answer's count was said, six in a row for "schmid",
  // queued behind the letters (a11y walkthrough, stop 79). Enter, "Suchen" and "Suche leeren" are
  // said at once.
  // "Meinten Sie …?" found while its "Keine Treffer" waits is said with it, in one update (CI,
  // stop 79: said first, it was then overwritten by the count; code review: said 100 ms after it,
  // a screen reader that says only the latest of quick updates skipped the count).
  var typedAt = 0;
  var found = 0;
  var foundText = '';
  function sayFound(text) {
    foundText = text;
    sayFoundLater();
  }
  function sayFoundLater() {
    clearTimeout(found);
    var field = document.getElementById('q');
    var wait = field && document.activeElement === field ? typedAt + 1000 - Date.now() : 0;
    if (wait <= 0) announce(foundText);
    else found = setTimeout(() => announce(foundText), wait);
  }
  function sayAfterFound(text) {
    if (found) foundText += ' ' + text;
    else announce(text);
  }
  document.addEventListener(
    'submit',
    (event) => {
      if (event.target.querySelector('#q')) typedAt = 0;
    },
    true,
  );
  document.addEventListener('input', (event) => {
    var form = event.target.form;
    if (event.target.id === 'q') {
      typedAt = Date.now();
      // A letter typed and taken back asks nothing again (answers): what waits is still its answer's,
      // said a second after this letter (code review, stop 80: it was dropped and never said).
      clearTimeout(found);
      found = 0;
      if (foundText && answers(event.target.value.trim())) sayFoundLater();
    }
    if (form && form.hasAttribute('data-draft')) saveDraft(form);
    if (form && event.target.name === 'country') postalPad(form);
  });
  // The number pad for a postcode in Germany, letters elsewhere (the server's inGermany, schema.ts),
  // as the country is typed or comes back with a draft (code review).
  function postalPad(form) {
    var code = form.elements.postal_code;
    var country = form.elements.country;
    if (!code || !country) return;
    if (/^\s*(deutschland|germany|brd|de|d)\s*$/i.test(country.value)) code.setAttribute('inputmode', 'numeric');
    else code.removeAttribute('inputmode');
  }
  // A form left with typed input (a link, the way back, another page) keeps it as unsent: it
  // comes back, with "Verwerfen", wherever that form opens again. Cancel drops it first.
  function keepLeft(within) {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-draft]'), (form) => {
      var draft = readDraft(form.getAttribute('data-draft'));
      if (draft && !draft.pending && (!within || within.contains(form))) saveDraft(form, true);
    });
  }
  document.addEventListener('htmx:before:swap', (event) => {
    var target = event.detail && event.detail.ctx && event.detail.ctx.target;
    if (target && target.contains) keepLeft(target);
  });
  window.addEventListener('pagehide', () => {
    keepLeft();
  });
  document.addEventListener(
    'submit',
    (event) => {
      // A revive ("Mit meinen Eingaben wiederherstellen") is not a send as a new contact.
      var form = event.target;
      if (form.hasAttribute && form.hasAttribute('data-draft'))
        saveDraft(form, true, !(event.submitter && event.submitter.name === 'revive'));
    },
    true,
  );
  /**
   * Asks in the page, with buttons that say what they do ("Verwerfen", "Weiter bearbeiten"): the
   * browser's confirm() offered "OK" and "Abbrechen", where "Abbrechen" meant staying (review).
   * Escape or "Weiter bearbeiten" (`keep`: where no form is open, "Behalten") closes it; focus
   * returns to what opened it.
   */
  function askDiscard(opener, then, keep) {
    var dialog = document.createElement('dialog');
    dialog.className = 'ask';
    dialog.setAttribute('aria-labelledby', 'ask-text');
    var text = document.createElement('p');
    text.id = 'ask-text';
    text.textContent = words.discard;
    var row = document.createElement('div');
    row.className = 'form-actions';
    var yes = document.createElement('button');
    yes.type = 'button';
    yes.className = 'danger';
    yes.textContent = words.discardYes;
    var no = document.createElement('button');
    no.type = 'button';
    no.className = 'primary';
    no.textContent = keep || words.discardNo;
    row.append(no, yes);
    dialog.append(text, row);
    var chosen = false;
    no.addEventListener('click', () => dialog.close());
    yes.addEventListener('click', () => {
      chosen = true;
      dialog.close();
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (chosen) then();
      else opener.focus();
    });
    document.body.append(dialog);
    dialog.showModal();
    no.focus();
  }

  // "Abbrechen" with input not yet saved (typed, restored, or sent back by the server) asks
  // first: it stands a finger's width from "Speichern" on a phone (buyer review). Before htmx
  // sees the click (capture), so "Weiter bearbeiten" leaves the form as it is.
  document.addEventListener(
    'click',
    (event) => {
      // Not for a new tab or window (Ctrl, Cmd, Shift, a middle click): nothing is left then. (Alt
      // is a click as any other to htmx: asked as one.)
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
      var cancel = event.target.closest && event.target.closest('[data-ask]');
      var form = cancel && cancel.closest('form');
      if (!form) return;
      // Asked already: "Verwerfen" clicks it once more.
      if (cancel.hasAttribute('data-asked')) return cancel.removeAttribute('data-asked');
      var unsaved =
        form.hasAttribute('data-draft-server') ||
        fieldsOf(form).some((field) => field.type !== 'hidden' && field.value !== defaultOf(field));
      if (!unsaved) return;
      event.preventDefault();
      event.stopPropagation();
      askDiscard(cancel, () => {
        cancel.setAttribute('data-asked', '');
        cancel.click();
      });
    },
    true,
  );
  document.addEventListener('click', (event) => {
    if (!event.target.closest) return;
    // Cancel, or taking the stored version after a conflict: the user chose to drop the input;
    // not when it opens in a new tab or window, where the form stays (code review).
    var drop = event.target.closest('[data-draft-drop]');
    var elsewhere = event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey;
    if (drop && !elsewhere) clearDraft(drop.getAttribute('data-draft-drop'));
    var button = event.target.closest('[data-draft-discard]');
    if (!button) return;
    clearDraft(button.form.getAttribute('data-draft'));
    // The page comes again with what is stored; focus goes back into the form, where it was
    // (not to the page's start, as after any reload).
    try {
      storage().setItem('kontakte-discarded', location.pathname + location.search);
    } catch (e) {
      /* no storage: the page's start */
    }
    window.location.reload();
  });
  /** After "Verwerfen": the form's first field that can be typed in takes focus. */
  function focusDiscarded() {
    var here = null;
    try {
      here = storage().getItem('kontakte-discarded');
      storage().removeItem('kontakte-discarded');
    } catch (e) {
      /* no storage */
    }
    if (here !== location.pathname + location.search) return;
    var field = document.querySelector('form[data-draft] :is(input:not([type="hidden"]),select,textarea):not(:disabled)');
    if (field) field.focus();
  }
  // The card's way back is a whole page load to its row (#c-…): the browser scrolls there, and
  // keyboard and screen reader go there too, to the row's link (UX review: focus stayed on the page).
  function focusRow() {
    var row = location.hash.indexOf('#c-') === 0 && document.getElementById(location.hash.slice(1));
    var link = row && row.querySelector('a[href]');
    if (link && document.activeElement === document.body) link.focus({ preventScroll: true });
  }
  document.addEventListener('DOMContentLoaded', () => {
    // The other language on a contact form: hidden without JS, whose page asked again lost the
    // input (layout.tsx); here the input is kept as a draft and comes back.
    // (Not where this tab keeps nothing: site data blocked; code review.)
    var foot = document.querySelector('footer.foot');
    var store = storage();
    try {
      store.setItem('kontakte-probe', '1');
      store.removeItem('kontakte-probe');
      if (foot) foot.hidden = false;
    } catch (e) {}
    enhance(document, true);
    takeUpSpot();
    focusDiscarded();
  });
  // After the load: the browser's own move to the row (Chromium) clears focus until then.
  window.addEventListener('load', () => setTimeout(focusRow));

  // The way back with htmx loads the address anew (config history: 'reload'), at the top: on a
  // long list the buyer lost their place. Where a page was left (scroll, and the element with an
  // id that held focus) is kept per address in this tab, and taken up when that address loads by
  // Back or Forward. At most 30 addresses.
  var SPOTS = 'kontakte-spots';
  function spots() {
    return readKept(SPOTS, {});
  }
  document.addEventListener('htmx:before:request', () => {
    var all = spots();
    var here = location.pathname + location.search;
    var holder = document.activeElement && document.activeElement.closest && document.activeElement.closest('[id]');
    delete all[here];
    all[here] = { y: window.scrollY, id: holder && holder.id !== 'main' ? holder.id : '' };
    var addresses = Object.keys(all);
    if (addresses.length > 30) delete all[addresses[0]];
    keep(SPOTS, all);
  });
  // htmx announces the reload of the way back: only that load takes the spot up (a reload of the
  // user's own keeps the browser's restoring).
  document.addEventListener('htmx:before:history:restore', () => {
    try {
      storage().setItem(SPOTS + ':back', location.pathname + location.search);
    } catch (e) {
      /* no storage: the top, as before */
    }
  });
  function takeUpSpot() {
    var back = null;
    try {
      back = storage().getItem(SPOTS + ':back');
      storage().removeItem(SPOTS + ':back');
    } catch (e) {
      /* no storage */
    }
    var spot = back === location.pathname + location.search && spots()[back];
    if (!spot) return;
    // The browser's own restoring (to the top here) held off for this load only: a later reload keeps it.
    history.scrollRestoration = 'manual';
    window.scrollTo(0, spot.y);
    window.addEventListener('load', () => {
      setTimeout(() => {
        history.scrollRestoration = 'auto';
      }, 0);
    });
    var holder = spot.id && document.getElementById(spot.id);
    var target = holder && (holder.matches('a[href],button,input,select,textarea') ? holder : holder.querySelector('a[href],button'));
    if (target) target.focus({ preventScroll: true });
  }
  // A phone scrolls a focused text area only as far as its caret, so the rest of it could stay
  // under the sticky save bar (WCAG 2.4.11): its whole box is brought clear (its scroll-margin).
  document.addEventListener('focusin', (event) => {
    var field = event.target;
    var bar = field.tagName === 'TEXTAREA' && document.querySelector('.save-bar');
    if (!bar || getComputedStyle(bar).position !== 'sticky') return;
    if (field.getBoundingClientRect().bottom > bar.getBoundingClientRect().top) field.scrollIntoView({ block: 'nearest' });
  });

  // htmx 4 fires after:swap on the element that made the request; what was swapped is ctx.target
  // (for an outerHTML swap that element is gone: look it up again by id).
  document.addEventListener('htmx:after:swap', (event) => {
    var ctx = event.detail && event.detail.ctx;
    var id = ctx && ctx.target && ctx.target.id;
    var main = document.getElementById('main');
    if (id === 'main' && main) {
      enhance(main, false, ctx.draftKey);
      // The input came back under another key (a contact made by a create sent again, deleted
      // since: the form of a deleted contact): kept there now, not also as the form sent (code
      // review: saved as a new contact, it came back in the next new-contact form).
      const moved = main.querySelector('form[data-draft-server]');
      if (ctx.draftKey && moved && moved.getAttribute('data-draft') !== ctx.draftKey) clearDraft(ctx.draftKey);
      // A page without a message of its own leaves none of the last page's behind in the live region.
      const message = main.querySelector('[data-announce]');
      // (An alert that carries the message itself, with links beside its text, says it all.)
      let news = message && !message.closest('[role="alert"]') ? message.getAttribute('data-announce') : '';
      // A role=alert is read out as it arrives: said here as well, it was heard twice.
      Array.prototype.forEach.call(main.querySelectorAll('[role="alert"]'), (alert) => {
        news = news.replace(alert.textContent.trim(), '').trim();
      });
      announce(news);
      const focus = main.querySelector('[data-focus]') || main;
      focus.focus({ preventScroll: false });
      const heading = main.querySelector('h1');
      // "<heading> · Kontakte"; the book itself, whose heading is the app's name: "<apartment> · Kontakte".
      const app = document.title.split(' · ').pop();
      const asset = document.querySelector('header .asset');
      const said = heading && heading.textContent.trim();
      // A form with errors says them first, as its page's title does (pages.tsx formPage; a11y review, stop 63).
      const wrong = main.querySelector('#form-errors strong');
      if (said)
        document.title =
          (wrong ? `${wrong.textContent.trim()} ` : '') + (said === app && asset ? asset.textContent.trim() : said) + ' · ' + app;
    } else if (id === 'results') {
      // A search answered again: "too many searches" is over.
      const limited = document.getElementById('limit-alert');
      if (limited && limited.closest('form[role="search"]') && ctx.response && ctx.response.status < 400) limited.remove();
      // The new result count (or "Keine Treffer …") is read out; focus stays in the search field.
      const none = document.querySelector('#results .no-results p');
      const count = document.querySelector('#results .count') || (none && none.firstChild);
      if (count) sayFound(count.textContent.trim());
      // The tab's title says what the search found, as a page loaded with it does (pages.tsx
      // listPage; search review, stop 62): "12 Treffer für „Müller“ · <apartment> · Kontakte".
      const asset = document.querySelector('header .asset');
      const found =
        document.getElementById('results').getAttribute('data-q') && count ? `${count.textContent.trim().replace(/\.$/, '')} · ` : '';
      if (asset) document.title = `${found}${asset.textContent.trim()} · ${document.title.split(' · ').pop()}`;
    }
  });

  // A request that failed on the way (offline, timeout) or at a server in between (a 5xx that is
  // not one of our pages): the page stays as it is, a message says so, "Erneut senden" repeats it.
  // Resending is safe: a new contact carries its one-time token, an edit its version.
  // The box says that input is kept only where a form was sent; while it shows, the page keeps
  // its height free at the bottom (--net), so the sticky save bar stays above it, not under it.
  var failed = null;
  // The button a form was sent with ("„…“ ändern"): "Erneut senden" sends it with the form again.
  var failedBy = null;
  function showFailure(ctx) {
    failed = ctx && ctx.sourceElement;
    var box = document.getElementById('net');
    if (!box) return;
    // "Ihre Eingaben bleiben erhalten": only where a form with something to type or tick was sent
    // (not a search, a page, a delete or a restore, whose forms hold hidden fields only).
    var said = box.querySelector('[data-form]');
    var form = ctx && ctx.request && ctx.request.method !== 'GET' && ctx.request.form;
    failedBy = form ? ctx.request.submitter : null;
    if (said) said.hidden = !(form && form.querySelector('textarea, select, input:not([type="hidden"])'));
    box.hidden = false;
    document.documentElement.style.setProperty('--net', box.offsetHeight + 16 + 'px');
    var search = failed && failed.matches && failed.matches('form[role="search"] input[type="search"]') ? searchOffline(failed) : '';
    announce(`${box.querySelector('p').innerText} ${search}`.trim());
    // Focus lost on the way (the pressed button was busy): to "Erneut senden", not the page's
    // start, from where the box is the last thing a keyboard reaches. A search field keeps it.
    var active = document.activeElement;
    if (!active || active === document.body) box.querySelector('[data-retry]').focus();
  }
  // A search that found no connection: the rows already on the page are searched here instead
  // (buyer review: the whole list stood under "Keine Verbindung", as if it were the result). Only
  // what a row shows can be searched, folded as the server folds the words it compares (case,
  // accents, ß, ae/oe/ue; a number by its digits); a line above the rows says so. The next search
  // that arrives replaces rows and line.
  // The search's folding (src/contacts/keys.ts `fold`): case, marks, the letters Unicode does not
  // decompose (ß ı ø ł æ …), apostrophes, ae/oe/ue as a/o/u, dj as d, a third equal letter.
  var SPECIAL = { ß: 'ss', ı: 'i', ø: 'o', ł: 'l', đ: 'd', ħ: 'h', ŧ: 't', ŀ: 'l', ƒ: 'f', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd' };
  function fold(text) {
    return (
      text
        // Apostrophes first: NFKD makes the accent key's ´ a space and a mark (code review).
        .replace(/['’‘ʼ´]/g, '')
        // Dashes as hyphens ("123–125"), as keys.ts SPECIAL_LETTERS.
        .replace(/[\u2010-\u2014\u2212]/g, '-')
        .normalize('NFKD')
        .replace(/[\p{M}\p{Cf}]/gu, '')
        .toUpperCase()
        .toLowerCase()
        .replace(/[ßıøłđħŧŀƒæœþð]/g, (letter) => SPECIAL[letter])
        .replace(/([aou])e+|(d)j+(?=\p{L})/gu, '$1$2')
        .replace(/(\p{L})\1\1+/gu, '$1$1')
    );
  }
  // The digits of a number as the search compares them (keys.ts canonicalPhone): +49 and 0049 as
  // 0, and the trunk 0 after the other codes that have one ("+43 0664" as "+43 664").
  function dialled(value) {
    var compact = value.replace(/\s+/g, '').replace(/^\(\+/, '+');
    var international = /^(\+|00)/.test(compact);
    var digits = (international ? compact.replace(/\(0\)/g, '') : compact).replace(/[^0-9]/g, '');
    if (compact[0] === '+') digits = '00' + digits;
    if (digits.indexOf('0049') === 0) return `0${digits.slice(4).replace(/^0+/, '')}`;
    return digits.replace(/^(00(?:31|32|33|41|43|44|90))0(?=[1-9])/, '$1');
  }
  // A run of number-shaped words ("+49 89 4711-0815") is one number, as in the server's search.
  var NUMBERISH = /^[-+()/.0-9\u2010-\u2014\u2212]+$/;
  // A salutation, a legal form, a phone label or "und" is left out while another word remains,
  // as the server's search does (src/contacts/keys.ts FILLER): "Elektro Brandl GmbH".
  var FILLER =
    /^(herrn?|frau|hr\.|fr\.|mrs?\.?|ms\.?|pani|signora|signore?|sig\.(?:ra)?|sra\.?|madame|monsieur|mme\.?|bey|han[iı]m|bayan|say[iı]n|fa\.|firma|(tel|tel\.?-?nr|telefon(?:nummer)?|fon|phone|festnetz|fax|mob|mobil(?:e|telefon|nummer)?|handy(?:nummer)?|cell)\.?|und|u\.|&|\+|(gmbh|mbh|ag|kg|ohg|gbr|ug|kgaa)\.?|e\.k\.?|co\.?):?$/i;
  // A phone label typed onto its number ("Tel.:089…") and "GmbH&Co", "Schmidt+Partner" are two
  // words each, and a word's brackets, quotes or comma do not hide a filler word ("(Frau)"), as in
  // keys.ts typedWords and bare (code review: offline found no row the server finds).
  var LABELLED =
    /^((?:tel|tel\.?-?nr|telefon(?:nummer)?|fon|phone|festnetz|fax|mob|mobil(?:e|telefon|nummer)?|handy(?:nummer)?|cell)\.?:?)(?=[+(]|\d{3})/i;
  function typedWords(query) {
    var words = [];
    query
      .split(/\s+/)
      .filter(Boolean)
      .forEach((word) => {
        var label = LABELLED.exec(word);
        if (label) words.push(label[1]);
        words.push.apply(words, (label ? word.slice(label[1].length) : word).replace(/(\p{L})[+&/](?=\p{L})/gu, '$1 ').split(' '));
      });
    return words;
  }
  var bare = (word) => word.replace(/^[([{<„“”‚‘’«»"]+|[)\]}>“”‘’«»,;"]+$/gu, '');
  var EDGES = /^(?:[([{<„“”‚‘’«»]|https?:\/\/|www\.)+|[)\]}>“”‘’«».,;:!?/]+$/giu;
  function queryTerms(query) {
    var terms = [];
    var typed = typedWords(query);
    var meant = typed.filter((word) => !FILLER.test(bare(word)));
    (meant.length ? meant : typed).forEach((word) => {
      // What a word is wrapped in ("Hauptstr.", "Schmidt,", „Schröder“) is left out (keys.ts EDGES).
      if (!NUMBERISH.test(word)) word = word.replace(EDGES, '') || word;
      var last = terms[terms.length - 1];
      // A second number after a first (+, 00 or a bracket after six digits) is a run of its own (keys.ts).
      var second = /^(?:\+|00|\()/.test(word) && last && last.words.join('').replace(/\D/g, '').length >= 6;
      if (NUMBERISH.test(word) && last && last.number && !second) last.words.push(word);
      else if (word) terms.push({ words: [word], number: NUMBERISH.test(word) });
    });
    // A run matches as its words (each found as text) or as one number (its digits among the row's).
    var folded = terms
      .map((term) => ({
        words: fold(term.words.join(' ')).split(' ').filter(Boolean),
        digits: term.number ? dialled(term.words.join('')) : '',
        // An international number typed in groups matches by its digits only: "+49" in every
        // number, "171" in one and "1234567" in another of a row found no one meant (keys.ts).
        whole: term.number && term.words.length > 1 && /^\(?(?:\+|00)/.test(term.words[0]) && dialled(term.words.join('')).length >= 8,
      }))
      .filter((term) => term.words.length || term.digits);
    // A month name before a year, perhaps after a day, also as the row shows a date: in German in
    // numbers, in English in words (keys.ts datesNamed): "Mai 2027" and "10. Mai 2027" find
    // "10.05.2027", "December 2026" finds "18 Dec 2026". The day then counts only as that date
    // (keys.ts: "10 Dec 2026" found a 10 in a phone number; buyer review, stop 60).
    folded.forEach((term, index) => {
      // A date in numbers as the rows show it, "2.3.2027" as "02.03.2027" (German) or "2 Mar 2027";
      // also with slashes, day first, "02/03/2027" (keys.ts NUMERIC_DATE, stop 74).
      var numeric =
        term.words.length === 1 && /^\(?(0?[1-9]|[12]\d|3[01])([./])(0?[1-9]|1[0-2])\2((?:19|20)?\d\d)\)?[.,]?$/.exec(term.words[0]);
      if (numeric) {
        // A year of two digits as keys.ts fullYear reads it: "12.03.89" is 1989.
        const full = (numeric[4].length === 2 ? (numeric[4] < '70' ? '20' : '19') : '') + numeric[4];
        term.date = `${numeric[1].padStart(2, '0')}.${numeric[3].padStart(2, '0')}.${full}`;
        term.named = new RegExp(`(?:^|\\D)${Number(numeric[1])} (?:${MONTH_NAMES[numeric[3] - 1]})\\.? ${full}`);
        return;
      }
      var month = term.words.length === 1 && MONTH.exec(term.words[0].replace(/[.,]$/, ''));
      var next = (folded[index + 1] || term).words;
      var YEAR = /^((?:19|20)\d\d|2100)[.,]?$/;
      var DAY = /^(0?[1-9]|[12]\d|3[01])(?:\.|st|nd|rd|th)?,?$/;
      // "December 10, 2026" (the American order; its day and year are one run of numbers), as keys.ts
      // reads it; "December 10th, 2026" (the ordinal day a word of its own, the year another term).
      var apart = folded[index + 2];
      var after =
        month &&
        ((next.length === 2 && DAY.exec(next[0]) && YEAR.exec(next[1])) ||
          (next.length === 1 && DAY.exec(next[0]) && apart && YEAR.exec(apart.words[0])));
      var year = month && (after ? YEAR.exec(next.length === 2 ? next[1] : apart.words[0]) : YEAR.exec(next[0]));
      if (!year) return;
      var n = month.slice(1).findIndex(Boolean);
      var dayTerm = after ? folded[index + 1] : folded[index - 1];
      var day = dayTerm && DAY.exec(after ? next[0] : dayTerm.words.join(''));
      term.date = `${day ? `${day[1].padStart(2, '0')}.` : ''}${String(n + 1).padStart(2, '0')}.${year[1]}`;
      term.named = new RegExp(`(?:^|\\D)${day ? `${Number(day[1])} ` : ''}(?:${MONTH_NAMES[n]})\\.? ${year[1]}`);
      if (day) dayTerm.dateOf = term;
    });
    return folded;
  }
  // keys.ts MONTH, as fold() writes the names ("Maerz" as "marz").
  var MONTH_NAMES = [
    'januar|janner|january|jan',
    'februar|february|febr|feb',
    'marz|march|mar|mrz',
    'april|apr',
    'mai|may',
    'juni|june|jun',
    'juli|july|jul',
    'august|aug',
    'september|sept|sep',
    'oktober|october|okt|oct',
    'november|nov',
    'dezember|december|dez|dec',
  ];
  var MONTH = new RegExp(`^(?:${MONTH_NAMES.map((names) => `(${names})`).join('|')})$`);
  function searchOffline(field) {
    var list = document.getElementById('rows');
    var results = document.getElementById('results');
    if (!list || !results) return '';
    var query = field.value.trim();
    var terms = queryTerms(query);
    var rows = list.querySelectorAll('li.contact');
    var found = 0;
    Array.prototype.forEach.call(rows, (row) => {
      var part = (selector) => Array.prototype.map.call(row.querySelectorAll(selector), (element) => element.textContent).join(' ');
      var text = fold(part('.name, .meta, .tel, .mail, .wb'));
      // A word with hyphens also joined, as the server stores it: "Fliesenmeier" finds "Fliesen-Meier".
      var joined = text.replace(/(\p{L})-(?=\p{L})/gu, '$1');
      var number = dialled(part('.tel'));
      // A word with hyphens also by its parts, as the server finds "Fliesen-Meier" in "Fliesen Meier".
      // (Between letters only, each part of three letters or more: "089-3100" is a number, "E-Mail" a word.)
      var has = (word) =>
        text.indexOf(word) >= 0 ||
        joined.indexOf(word) >= 0 ||
        (/\p{L}-\p{L}/u.test(word) && word.split('-').every((part) => Array.from(part).length >= 3 && text.indexOf(part) >= 0));
      var dated = (term) => text.indexOf(term.date) >= 0 || term.named.test(text);
      var match = terms.every((term) =>
        term.dateOf
          ? dated(term.dateOf)
          : (!term.whole && term.words.every(has)) || (term.date && dated(term)) || (term.digits && number.indexOf(term.digits) >= 0),
      );
      row.hidden = !match;
      if (match) found += 1;
    });
    // A group's heading goes with its last shown row.
    Array.prototype.forEach.call(list.querySelectorAll('li.group'), (group) => {
      var next = group.nextElementSibling;
      while (next && next.matches('li.contact') && next.hidden) next = next.nextElementSibling;
      group.hidden = !next || !next.matches('li.contact');
    });
    var line = document.getElementById('offline-found');
    // While rows stand filtered here, the count of the server's answer and "Mehr laden" (rows of
    // that answer) would contradict the line; the column heads stand over no row.
    var others = document.querySelectorAll('#count, #rows > li.more, #rows > li.head');
    Array.prototype.forEach.call(others, (element) => {
      element.hidden = terms.length > 0 && (!element.matches('li.head') || !found);
    });
    if (!terms.length) {
      if (line) line.remove();
      return '';
    }
    if (!line) {
      line = document.createElement('p');
      line.id = 'offline-found';
      line.className = 'hint';
      results.prepend(line);
    }
    // Not yet loaded: "Mehr laden" carries how many the server's answer has (code review: the
    // count's text holds the search's digits too).
    var more = list.querySelector('li.more [hx-vals]');
    var total = more ? Number(JSON.parse(more.getAttribute('hx-vals')).total) : 0;
    var unseen = total > rows.length ? words.offlineUnseen(total - rows.length) : '';
    line.textContent = words.offlineFound(found, rows.length, query) + unseen;
    return line.textContent;
  }
  function hideFailure() {
    failed = null;
    var box = document.getElementById('net');
    if (box) box.hidden = true;
    document.documentElement.style.removeProperty('--net');
  }
  document.addEventListener('htmx:error', (event) => {
    showFailure(event.detail && event.detail.ctx);
  });
  document.addEventListener('htmx:response:error', (event) => {
    var ctx = event.detail && event.detail.ctx;
    // Too long (413) or too many writes (429): the form stays with what was typed, the answer's
    // words above it or beside a field (swapped in, the page replaced the input, and its way back
    // led elsewhere).
    var form = ctx && ctx.request && ctx.request.form;
    // Too many searches (429 to a GET: only searches are limited so): said above the search field,
    // the results as they were, focus where it is (the answer swapped over the results removed them).
    var search = document.getElementById('q');
    if (ctx && ctx.response.status === 429 && ctx.request.method === 'GET' && search) form = search.form;
    if (ctx && (ctx.response.status === 413 || ctx.response.status === 429) && form && form.isConnected) {
      ctx.swap = 'none';
      // An error page's words, or those above the form a contact form's 429 brings back (an empty
      // alert said nothing: UX review).
      const said = new DOMParser().parseFromString(ctx.text || '', 'text/html').querySelector('.error p, p.alert');
      const alert = document.getElementById('limit-alert') || document.createElement('p');
      alert.id = 'limit-alert';
      alert.className = 'alert';
      alert.setAttribute('role', 'alert');
      alert.textContent = said ? said.textContent : '';
      // Too long (413): the words stand beside the longest field as sent, the one to shorten, and
      // focus goes there (walkthrough, stop 68: they stood above the form, tied to no field).
      // (Where it stood before, the field's own error from the server stays.)
      for (const field of document.querySelectorAll('[aria-describedby~="limit-alert"]')) {
        field.setAttribute('aria-describedby', field.getAttribute('aria-describedby').replace('limit-alert', '').trim());
        if (field.closest('.field').querySelector('.field-error:not(#limit-alert)')) continue;
        field.removeAttribute('aria-invalid');
        field.closest('.field').classList.remove('invalid');
      }
      let longest = null;
      // (In UTF-8 bytes, as sent: encodeURIComponent throws on a lone surrogate: code review.)
      const size = (field) => new TextEncoder().encode(field.value).length;
      if (ctx.response.status === 413)
        for (const field of form.querySelectorAll('.field input:not([type=file]), .field textarea'))
          if (!longest || size(field) > size(longest)) longest = field;
      if (longest) {
        alert.className = 'field-error';
        alert.removeAttribute('role');
        longest.closest('.field').classList.add('invalid');
        longest.closest('.field').append(alert);
        longest.setAttribute('aria-invalid', 'true');
        longest.setAttribute('aria-describedby', `${longest.getAttribute('aria-describedby') || ''} limit-alert`.trim());
        // After htmx's own end of the request, which took the focus back to the form's button.
        setTimeout(() => longest.focus());
        return;
      }
      form.prepend(alert);
      alert.scrollIntoView({ block: 'nearest' });
      return;
    }
    // Our own answers (422, 409, 503 with the form) are pages with a heading to focus: those swap.
    if (!ctx || ctx.response.status < 500 || /data-focus/.test(ctx.text || '')) return;
    ctx.swap = 'none';
    showFailure(ctx);
  });
  // (An answer replaces #results, rows, count and line alike: the offline search ends with it.)
  document.addEventListener('htmx:after:swap', hideFailure);
  // A whole page load of this app's while the device is offline (the card's way back to the list
  // is one, so that the browser returns to the row) showed the browser's own error page (UX
  // review): the box instead, whose "Erneut senden" follows the link. Not a new tab, a link
  // within the page, a click with a key that opens it elsewhere, or the search's own links
  // ("Suche leeren", "Meinten Sie"), which search in place and say so themselves (code review).
  document.addEventListener('click', (event) => {
    var link = !navigator.onLine && event.target.closest && event.target.closest('a[href]:not([hx-get]):not([target])');
    if (
      !link ||
      link.closest('.no-results, .did-you-mean') ||
      link.origin !== location.origin ||
      event.defaultPrevented ||
      event.ctrlKey ||
      event.metaKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    if (link.pathname === location.pathname && link.search === location.search && link.hash) return;
    event.preventDefault();
    showFailure({ sourceElement: link });
  });
  document.addEventListener('click', (event) => {
    if (!event.target.closest || !event.target.closest('[data-retry]')) return;
    var source = failed;
    hideFailure();
    // Focus was on the box's button, now hidden: back to what was sent (the search field, the
    // form's button), not lost on the page's body.
    var back = source && source.tagName === 'FORM' ? source.querySelector('[type="submit"]') : source;
    if (back && back.isConnected && back.focus) back.focus({ preventScroll: true });
    var form = source && (source.tagName === 'FORM' ? source : source.form);
    // A button that sends by itself ("Mit meinen Eingaben wiederherstellen", its own hx-post) is
    // pressed again: the form sent without it went to the form's own action, a new contact (a copy,
    // the deleted one left behind with its history: data review). A form goes with its button.
    if (source && source !== form && source.isConnected && source.matches('button[hx-post]')) source.click();
    else if (form && form.isConnected) form.requestSubmit(form.contains(failedBy) ? failedBy : undefined);
    else if (source && source.isConnected) source.click();
    else window.location.reload();
  });

  // The search form sent by Enter or "Suchen": with JS the results swap in as while typing, the
  // page stays (a page load would drop focus). Enter also fires the field's own "search" event
  // (Chromium and Safari; not Firefox): before the submit in Safari, after it in Chromium. Each
  // search goes out once: a submit right after the browser's event sends nothing, and the
  // browser's event right after a submit's is stopped before htmx sees it.
  var lastSearch = null;
  var sentBySubmit = null;
  function sameSearch(last, field) {
    return last && last.field === field && last.value === field.value && Date.now() - last.at < 1000;
  }
  document.addEventListener(
    'search',
    (event) => {
      var field = event.target;
      if (event.isTrusted && sameSearch(sentBySubmit, field)) {
        sentBySubmit = null;
        event.stopImmediatePropagation();
        return;
      }
      lastSearch = { field: field, value: field.value, at: Date.now() };
    },
    true,
  );
  document.addEventListener('submit', (event) => {
    var form = event.target;
    var field = form.matches && form.matches('form[role="search"]') && form.querySelector('input[type="search"][hx-get]');
    if (!field || !window.htmx) return;
    event.preventDefault();
    if (sameSearch(lastSearch, field)) return;
    sentBySubmit = { field: field, value: field.value, at: Date.now() };
    field.dispatchEvent(new Event('search'));
  });

  // The form leaves the browser's check on for a page without JS: there a date the browser cannot
  // read is stopped by the browser itself (it went out empty and removed a stored end with
  // "wurde gespeichert": buyer review, stop 61). With JS the page says every error itself, so the
  // check is off from the press that sends (implicit submission by Enter clicks the form's button).
  document.addEventListener(
    'click',
    (event) => {
      var button = event.target.closest && event.target.closest('button, input[type="submit"]');
      var form = button && button.form;
      if (form && form.classList.contains('contact-form')) form.noValidate = true;
    },
    true,
  );
  // A date the browser cannot read (31.02.2027, an unfinished one) goes out as an empty value
  // (HTML's badInput): the acceptance date or warranty end typed was dropped without a word (UX
  // review). Nothing is sent then; the field says why, as the server's errors do. The words live
  // here: only this script says them. A phone's date picker offers only real dates.
  function saidBadDates(form) {
    fullYears(form);
    var bad = [...form.querySelectorAll('input[type="date"]')].filter((input) => input.validity.badInput);
    if (!bad.length) return false;
    var text =
      document.documentElement.lang === 'en'
        ? // No example: an English browser's date field shows its own order (12/03/2027 or 03/12/2027).
          'This date does not exist or is incomplete. Please check day, month and year.'
        : 'Dieses Datum gibt es nicht, oder es ist unvollständig. Bitte prüfen Sie Tag, Monat und Jahr, z. B. 12.03.2027.';
    for (const input of bad) {
      const id = `${input.id}-error`;
      const field = input.closest('.field');
      let error = document.getElementById(id);
      if (!error) {
        error = document.createElement('p');
        error.className = 'field-error';
        error.id = id;
        field.appendChild(error);
      }
      error.textContent = text;
      field.classList.add('invalid');
      input.setAttribute('aria-invalid', 'true');
      const described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      if (described.indexOf(id) < 0) described.push(id);
      input.setAttribute('aria-describedby', described.join(' '));
    }
    // Focus already there moves nowhere, and a moved focus is what reads the error out: say it.
    if (document.activeElement === bad[0]) announce(text);
    else bad[0].focus();
    return true;
  }
  document.addEventListener(
    'submit',
    (event) => {
      if (!event.target.querySelectorAll || !saidBadDates(event.target)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    },
    true,
  );
  // A year of two digits typed into a date field ("12.03.27") is the year 27 there, which the form
  // refuses (the years 1990-2100): read as the search reads one in the notes (keys.ts fullYear),
  // 2027, and 1995 for "95" (walkthrough, stop 65). As the field is left or its form sent, never
  // while the year is typed ("2" of "2027" is no year 2002).
  function fullYears(form) {
    for (const input of form.querySelectorAll('input[type="date"]')) {
      const typed = /^00(\d\d)(-\d\d-\d\d)$/.exec(input.value);
      if (!typed) continue;
      input.value = (typed[1] < '70' ? '20' : '19') + typed[1] + typed[2];
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }
  document.addEventListener('focusout', (event) => {
    if (event.target.type === 'date' && event.target.form) fullYears(event.target.form);
  });
  // A button with a request of its own ("Mit meinen Eingaben wiederherstellen") sends no submit
  // event: the same check as its request starts (before the handler below counts it as a write).
  document.addEventListener('htmx:before:request', (event) => {
    var ctx = event.detail && event.detail.ctx;
    var source = ctx && ctx.sourceElement;
    var form = source && (source.tagName === 'FORM' ? source : source.form);
    if (!form || !ctx.request || ctx.request.method === 'GET') return;
    if (saidBadDates(form)) event.preventDefault();
    else {
      // htmx read the form before this event: a year fullYears has just read in full goes in its
      // body too (review, stop 65: the field showed 2027, 0027 was sent).
      const body = ctx.request.body;
      for (const input of form.querySelectorAll('input[type="date"]'))
        if (body && body.has && body.has(input.name)) body.set(input.name, input.value);
    }
  });

  // A clash's choice left open: the page's words beside the group instead of the browser's bubble
  // (in the browser's language, tied to nothing); focus on the first group without a choice.
  document.addEventListener(
    'invalid',
    (event) => {
      var radio = event.target;
      var group = radio.type === 'radio' && radio.closest('fieldset.pick');
      if (!group) return;
      event.preventDefault();
      var id = `pick-${radio.name}-error`;
      if (!document.getElementById(id)) {
        const error = document.createElement('p');
        error.className = 'field-error';
        error.id = id;
        error.textContent =
          // As the server's answer to a form sent without a choice says it (chooseMissing): nothing is saved yet.
          document.documentElement.lang === 'en'
            ? 'Please choose which entry applies. Nothing is saved yet.'
            : 'Bitte wählen Sie, welche Angabe gilt. Noch ist nichts gespeichert.';
        group.appendChild(error);
        group.setAttribute('aria-describedby', id);
        for (const input of group.querySelectorAll('input[type=radio]')) input.setAttribute('aria-invalid', 'true');
      }
      var first = radio.form && radio.form.querySelector('fieldset.pick input:invalid');
      if (first && document.activeElement !== first && !first.closest('fieldset').contains(document.activeElement)) first.focus();
      // Read out as focus lands (or stays) in the first open group: focus alone did not say it (a11y review, stop 63).
      if (first === radio) announce(document.getElementById(id).textContent);
    },
    true,
  );
  document.addEventListener('change', (event) => {
    var group = event.target.type === 'radio' && event.target.closest('fieldset.pick');
    var error = group && document.getElementById(`pick-${event.target.name}-error`);
    if (!error) return;
    error.remove();
    group.removeAttribute('aria-describedby');
    for (const input of group.querySelectorAll('input[aria-invalid]')) input.removeAttribute('aria-invalid');
  });

  // The end a warranty period gives, under its choice: the page shows it for the values it came
  // with; here it follows the acceptance date, the period and a typed end (which wins) as they
  // change, and a new period's end is read out. The same rule as addYears in
  // src/contacts/warranty.ts (BGB § 188: the day with the same number, else the month's last).
  function showEnd(form, say) {
    var hint = form && form.querySelector('#f-warranty_years-end');
    if (!hint) return;
    var accepted = /^(\d{4})-(\d\d)-(\d\d)$/.exec(form.elements.accepted_on.value);
    var years = Number(form.elements.warranty_years.value);
    var until = form.elements.warranty_until.value;
    var text = '';
    // Within the contract's 1990-2100, as the server checks it (outside it the form says why).
    if (accepted && accepted[1] >= '1990' && years) {
      const year = Number(accepted[1]) + years;
      const month = Number(accepted[2]);
      const day = Math.min(Number(accepted[3]), new Date(Date.UTC(year, month, 0)).getUTCDate());
      const date = new Date(Date.UTC(year, month - 1, day));
      const locale = document.documentElement.lang === 'en' ? 'en-GB' : 'de-DE';
      // A typed end wins (contract §5): one that differs from the period's is said, not dropped
      // without a word (buyer review: the period chosen was gone after saving).
      if (year <= 2100 && until !== date.toISOString().slice(0, 10))
        text = hint
          .getAttribute(until ? 'data-typed' : 'data-text')
          .replace('%', date.toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
    } else if (accepted && accepted[1] >= '1990' && !years && !until)
      // An acceptance date alone gives no end: said as the last end is cleared, where the period
      // the end was typed beside is not kept (the form shows "Keine Frist"; buyer review: the
      // warranty went from the list and the calendar without a word).
      text = hint.getAttribute('data-none');
    // A period with no acceptance to count from: what saving would say (noStart), said as the
    // acceptance is cleared or the period chosen, not after saving (walkthrough, stop 65). Not
    // while a date is half typed, nor twice beside the error the page already shows there.
    else if (years && !until && form.elements.accepted_on.value === '' && !form.elements.accepted_on.validity.badInput)
      text = document.getElementById('f-accepted_on-error') ? '' : hint.getAttribute('data-start');
    if (text === hint.textContent) return;
    // The page's sentence no longer stands: what the server asks before dropping the end it
    // said (period_end, src/contacts/warranty.ts endDropped) is said here as it changes.
    if (form.elements.period_end) form.elements.period_end.remove();
    hint.textContent = text;
    hint.hidden = !text;
    if ((say || until || !years || !accepted) && text) announce(text);
  }
  document.addEventListener('input', (event) => {
    var field = event.target;
    if (/^(accepted_on|warranty_years|warranty_until)$/.test(field.name)) showEnd(field.form, field.name === 'warranty_years');
    if (field.name === 'accepted_on' && field.type === 'date') saidAhead(field);
  });
  // An acceptance more than a year ahead is most likely a year mistyped ("2069" for "2019"; the
  // form takes 1990-2100 and the search's notes read "69" as 2069): asked under the field while
  // it stands so, nothing refused (walkthrough, stop 65). The words live here, as saidBadDates's.
  function saidAhead(field) {
    var id = 'f-accepted_on-ahead';
    var hint = document.getElementById(id);
    var now = new Date();
    var limit = `${now.getFullYear() + 1}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    var ahead = /^\d{4}-\d\d-\d\d$/.test(field.value) && field.value > limit;
    var described = (field.getAttribute('aria-describedby') || '').split(' ').filter((one) => one && one !== id);
    if (ahead && !hint) {
      hint = document.createElement('p');
      hint.className = 'hint';
      hint.id = id;
      hint.textContent =
        document.documentElement.lang === 'en'
          ? 'The acceptance is more than a year ahead. Is the year right?'
          : 'Die Abnahme liegt mehr als ein Jahr in der Zukunft. Stimmt das Jahr?';
      field.closest('.field').appendChild(hint);
      announce(hint.textContent);
    } else if (!ahead && hint) hint.remove();
    if (ahead) described.push(id);
    if (described.length) field.setAttribute('aria-describedby', described.join(' '));
    else field.removeAttribute('aria-describedby');
  }

  // A link's address copied and pasted ("mailto:info@firma.de?subject=…", "tel:+49%2089…"): the
  // address or number alone, as the field takes it (buyer review: the e-mail's error did not say
  // why). Without JS the form says what is wrong beside the field.
  document.addEventListener('paste', (event) => {
    var field = event.target;
    var scheme = field.name === 'email' ? /^mailto:/i : /^(phone|mobile)$/.test(field.name) ? /^tel:/i : null;
    var text = scheme && field.form && event.clipboardData ? event.clipboardData.getData('text').trim() : '';
    if (!scheme || !scheme.test(text)) return;
    event.preventDefault();
    var value = text.replace(scheme, '').replace(/\?[\s\S]*$/, '');
    try {
      value = decodeURIComponent(value);
    } catch {}
    field.setRangeText(value, field.selectionStart, field.selectionEnd, 'end');
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });

  // "Suche leeren" (a link to the whole list, without JS a page load): the field emptied and
  // searched in place, focus kept in it for the next search (a page load left focus nowhere).
  document.addEventListener('click', (event) => {
    // (Only that link: not a suggestion's, "Meinten Sie …?", which searches for what it says, nor
    // the way to a deleted contact that matches, which leads to it: walkthrough, stop 76.)
    var link = event.target.closest && event.target.closest('.no-results a[data-clear]');
    var field = document.querySelector('form[role="search"] input[type="search"][hx-get]');
    if (!link || !field || !window.htmx || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    field.value = '';
    field.focus();
    field.dispatchEvent(new Event('search'));
  });

  // The import preview's ticks the buyer changed are kept in this tab per upload (the form's
  // address) and set again when the preview comes back: after a reload, the other language or a
  // sign-in, the preview came with its own ticks, and "übernehmen" took
  // the cards the buyer had unticked (walkthrough, stop 80). Each with the tick the preview had
  // given it: where the preview now gives another (a co-buyer added that contact meanwhile, the
  // preview marks it as likely there), the preview's stands (code review, stop 80). "Ergänzen", a
  // button of the form, takes the ticks along in the address too (`on`, also without JS: stop
  // 81). "Alle anhaken" / "Alle Haken entfernen" sent without the script, and "übernehmen", end
  // what was kept.
  function ticksKey(form) {
    return 'kontakte-ticks:' + form.getAttribute('action');
  }
  function readTicks(form) {
    return readKept(ticksKey(form), {});
  }
  function keepTicks(form, boxes) {
    var kept = readTicks(form);
    for (const box of boxes) kept[box.value] = [box.checked, box.defaultChecked];
    keep(ticksKey(form), kept);
  }
  function takeTicks(root) {
    Array.prototype.forEach.call(root.querySelectorAll('form'), (form) => {
      if (!form.querySelector('input[name="card"]')) return;
      var store = storage();
      if (/[?&]tick=/.test(location.search)) {
        if (store) store.removeItem(ticksKey(form));
        return;
      }
      var kept = readTicks(form);
      Array.prototype.forEach.call(form.querySelectorAll('input[name="card"]:not(:disabled)'), (box) => {
        var tick = kept[box.value];
        if (Array.isArray(tick) && tick[1] === box.defaultChecked) box.checked = tick[0];
      });
    });
  }
  document.addEventListener('submit', (event) => {
    var form = event.target;
    var by = event.submitter;
    if (!form.querySelector || !form.querySelector('input[name="card"]') || (by && by.name === 'tick')) return;
    // "Ergänzen": the address takes the ticks along, and those kept stay for the way Back (code
    // review, stop 81), all but the card completed, which goes back to the preview's own tick.
    if (by && by.name === 'complete') {
      const kept = readTicks(form);
      delete kept[by.value.split('.').pop()];
      keep(ticksKey(form), kept);
      return;
    }
    var store = storage();
    if (store) store.removeItem(ticksKey(form));
  });
  // The import preview's confirm says how many it adds ("3 Kontakte übernehmen"; UX review); with
  // none ticked, as the server wrote it ("Angehakte Kontakte übernehmen").
  function countAdding(form) {
    var confirm = form && form.querySelector('input[name="card"]') && form.querySelector('button.primary[type="submit"]');
    if (!confirm) return;
    if (!confirm.hasAttribute('data-none')) confirm.setAttribute('data-none', confirm.textContent);
    var n = form.querySelectorAll('input[name="card"]:checked').length;
    confirm.textContent = n ? words.adding(n) : confirm.getAttribute('data-none');
  }
  document.addEventListener('change', (event) => {
    if (event.target.name !== 'card' || !event.target.form) return;
    keepTicks(event.target.form, [event.target]);
    countAdding(event.target.form);
  });
  document.addEventListener('htmx:after:swap', () => {
    takeTicks(document);
    Array.prototype.forEach.call(document.querySelectorAll('form'), countAdding);
  });
  document.addEventListener('DOMContentLoaded', () => {
    takeTicks(document);
    Array.prototype.forEach.call(document.querySelectorAll('form'), countAdding);
  });

  // The import preview's "Alle anhaken" / "Alle Haken entfernen": the boxes change at once, no
  // round trip (without JS the buttons send the form and the preview comes back ticked so).
  document.addEventListener('click', (event) => {
    const button = event.target.closest && event.target.closest('button[name="tick"]');
    if (!button || !button.form) return;
    event.preventDefault();
    var boxes = button.form.querySelectorAll('input[name="card"]:not(:disabled)');
    for (const box of boxes) box.checked = button.value === 'all';
    keepTicks(button.form, boxes);
    countAdding(button.form);
    // Said, as the boxes changed out of sight. The words live here, not in the Worker's catalogs:
    // only this script says them, and the Worker's bundle is at its size budget (issue 18).
    var n = button.value === 'all' ? boxes.length : 0;
    var en = document.documentElement.lang === 'en';
    var words = en ? ['No contact', '1 contact', ' contacts', ' ticked.'] : ['Kein Kontakt', '1 Kontakt', ' Kontakte', ' angehakt.'];
    announce((n < 2 ? words[n] : n.toLocaleString(en ? 'en' : 'de-DE') + words[2]) + words[3]);
  });

  // "Mehr laden" replaces itself with the next rows (the event then has no connected element):
  // keyboard focus continues on the first new row.
  if (window.MutationObserver) {
    new MutationObserver(() => {
      var row = document.querySelector('[data-focus-row]');
      if (!row) return;
      var said = row.getAttribute('data-focus-row');
      row.removeAttribute('data-focus-row');
      row.focus();
      if (said) announce(said);
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
  // A form sent as a whole page (the import's upload and its confirmation: a file or a long
  // preview goes with them) shows the loading bar and takes no second tap while the browser sends
  // it: on a slow network every tap started the upload anew. Free again on the way back to the
  // page (back/forward cache), or after a minute (the browser's own stop button).
  function sent(form, busy) {
    form.classList.toggle('htmx-request', busy);
    if (busy) form.setAttribute('aria-busy', 'true');
    else form.removeAttribute('aria-busy');
  }
  document.addEventListener('submit', (event) => {
    var form = event.target;
    if (event.defaultPrevented || !form.matches || form.matches('[hx-post],[hx-get]')) return;
    if (form.classList.contains('htmx-request')) {
      event.preventDefault();
      return;
    }
    sent(form, true);
    saySending(event.submitter);
    setTimeout(() => {
      sent(form, false);
    }, 60000);
  });
  window.addEventListener('pageshow', () => {
    Array.prototype.forEach.call(document.querySelectorAll('form.htmx-request'), (form) => {
      sent(form, false);
    });
  });

  // A change still on its way after a second is said to screen readers as sighted users see it
  // (the loading bar, "Speichern …"): the words of the button that sent it, in the page's
  // language, with " …". The answer's own announcement follows it.
  var pending = 0;
  function saySending(button) {
    var words = button && button.textContent.replace('…', '').trim();
    clearTimeout(pending);
    if (words)
      pending = setTimeout(() => {
        announce(words + ' …');
      }, 1000);
  }
  // While a change is on its way, nothing else of the page goes out: its answer replaces the page,
  // and a tap on "Bearbeiten" after "Löschen" showed the buyer as the co-buyer who deleted it.
  var writing = new Set();
  document.addEventListener('htmx:before:request', (event) => {
    var ctx = event.detail && event.detail.ctx;
    if (!ctx || !ctx.request) return;
    if (writing.size) {
      event.preventDefault();
      return;
    }
    if (ctx.request.method === 'GET') return;
    writing.add(ctx);
    // What is sent is what is saved: its fields take no more typing until the answer (review: words
    // typed meanwhile were dropped with the form the card replaced); a failure opens them again.
    // (A <select> has no readOnly: disabled, after htmx has read the body.)
    var form = ctx.request.form;
    // A form of hidden fields only ("Wiederherstellen", its "Rückgängig") sends no input: its answer
    // clears no draft ('': data review, bringing back a contact deleted meanwhile dropped the input
    // left on its form, which then came back nowhere).
    ctx.draftKey =
      form && (form.getAttribute('data-draft') || (form.querySelector('textarea, select, input:not([type="hidden"])') ? null : ''));
    ctx.locked = form
      ? Array.prototype.filter.call(
          form.elements,
          (field) => /^(INPUT|TEXTAREA|SELECT)$/.test(field.tagName) && field.type !== 'hidden' && !field.readOnly && !field.disabled,
        )
      : [];
    ctx.locked.forEach((field) => {
      field[field.tagName === 'SELECT' ? 'disabled' : 'readOnly'] = true;
    });
    // A form sent without a button ("Erneut senden" submits it): its own submit button's words.
    var source = ctx.sourceElement;
    saySending(ctx.request.submitter || (source.tagName === 'FORM' ? source.querySelector('[type="submit"]') : source));
  });
  document.addEventListener('htmx:finally:request', (event) => {
    var ctx = event.detail && event.detail.ctx;
    ((ctx && ctx.locked) || []).forEach((field) => {
      field[field.tagName === 'SELECT' ? 'disabled' : 'readOnly'] = false;
    });
    writing.delete(ctx);
    if (!writing.size) clearTimeout(pending);
  });

  // ---- "Schon bei Ihren Kontakten": a new contact the book already has ----
  // A co-buyer may have saved the same tradesman already (buyer review: two entries, no word).
  // When a new contact's number, e-mail address or name is typed and left, the book is asked
  // for it, and the field says where it stands already, with a link to that contact; nothing is
  // held up. The question goes to the list's own .vcf export of a search: the one read that
  // answers with the matches' ids and changes nothing (the list's fragment would move the
  // list's way back to this search), and it costs the Worker no code. The search finds more than
  // the same (a number's digits inside a longer one, a word's start, words in the notes): what it
  // finds is compared here. A number by its digits (+49 as 0), an address in any case; a person
  // (once the last name is there) by first and last name, so that a new colleague at a firm in
  // the book is no duplicate of the firm's other contact (as the import tells them apart); a firm
  // without a person by the words of its name, without its legal form. Names compare as whole
  // words of the contact's name and company, folded as the search folds them. A form that edits
  // the contact it made (`edit_of`) asks nothing; the way back to a sent form brings a new one
  // (htmx loads it again), which would add the contact a second time. Without JavaScript the
  // form has no such hint.
  var NOT_A_NAME =
    /^(gmbh|mbh|ag|kg|kgaa|ohg|gbr|ug|co|ek|haftungsbeschrankt|firma|fa|herrn?|frau|hr|fr|mrs?|ms|und|u|dr|prof|tel|telefon|mobil|handy|fax)$/;
  // A name's words, folded: each part of "Fliesen-Meier" and "fliesenmeier" too, as in the search key.
  function nameWords(text) {
    var folded = fold(text);
    return folded
      .split(/[^\p{L}\p{N}]+/u)
      .concat(folded.split(/\s+/).map((word) => word.replace(/[^\p{L}\p{N}]+/gu, '')))
      .filter((word) => word.length > 1);
  }
  function vcardValue(line) {
    return line.slice(line.indexOf(':') + 1).replace(/\\([\\,;nN])/g, (all, character) => (/n/i.test(character) ? ' ' : character));
  }
  function vcardCards(text) {
    return text
      .replace(/\r\n[ \t]/g, '')
      .split(/\r\nEND:VCARD/)
      .map((card) => {
        var lines = card.split('\r\n');
        var value = (name) => lines.filter((line) => line.split(/[;:]/)[0].toUpperCase() === name).map(vcardValue);
        return {
          id: (value('UID')[0] || '').replace(/^kontakte-/, ''),
          name: value('FN')[0] || '',
          // Our export writes one ORG component: the company, its escaped ";" already read.
          org: value('ORG')[0] || '',
          // N: last name; first name; …: empty for a firm's own entry.
          person: (value('N')[0] || '').split(';').slice(0, 2).reverse().join(' ').trim(),
          numbers: value('TEL').map(dialled),
          emails: value('EMAIL').map((email) => email.toLowerCase()),
          // What a search finds in, as words ("Meinten Sie"): names, company and position; address
          // and notes; e-mail address and web site.
          texts: [
            ['FN', 'N', 'ORG', 'TITLE'],
            ['ADR', 'NOTE'],
            ['EMAIL', 'URL'],
          ].map((names) => names.map((name) => value(name).join(' ')).join(' ')),
        };
      })
      .filter((card) => card.id);
  }
  function twinTerm(form, field) {
    var value = (name) => ((form.elements[name] && form.elements[name].value) || '').trim();
    if (field.name === 'phone' || field.name === 'mobile') {
      const digits = dialled(field.value);
      return digits.length >= 6
        ? { q: field.value.trim(), same: (card) => card.numbers.indexOf(digits) >= 0, said: words.twinNumber }
        : null;
    }
    if (field.name === 'email') {
      const email = field.value.trim().toLowerCase();
      return /.@./.test(email) ? { q: email, same: (card) => card.emails.indexOf(email) >= 0, said: words.twinEmail } : null;
    }
    var person = value('last_name');
    var typed = fold(person ? value('first_name') + ' ' + person : value('company'));
    var keep = (word) => word.length > 1 && !NOT_A_NAME.test(word);
    var asked = typed.split(/[^\p{L}\p{N}]+/u).filter(keep);
    // "Fliesen-Meier" typed is also "Fliesenmeier" stored.
    var joined = typed
      .split(/\s+/)
      .map((word) => word.replace(/[^\p{L}\p{N}]+/gu, ''))
      .filter(keep);
    if (asked.join('').length < 3) return null;
    return {
      q: asked.join(' '),
      same: (card) => {
        // A person against people's names only, a firm against firms' names (code review: a new
        // firm "Schmidt GmbH" is not Peter Schmidt, a Meier not the firm Fliesen-Meier).
        var have = nameWords(person ? card.person : card.org || (card.person ? '' : card.name));
        var all = (names) => names.every((word) => have.indexOf(word) >= 0);
        return all(asked) || all(joined);
      },
      said: words.twinName,
      more: words.twinMoreName,
    };
  }
  function sayTwins(field, term, cards, list) {
    var box = field.closest('.field');
    if (!box || !cards.length) return;
    // Where a field's hint stands (above its input; on a wide screen the row of hints beside it):
    // within the hint that describes the field already, or as the field's hint of its own.
    var said = document.createElement('span');
    said.className = 'hint twin';
    said.id = field.id + '-twin';
    said.append(term.said);
    var named = cards.slice(0, cards.length > 3 ? 2 : 3);
    named.forEach((card, index) => {
      if (index) said.append(index === named.length - 1 && cards.length === named.length ? words.twinAnd : ', ');
      var link = document.createElement('a');
      link.href = term.gone ? list + '/deleted#c-' + encodeURIComponent(card.id) : list + '/' + encodeURIComponent(card.id);
      link.textContent = words.quotes[0] + card.name + words.quotes[1];
      // Underlined as links in running text are (not by their colour alone).
      link.style.textDecoration = 'underline';
      said.append(link);
    });
    if (cards.length > named.length) {
      const [before, more] = (term.more || words.twinMore)(cards.length - named.length);
      const all = document.createElement('a');
      all.href = term.gone ? list + '/deleted' : list + '?q=' + encodeURIComponent(term.q);
      all.textContent = more;
      all.style.textDecoration = 'underline';
      said.append(before, all);
    }
    said.append('.');
    var hint = box.querySelector('.hint');
    // The field that has focus now (the next one) stays where it is on the screen while the
    // words push it down (buyer review: the field being typed in moved by a line).
    var focused = document.activeElement;
    var top = focused && focused !== document.body ? focused.getBoundingClientRect().top : null;
    if (hint) {
      // A space: read on after the field's own hint ("z. B. +49 89 1234567 Diese Nummer …").
      said.prepend(' ');
      hint.append(said);
    } else {
      box.insertBefore(said, field);
      field.setAttribute('aria-describedby', ((field.getAttribute('aria-describedby') || '') + ' ' + said.id).trim());
    }
    if (top !== null) window.scrollBy(0, focused.getBoundingClientRect().top - top);
    announce(said.textContent.trim());
  }
  function unsayTwins(field) {
    var said = field && document.getElementById(field.id + '-twin');
    if (!said) return;
    said.remove();
    var described = (field.getAttribute('aria-describedby') || '').split(' ').filter((id) => id && id !== said.id);
    if (described.length) field.setAttribute('aria-describedby', described.join(' '));
    else field.removeAttribute('aria-describedby');
  }
  var twinChecks = new WeakMap();
  document.addEventListener('change', (event) => {
    var field = event.target;
    var form = field.form;
    // A new contact's form only: an edit is the contact itself (as is a form that edits the one it made).
    if (!form || !form.matches('.contact-form') || !form.elements.form_token || form.elements.version || form.elements.edit_of) return;
    if (['phone', 'mobile', 'email', 'company', 'first_name', 'last_name'].indexOf(field.name) < 0) return;
    // A number or address is said under its field; a name under the last name for a person, else
    // under the company (what was said under the other goes).
    var slot = ['company', 'first_name', 'last_name'].indexOf(field.name) >= 0 ? 'name' : field.name;
    var person = form.elements.last_name;
    var company = form.elements.company;
    var shown = slot !== 'name' ? field : person.value.trim() || !company.value.trim() ? person : company;
    unsayTwins(shown);
    if (slot === 'name') unsayTwins(shown === company ? person : company);
    var checks = twinChecks.get(form) || {};
    twinChecks.set(form, checks);
    var term = twinTerm(form, field);
    var asked = {};
    checks[slot] = asked;
    if (!term) return;
    var list = form.getAttribute('action');
    askBook(list, term.q)
      .then((cards) => {
        // Only the last question of a field (or of the name) is answered, and only while its
        // field still says what was asked (typed again, or emptied, meanwhile: nothing).
        var now = twinTerm(form, field);
        if (checks[slot] !== asked || !shown.isConnected || !now || now.q !== term.q) return;
        unsayTwins(shown);
        var live = cards.filter(term.same);
        if (live.length) return sayTwins(shown, term, live, list);
        // None in the book, but one deleted within 30 days: restored, it keeps its notes and its
        // history (buyer review: typed anew while the old one waited under "Zuletzt gelöscht").
        return deletedCards(form, list).then((gone) => {
          var again = twinTerm(form, field);
          if (checks[slot] !== asked || !shown.isConnected || !again || again.q !== term.q) return;
          var same = gone.filter(term.same);
          if (same.length) sayTwins(shown, { q: term.q, said: words.twinDeleted, more: words.twinMoreName, gone: true }, same, list);
        });
      })
      .catch(() => {});
  });
  // "Zuletzt gelöscht" as the duplicate hint compares cards (its rows carry what it needs), asked
  // once per form.
  var deletedOf = new WeakMap();
  function deletedCards(form, list) {
    var asked = deletedOf.get(form);
    if (!asked) {
      asked = fetch(list + '/deleted', { headers: { 'HX-Request': 'true' } })
        // An error (a session ended, 5xx) is no empty list: asked again next time (review).
        .then((response) => (response.ok ? response.text() : Promise.reject(new Error(response.status))))
        .then((text) =>
          Array.prototype.map.call(new DOMParser().parseFromString(text, 'text/html').querySelectorAll('li[data-person]'), (row) => ({
            id: row.id.replace(/^c-/, ''),
            name: (row.querySelector('h2') || row).textContent.trim(),
            person: row.getAttribute('data-person'),
            org: row.getAttribute('data-org'),
            numbers: row.getAttribute('data-tel').split('\n').filter(Boolean).map(dialled),
            emails: [row.getAttribute('data-email').toLowerCase()].filter(Boolean),
          })),
        );
      // Not an answer (offline): asked again next time.
      asked.catch(() => deletedOf.delete(form));
      deletedOf.set(form, asked);
    }
    return asked;
  }

  // "Meinten Sie …?" (buyer review: "Sonleitner" found no "Sonnleitner", "Elektro" no
  // "Elektriker"). The server's search finds what is typed within a word, folded, and forgives no
  // typo: that would need every word of the book compared in the Worker (whose size is
  // budgeted) or a second index. So with JS a search that found nothing asks the book here, for
  // each of its first three words of four letters or more: the contacts with a word that shares
  // its first or its last letters (as many as leave one between them: three up to eight letters,
  // four up to ten, five of a longer one; where none of their words is near, a second round:
  // probes() below), as the export of a search, which the duplicate hint asks too. Their nearest
  // words are offered: a letter typed once for twice or twice for once, then one letter wrong,
  // missing, extra or two swapped (two of them from eight letters on), or a word that starts as
  // the typed one does but for its last letters (five kept at least: "Elektro", "Elektriker").
  // Names, company and position come before address and notes; e-mail addresses and web sites
  // only count as found, never offered. A word the book has as typed is kept; one with nothing
  // near goes, if another was corrected. A suggestion is shown only once the server finds
  // something for it, at most two (the second only if it finds other contacts); its link sends
  // that search.
  // Without JS none is offered: the page says where the search looks.
  function distance(a, b, most) {
    // Optimal string alignment (two neighbours swapped count once), given up beyond `most`.
    a = Array.from(a);
    b = Array.from(b);
    if (Math.abs(a.length - b.length) > most) return most + 1;
    var before = [];
    var row = b.map((letter, j) => j + 1);
    row.unshift(0);
    for (let i = 1; i <= a.length; i++) {
      const earlier = before;
      before = row;
      row = [i];
      let least = i;
      for (let j = 1; j <= b.length; j++) {
        let cost = Math.min(before[j] + 1, row[j - 1] + 1, before[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cost = Math.min(cost, earlier[j - 2] + 1);
        row[j] = cost;
        least = Math.min(least, cost);
      }
      if (least > most) return most + 1;
    }
    return row[b.length];
  }
  // How near a word of the book is to a typed one (lower is nearer), or -1: not near. A letter
  // typed once for twice, or twice for once, is the nearest ("Müler": "Müller" before "Maler").
  // So is one of the four spellings of a name's "ai" sound for another ("Mayer": "Meier").
  var single = (word) => word.replace(/(.)\1+/gu, '$1').replace(/[ae][iy]/g, 'ai');
  function nearness(typed, word) {
    if (single(typed) === single(word)) return 0.5;
    var most = typed.length >= 8 ? 2 : typed.length >= 4 ? 1 : 0;
    var apart = distance(typed, word, most);
    if (apart <= most) return apart;
    if (typed.length < 6) return -1;
    if (word.indexOf(typed.slice(0, Math.max(5, typed.length - 2))) === 0) return 3;
    // Or a compound that starts as the typed word would but for a typo ("Dachdeker" for
    // "Dachdeckerei": search walkthrough, stop 70, nothing was offered): its start compared.
    for (let cut = typed.length - 1; cut <= typed.length + 1 && cut < word.length; cut++)
      if (distance(typed, word.slice(0, cut), most) <= most) return 3.5;
    return -1;
  }
  // The words of cards, by their folded form: as written (to be offered), on which cards, and
  // where (0 names, company, position; 1 address, notes; 2 e-mail, web site: never offered).
  // "Fliesen-Meier" is also "Fliesen", "Meier" and "fliesenmeier", as in the search key.
  function bookWords(cards, into) {
    cards.forEach((card) => {
      card.texts.forEach((text, rank) => {
        // Decomposed umlauts and soft hyphens as the server reads them.
        var tokens =
          text
            .normalize('NFC')
            .replace(/\p{Cf}/gu, '')
            .match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu) || [];
        tokens.forEach((token) => {
          token = token.replace(/[-'’]+$/, '');
          // A word with hyphens, also as one word, as the server keeps it; not an e-mail
          // address's or a website's (rank 2: "kuechen-schmidt.de" is no name, and the server
          // does not find "Kuechenschmidt" by it: UX review, "Meinten Sie" stayed silent).
          (token.indexOf('-') > 0 ? token.split('-').concat(rank < 2 ? token : []) : [token]).forEach((shown) => {
            var key = fold(shown).replace(/[^\p{L}\p{N}]+/gu, '');
            if (key) addWord(into, key, shown, rank, [card.id]);
          });
        });
      });
    });
    return into;
  }
  function addWord(into, key, shown, rank, ids) {
    var seen = into.get(key) || { shown: shown, cards: new Set(), rank: rank, counts: new Map() };
    into.set(key, seen);
    // The spelling of a name before the one of a note ("sonnleitner@…").
    if (rank < seen.rank) Object.assign(seen, { shown: shown, rank: rank, counts: new Map() });
    if (rank === seen.rank) {
      // Of the spellings at that rank, the one most cards write; between as many, the one with
      // umlauts (search review, stop 62: "Meinten Sie „Mueller“" where the book had more Müllers).
      const n = (seen.counts.get(shown) || 0) + ids.length;
      seen.counts.set(shown, n);
      const best = seen.counts.get(seen.shown) || 0;
      if (n > best || (n === best && /[äöüß]/i.test(shown) && !/[äöüß]/i.test(seen.shown))) seen.shown = shown;
    }
    for (const id of ids) seen.cards.add(id);
  }
  // The export of a search, as cards; [] when nothing matches; an error (offline, 5xx, 429) rejects.
  function askBook(list, q) {
    return fetch(list + '.vcf?q=' + encodeURIComponent(q), { headers: { Accept: 'text/vcard' } }).then((response) => {
      if (response.ok && /vcard/.test(response.headers.get('Content-Type') || '')) return response.text().then(vcardCards);
      // No match: the export's page that says so is not needed (nor loaded on a slow network).
      if (response.body) response.body.cancel();
      if (response.status === 404) return [];
      throw new Error(response.status);
    });
  }
  // Whether a search finds anything: the answer's start only.
  function bookHas(list, q) {
    return fetch(list + '.vcf?q=' + encodeURIComponent(q), { headers: { Accept: 'text/vcard' } }).then((response) => {
      if (response.body) response.body.cancel();
      return response.ok && /vcard/.test(response.headers.get('Content-Type') || '');
    });
  }
  // The words found for a part while a search is typed, kept for a minute (24 parts; all gone
  // with the next write of this page: a co-buyer's is seen within the minute).
  var parts = new Map();
  function partWords(list, part) {
    var url = list + '.vcf?q=' + encodeURIComponent(part);
    var kept = parts.get(url);
    if (kept && Date.now() - kept.at < 60000) return kept.words;
    parts.delete(url);
    if (parts.size >= 24) parts.delete(parts.keys().next().value);
    var words = askBook(list, part).then((cards) => bookWords(cards, new Map()));
    parts.set(url, { at: Date.now(), words: words });
    // Not an answer (offline, an error): asked again next time.
    words.catch(() => parts.delete(url));
    return words;
  }
  document.addEventListener('htmx:before:request', (event) => {
    var ctx = event.detail && event.detail.ctx;
    if (ctx && ctx.request && ctx.request.method !== 'GET') parts.clear();
  });
  /**
   * The parts of a typed word the book is asked for, by letters, not UTF-16 units (half of a
   * letter beyond the BMP cannot be sent), each as the server folds it, none under 3 letters.
   * First its start and end, as long as leaves a letter between them (3 to 5): two letters
   * swapped in the middle ("Fleisen") spoil one of them, not both (UX review: nothing was
   * offered). With them, for a name of up to six letters, its start with the other spellings of
   * its "ai" (Meier, Meyer, Maier, Mayer: UX review, "Meyer" found no "Meier"; asked only after
   * the start and end, "Meyer" found "Mayer" by its end and never asked for "Meier" or "Maier").
   * Then (`more`): where the two meet (a word of four to six letters), two letters swapped across
   * the meeting spoil both ("Brnadl"): the start as it reads with that pair swapped back; and the
   * other spellings in any part that holds the pair.
   */
  function probes(term, more) {
    var letters = Array.from(term.key);
    var length = Math.min(5, Math.max(3, Math.floor((letters.length - 1) / 2)));
    var asked = more ? [] : [letters.slice(0, length), letters.slice(-length)];
    if (more)
      for (let at = Math.max(0, letters.length - length - 1); at < length && at + 1 < letters.length; at++) {
        const back = letters.slice(0, length + 1);
        back.splice(at, 2, letters[at + 1], letters[at]);
        asked.push(back.slice(0, length));
      }
    // In the first round only a short name's (up to six letters: Meyer, Hein) other starts, at
    // most three parts more; the rest in the second (code review: every spelling at once sent
    // up to eight exports for one word, "ei" being in most German words).
    const sound = /[ae][iy]/.exec(term.key);
    const at = sound ? Array.from(term.key.slice(0, sound.index)).length : -1;
    if (sound)
      for (const other of ['ei', 'ey', 'ai', 'ay']) {
        const spelled = letters.slice(0, at).concat(Array.from(other), letters.slice(at + 2));
        if (at + 2 <= length && (more || letters.length <= 6)) asked.push(spelled.slice(0, length));
        if (more && at >= letters.length - length) asked.push(spelled.slice(-length));
      }
    return asked.map((part) => fold(part.join(''))).filter((part) => Array.from(part).length >= 3);
  }
  /** Whether a part's words hold the typed word, or one near it. */
  var nearIn = (term, found) => Array.from(found.keys()).some((key) => key.indexOf(term.key) >= 0 || nearness(term.key, key) >= 0);
  var suggesting = 0;
  function suggest() {
    var none = document.querySelector('#results .no-results');
    var field = document.getElementById('q');
    var round = ++suggesting;
    if (!none || !field || !field.form) return;
    // The words the box answered (typed on since, the next answer comes).
    var query = (none.getAttribute('data-q') || '').trim();
    var list = field.form.getAttribute('action');
    var terms = query
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => ({ word: word, key: fold(word.normalize('NFC')).replace(/[^\p{L}\p{N}]+/gu, '') }));
    // Numbers, short words and a salutation or legal form are taken as typed.
    var open = terms
      .filter((term) => Array.from(term.key).length >= 4 && !NUMBERISH.test(term.word) && !NOT_A_NAME.test(term.key))
      .slice(0, 3);
    var current = () => round === suggesting && none.isConnected && field.value.trim() === query;
    if (!open.length) return;
    // While a word is typed on, its next answer comes: asked once typing rests.
    setTimeout(() => {
      if (!current()) return;
      // The start and end of each word first, and a short name's other starts; for a word none
      // of their words is near, a second round: the start with a pair swapped back, the other
      // spellings (code review: asked all at once, one typo sent eight exports).
      var ask = (parts) => Promise.all(Array.from(new Set(parts), (part) => partWords(list, part)));
      Promise.all(open.map((term) => ask(probes(term, false))))
        .then((answers) => {
          var lacking = open.filter((term, index) => !answers[index].some((found) => nearIn(term, found)));
          if (!lacking.length || !current()) return answers;
          return Promise.all(lacking.map((term) => ask(probes(term, true)))).then((more) => answers.concat(more));
        })
        .then((answers) => {
          var book = new Map();
          // Each answer's words, on the cards of all of them.
          for (const found of [].concat(...answers)) for (const [key, seen] of found) addWord(book, key, seen.shown, seen.rank, seen.cards);
          var keys = Array.from(book.keys());
          var queries = [[]];
          var corrected = false;
          for (const term of terms) {
            // A word the book has as typed is kept (the search failed on another, or on all together).
            if (open.indexOf(term) < 0 || keys.some((key) => key.indexOf(term.key) >= 0)) {
              queries = queries.map((chosen) => chosen.concat(term.word));
              continue;
            }
            // One word for two of a contact's ("Fliesenmeier" for "Fliesen Meier GmbH", which the
            // server finds only as typed apart): those two, before any near word (UX review).
            const apart = keys
              .filter((key) => key.length >= 3 && term.key.length - key.length >= 3 && term.key.indexOf(key) === 0)
              .map((key) => [book.get(key), book.get(term.key.slice(key.length))])
              // Words of names and notes, never of an e-mail address or web site (review).
              .find(([first, rest]) => rest && first.rank < 2 && rest.rank < 2 && Array.from(first.cards).some((id) => rest.cards.has(id)));
            if (apart) {
              queries = queries.map((chosen) => chosen.concat(apart[0].shown + ' ' + apart[1].shown));
              corrected = true;
              continue;
            }
            const near = keys
              .map((key) => ({ key: key, by: nearness(term.key, key), seen: book.get(key) }))
              .filter((word) => word.by >= 0 && word.seen.rank < 2)
              .sort(
                (a, b) =>
                  a.by - b.by || a.seen.rank - b.seen.rank || b.seen.cards.size - a.seen.cards.size || a.key.localeCompare(b.key, 'de'),
              );
            // Nothing near: the word goes ("Familie Sonleitner"), if another is corrected.
            if (!near.length) continue;
            // Two choices for the first word corrected, the second only if it finds other
            // contacts than the first finds, inside words too as the server does ("Hausmeister"
            // finds the "Hausmeisterservice": not both); the nearest for any other word.
            const finds = (word) => {
              var cards = new Set();
              for (const key of keys) if (key.indexOf(word.key) >= 0) for (const id of book.get(key).cards) cards.add(id);
              return cards;
            };
            const first = finds(near[0]);
            const second = near.find((word) => Array.from(finds(word)).some((id) => !first.has(id)));
            queries =
              !corrected && second
                ? [queries[0].concat(near[0].seen.shown), queries[0].concat(second.seen.shown)]
                : queries.map((chosen) => chosen.concat(near[0].seen.shown));
            corrected = true;
          }
          if (!corrected || !current()) return [];
          return Promise.all(queries.map((chosen) => chosen.join(' ')).map((q) => bookHas(list, q).then((found) => (found ? q : ''))));
        })
        .then((found) => {
          found = found.filter(Boolean);
          if (!found.length || !current()) return;
          var line = document.createElement('p');
          line.className = 'did-you-mean';
          line.append(words.didYouMean);
          found.forEach((q, index) => {
            var params = new URLSearchParams(new FormData(field.form));
            params.set('q', q);
            var link = document.createElement('a');
            link.href = list + '?' + params;
            link.setAttribute('data-search', q);
            link.textContent = words.quotes[0] + q + words.quotes[1];
            if (index) line.append(words.or);
            // The last link keeps its "?" on its line.
            var whole = document.createElement('span');
            whole.style.whiteSpace = 'nowrap';
            whole.append(link);
            if (index === found.length - 1) whole.append('?');
            line.append(whole);
          });
          // In the box that says "Keine Treffer" (said already, or said with it where the count
          // still waits: sayAfterFound), under its first line; said by itself, not by the box (a live
          // region, it would read all of it again).
          none.setAttribute('aria-live', 'off');
          none.querySelector('p').after(line);
          sayAfterFound(line.textContent);
        })
        .catch(() => {});
    }, 600);
  }
  document.addEventListener('DOMContentLoaded', suggest);
  // After a suggestion tapped (not from the keyboard: the phone's keyboard would cover the
  // results), focus goes to the count of what was found: the answer to that search only, while
  // nothing else has focus (the tapped link is gone); typing or a failed request forgets it.
  var toCount = '';
  document.addEventListener('htmx:after:swap', (event) => {
    var ctx = event.detail && event.detail.ctx;
    var id = ctx && ctx.target && ctx.target.id;
    if (id === 'results' || id === 'main') suggest();
    if (id !== 'results') return;
    var count = document.getElementById('count');
    var field = document.getElementById('q');
    // Safari and Firefox on a Mac focus no tapped link but the nearest focusable ancestor, <main>.
    var at = document.activeElement;
    var idle = !at || at === document.body || at.id === 'main';
    if (toCount && count && idle && field && field.value === toCount) {
      count.tabIndex = -1;
      count.focus({ preventScroll: true });
    }
    toCount = '';
  });
  ['input', 'htmx:error', 'htmx:response:error'].forEach((type) => {
    document.addEventListener(type, () => {
      toCount = '';
    });
  });
  // What typing sends: nothing for the words the results already answer (a letter typed and
  // taken back would replace them, and the rows "Mehr laden" brought with them). htmx's
  // "changed" compared with the last value typed, not with one a tapped suggestion set (typing
  // that again sent nothing). The words answered are the server's (`data-q` of #results, as
  // trimmed there), or those of the search on its way: not what was last sent, which a request
  // stopped before it went out (a change being saved) or a list swapped in since does not answer
  // (code review: typing those words again sent nothing). Enter and the clear button always send.
  var searching = null;
  var answers = (q) => {
    var results = document.getElementById('results');
    // Rows filtered without a connection answer nothing of the server's (code review: typed back
    // to its words, the rows stayed filtered).
    if (document.getElementById('offline-found')) return false;
    return searching ? searching.q === q : !!results && results.getAttribute('data-q') === q;
  };
  document.addEventListener('htmx:config:request', (event) => {
    var ctx = event.detail && event.detail.ctx;
    // Every htmx request says the page's language: its fragments come in it, also after the
    // language was switched in another tab, whose cookie this tab sends too (code review, stop 75:
    // English rows in a German page).
    if (ctx && ctx.request && ctx.request.headers) ctx.request.headers['HX-Lang'] = document.documentElement.lang;
    if (ctx) ctx.kontakteFrom = location.href;
    if (!ctx || !ctx.sourceElement || ctx.sourceElement.id !== 'q') return;
    var q = String((ctx.request.body && ctx.request.body.get('q')) || '').trim();
    // (Enter, "Suchen" and "Suche leeren" send as the field's "search" event.)
    if (ctx.sourceEvent && ctx.sourceEvent.type === 'input' && answers(q)) event.preventDefault();
    else searching = { ctx: ctx, q: q };
  });
  document.addEventListener('htmx:finally:request', (event) => {
    if (searching && event.detail && event.detail.ctx === searching.ctx) searching = null;
  });
  // The language switch at the foot goes back to the page shown now, as the server writes it for a
  // page it answers whole (UX walkthrough, stop 77: after an htmx swap it named the first page
  // loaded); under a POST's answer that has no address of its own (a clash, a form with errors)
  // there is none, as without JS (contract §6: its input would be lost).
  document.addEventListener('htmx:after:swap', (event) => {
    var ctx = event.detail && event.detail.ctx;
    var form = document.querySelector('.foot form');
    if (!ctx || !form || !ctx.request) return;
    if (ctx.request.method === 'GET' || location.href !== ctx.kontakteFrom) {
      form.parentNode.hidden = false;
      form.action = form.action.split('?')[0] + '?back=' + encodeURIComponent(location.pathname + location.search);
    } else if (ctx.target && ctx.target.id === 'main') form.parentNode.hidden = true;
  });
  // Words typed before this script ran (a slow network) are searched now, not left over an
  // unfiltered list: once htmx has taken up the page (a deferred script's htmx starts in a timer).
  document.addEventListener('DOMContentLoaded', () => {
    setTimeout(() => {
      var field = document.getElementById('q');
      if (field && window.htmx && !answers(field.value.trim())) window.htmx.trigger(field, 'search');
    });
  });
  // The suggestion searches as typing does: the page stays.
  document.addEventListener('click', (event) => {
    var link = event.target.closest && event.target.closest('.did-you-mean a');
    var field = document.getElementById('q');
    if (!link || !field || !window.htmx || event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    field.value = link.getAttribute('data-search');
    if (event.detail === 0) field.focus();
    else toCount = field.value;
    field.form.requestSubmit();
  });

  // A second tap on a link or button whose request is still on its way is dropped (htmx would
  // queue it: on a slow network "Bearbeiten" tapped twice sent the form twice, and the second
  // replaced the first while the buyer typed). Elements with a strategy of their own keep it.
  // On <main> (inherited by everything in it), set again after the way back swaps the body.
  function dropRepeats() {
    var main = document.getElementById('main');
    if (main && !main.hasAttribute('hx-sync:inherited')) main.setAttribute('hx-sync:inherited', 'this:drop');
  }
  dropRepeats();
  document.addEventListener('htmx:after:swap', dropRepeats);
  document.documentElement.classList.add('js');
})();
