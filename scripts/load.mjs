// `npm run load`: a bounded load and soak test against the local server (loopback only).
// Several simulated customers of several apartments, for LOAD_SECONDS (default 130), list, search,
// export, create, edit and delete their own contacts, restore older versions and deleted contacts,
// import small .vcf files (now and then confirming one twice, or undoing it), and edit a few
// contacts they share with their co-buyers from forms held open while others save: those edits
// are merged field by field (303) or clash (409, then resolved by "keep mine"). Afterwards every
// acknowledged write must be present exactly once, in its own apartment and nowhere else, with
// the expected values (merged fields combined, restored values back, undone imports gone).
// Prints figures and writes them to docs/benchmarks.md.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT } from 'jose';
import { ADDRESS, FIELDS } from '../src/contacts/fields.ts';
import { startServer } from './e2e.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.LOAD_SECONDS ?? 130);
const ASSETS = ['load-a', 'load-b', 'load-c', 'load-d'];
const USERS_PER_ASSET = 3;
/** Each user thinks between actions. */
const THINK_MS = 150;
/** The app allows 60 writes per user in 10 s; the load keeps below that on purpose. */
const WRITES_PER_10_S = 50;
/** The app holds at most 1,000 live contacts per apartment; creates and imports stop short of it. */
const LIVE_CAP = 900;
/** Contacts every customer of an apartment edits: the ground for merges and clashes. */
const SHARED_PER_ASSET = 2;
/** On a shared contact each co-buyer writes a field of their own (merges); notes are written by all (clashes). */
const OWNED_FIELDS = ['position', 'city', 'street'];
/** The form fields of contract §5 that a contact stores: the app's own field table. */
const FIELD_NAMES = FIELDS.map((field) => field.name);
/** Share of each action in a customer's mix (sums to 1). */
const MIX = [
  ['list', 0.27],
  ['search', 0.1],
  ['export', 0.04],
  ['create', 0.17],
  ['edit', 0.1],
  ['delete', 0.05],
  ['restore a version', 0.04],
  ['restore a deleted contact', 0.02],
  ['shared edit (merge or clash)', 0.12],
  ['import', 0.06],
  ['undo or re-confirm an import', 0.03],
];

if (!existsSync(join(root, '.dev.vars'))) copyFileSync(join(root, '.dev.vars.example'), join(root, '.dev.vars'));
const secret = /SESSION_SECRET="?([^"\n]+)"?/.exec(readFileSync(join(root, '.dev.vars'), 'utf8'))?.[1];
if (!secret) throw new Error('SESSION_SECRET missing in .dev.vars');

// The same local server as the browser tests: free ports, throwaway D1 state, log in test-results/.
const server = await startServer({ log: join(root, 'test-results', 'load-server.log') });
const origin = server.baseUrl;

async function tokenFor(sub, assets) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sub, name: `Last ${sub}`, role: 'customer', assets: assets.map((id) => ({ id, name: `Wohnung ${id}` })) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer('propster')
    .setAudience('propster-contacts')
    .setIssuedAt(now)
    .setExpirationTime(now + 3 * 3600)
    .sign(new TextEncoder().encode(secret));
}

const latencies = [];
/** Per action kind: requests and their latencies (ms). */
const byKind = new Map();
const counts = { requests: 0, errors: 0, conflicts: 0, rateLimited: 0 };
/** What the writes of this round came to: merges, clashes and how they ended. */
const outcomes = {
  merged: 0,
  clashes: 0,
  clashesResolved: 0,
  noBase: 0,
  versionsRestored: 0,
  deletedRestored: 0,
  importsConfirmed: 0,
  /** Confirms that met a co-buyer's write since their preview: shown again, then confirmed. */
  importsRechecked: 0,
  cardsImported: 0,
  reconfirms: 0,
  importsUndone: 0,
};
const errorSamples = [];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function noteError(sample) {
  counts.errors += 1;
  if (errorSamples.length < 8) errorSamples.push(sample);
}

/** Waits until one more write keeps this user below WRITES_PER_10_S in any 10 s. */
async function writeSlot(user) {
  for (;;) {
    const now = Date.now();
    while (user.writes.length && user.writes[0] <= now - 10_000) user.writes.shift();
    if (user.writes.length < WRITES_PER_10_S) break;
    await sleep(user.writes[0] + 10_000 - now + 5);
  }
  user.writes.push(Date.now());
}

/**
 * One request as `user`, counted under `kind`. `form` is sent urlencoded (an array value repeats
 * the field), `file` as multipart. Any status outside `expect` (and other than 429) is an error.
 * Returns { status, location, text, sentAt, ackedAt } or undefined when the request failed.
 */
async function call(user, kind, method, path, { form, file, expect = [200] } = {}) {
  const headers = { Cookie: `propster_session=${user.token}` };
  let body;
  if (method !== 'GET') {
    await writeSlot(user);
    headers.Origin = origin;
    if (file) {
      body = new FormData();
      body.append('file', new Blob([file.text], { type: 'text/vcard' }), file.name);
    } else {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(form ?? {}))
        for (const one of Array.isArray(value) ? value : [value]) params.append(name, one);
      body = params.toString();
    }
  }
  const stats = byKind.get(kind) ?? { requests: 0, latencies: [] };
  byKind.set(kind, stats);
  stats.requests += 1;
  counts.requests += 1;
  const sentAt = performance.now();
  let response;
  let text;
  try {
    response = await fetch(`${origin}${path}`, { method, headers, body, redirect: 'manual' });
    text = await response.text();
  } catch (error) {
    noteError(`${kind}: ${method} ${path}: ${error.message}`);
    return undefined;
  }
  const ackedAt = performance.now();
  latencies.push(ackedAt - sentAt);
  stats.latencies.push(ackedAt - sentAt);
  if (response.status === 429) counts.rateLimited += 1;
  else if (!expect.includes(response.status)) noteError(`${kind}: ${method} ${path}: ${response.status}`);
  else if (response.status === 409) counts.conflicts += 1;
  return { status: response.status, location: response.headers.get('location') ?? '', text, sentAt, ackedAt };
}

// ---- reading the app's HTML (just enough for its own forms) ---------------------------------

const unescapeHtml = (value) =>
  value.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[name]);

/** The attributes of every <input> in `html`, and the content of every <textarea> as its value. */
function inputsOf(html) {
  const inputs = [];
  for (const match of html.matchAll(/<(input|textarea)\b([^>]*)>/g)) {
    const attributes = {};
    for (const attribute of match[2].matchAll(/([a-zA-Z-]+)(?:="([^"]*)")?/g)) attributes[attribute[1]] = unescapeHtml(attribute[2] ?? '');
    if (match[1] === 'textarea') {
      const end = html.indexOf('</textarea>', match.index);
      attributes.value = unescapeHtml(html.slice(match.index + match[0].length, end)).replace(/^\n/, '');
    }
    inputs.push(attributes);
  }
  return inputs;
}

/** The edit form of a contact: its version and the stored values it shows. */
function editFormOf(html) {
  const inputs = inputsOf(html);
  const version = Number(inputs.find((input) => input.name === 'version')?.value);
  const values = Object.fromEntries(FIELD_NAMES.map((name) => [name, inputs.find((input) => input.name === name)?.value ?? '']));
  return Number.isInteger(version) && version > 0 ? { version, values } : undefined;
}

/**
 * The 409 clash page's first form (the choice; the second is "Alles noch einmal bearbeiten")
 * answered with "keep mine" (the first radio of each clashing field; of the address, the whole
 * address as this user's form had it, its parts carried in one value: `address` lists them).
 */
function keepMineOf(html) {
  const start = html.indexOf('<section class="clash"');
  if (start < 0) return undefined;
  const form = {};
  for (const input of inputsOf(html.slice(start, html.indexOf('</form>', start)))) {
    if (input.type === 'hidden') form[input.name] = input.value;
    else if (input.type === 'radio' && !(input.name in form)) form[input.name] = input.value;
  }
  if (!form.version) return undefined;
  // What the choice stores, part by part, to check against: the whole address chosen.
  const address = form.address === undefined ? undefined : JSON.parse(form.address);
  return { form, values: { ...form, ...(address && Object.fromEntries(ADDRESS.map((name, index) => [name, address[index]]))) }, address };
}

// ---- reading the export back ------------------------------------------------------------------

/** Splits a vCard value at unescaped `sep` and undoes the text escapes. */
function vcardParts(value, sep) {
  const parts = [''];
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index];
    if (char === '\\' && index + 1 < value.length) {
      index += 1;
      const next = value[index];
      parts[parts.length - 1] += next === 'n' || next === 'N' ? '\n' : next;
    } else if (char === sep) parts.push('');
    else parts[parts.length - 1] += char;
  }
  return parts;
}

/** The cards of an export as contact id → the fields the load writes. */
function cardsOf(text) {
  const cards = [];
  for (const block of text.replace(/\r\n[ \t]/g, '').split('END:VCARD')) {
    if (!block.includes('BEGIN:VCARD')) continue;
    const card = { id: '', company: '', position: '', last_name: '', first_name: '', street: '', city: '', notes: '' };
    for (const line of block.split('\r\n')) {
      const match = /^([A-Z-]+)(?:;[^:]*)?:(.*)$/.exec(line);
      if (!match) continue;
      const [, name, value] = match;
      if (name === 'UID') card.id = value.replace(/^kontakte-/, '');
      else if (name === 'ORG') card.company = vcardParts(value, '\0')[0];
      else if (name === 'TITLE') card.position = vcardParts(value, '\0')[0];
      else if (name === 'NOTE') card.notes = vcardParts(value, '\0')[0];
      else if (name === 'N') [card.last_name, card.first_name] = vcardParts(value, ';');
      else if (name === 'ADR') [, , card.street, card.city] = vcardParts(value, ';');
    }
    cards.push(card);
  }
  return cards;
}

// ---- what the server acknowledged -----------------------------------------------------------

/**
 * Contact id → { asset, values (the fields written), version, versions (number → values, for
 * the contacts one customer owns), deleted, shared, notesWrites }. A shared contact's own fields
 * (OWNED_FIELDS) are each written by one customer only, so the last acknowledged value is final;
 * its notes are written by all, so the final notes are one whose write no other write began after.
 */
const acknowledged = new Map();
/** Imported cards by their unique company: { asset, undone }. */
const importedCards = new Map();
/** Live contacts per apartment (reserved before a create or import, released when it fails). */
const liveCount = new Map(ASSETS.map((asset) => [asset, 0]));

function reserve(asset, count) {
  if (liveCount.get(asset) + count > LIVE_CAP) return false;
  liveCount.set(asset, liveCount.get(asset) + count);
  return true;
}
const release = (asset, count) => liveCount.set(asset, liveCount.get(asset) - count);
const pick = (items) => items[Math.floor(Math.random() * items.length)];
const savedIdOf = (location) => new URL(location, origin).searchParams.get('saved');

async function createContact(user, kind, values, { shared = false } = {}) {
  if (!reserve(user.asset, 1)) return undefined;
  const response = await call(user, kind, 'POST', `/assets/${user.asset}/contacts`, {
    form: { form_token: `load-${user.sub}-${user.sequence}-token`, ...values },
    expect: [303],
  });
  const id = response?.status === 303 ? savedIdOf(response.location) : undefined;
  if (!id) {
    release(user.asset, 1);
    return undefined;
  }
  acknowledged.set(id, {
    asset: user.asset,
    values,
    version: 1,
    versions: new Map([[1, values]]),
    deleted: false,
    shared,
    notesWrites: [],
  });
  return id;
}

// ---- the actions of one customer ------------------------------------------------------------

const actions = {
  async list(user) {
    await call(user, 'list', 'GET', `/assets/${user.asset}/contacts`);
  },
  async search(user) {
    const q = ['mül', 'firma', 'bau', 'import', 'gemeinsam', user.sub.slice(-2)][user.sequence % 6];
    await call(user, 'search', 'GET', `/assets/${user.asset}/contacts?q=${encodeURIComponent(q)}`);
  },
  async export(user) {
    await call(user, 'export', 'GET', `/assets/${user.asset}/contacts.vcf`);
  },
  async create(user) {
    const values = { company: `Firma ${user.sub} ${user.sequence}`, last_name: 'Müller', position: 'Bau' };
    const id = await createContact(user, 'create', values);
    if (id) user.mine.push(id);
  },
  async edit(user) {
    if (user.mine.length === 0) return actions.create(user);
    const id = pick(user.mine);
    const state = acknowledged.get(id);
    const values = {
      ...state.values,
      company: `${state.values.company.split(' v')[0]} v${state.version + 1}`,
      position: Math.random() < 0.5 ? `Bau ${user.sequence}` : state.values.position,
    };
    const response = await call(user, 'edit', 'POST', `/assets/${user.asset}/contacts/${id}`, {
      form: { version: String(state.version), ...values },
      expect: [303],
    });
    if (response?.status === 303) advance(state, values);
  },
  async delete(user) {
    if (user.mine.length === 0) return actions.create(user);
    const id = user.mine.splice(Math.floor(Math.random() * user.mine.length), 1)[0];
    const state = acknowledged.get(id);
    const response = await call(user, 'delete', 'POST', `/assets/${user.asset}/contacts/${id}/delete`, {
      form: { version: String(state.version) },
      expect: [303],
    });
    if (response?.status === 303) {
      Object.assign(state, { deleted: true, version: state.version + 1 });
      release(user.asset, 1);
      user.deleted.push(id);
    } else user.mine.push(id);
  },
  /** Reads a contact's history and restores one of the older versions it offers. */
  async 'restore a version'(user) {
    const id = pick(user.mine.filter((candidate) => acknowledged.get(candidate).version > 1));
    if (!id) return actions.edit(user);
    const state = acknowledged.get(id);
    const page = await call(user, 'history', 'GET', `/assets/${user.asset}/contacts/${id}/history`);
    if (page?.status !== 200) return;
    const offered = [...page.text.matchAll(/id="v-(\d+)"/g)].map((match) => Number(match[1]));
    const version = pick(offered.filter((candidate) => candidate !== state.version && state.versions.has(candidate)));
    if (!version) return;
    const response = await call(user, 'restore version', 'POST', `/assets/${user.asset}/contacts/${id}/history/${version}/restore`, {
      form: { version: String(state.version) },
      expect: [303],
    });
    if (response?.status === 303) {
      advance(state, state.versions.get(version));
      outcomes.versionsRestored += 1;
    }
  },
  /** "Zuletzt gelöscht": restores one of this customer's deleted contacts through its form. */
  async 'restore a deleted contact'(user) {
    if (user.deleted.length === 0 || !reserve(user.asset, 1)) return actions.list(user);
    const page = await call(user, 'deleted page', 'GET', `/assets/${user.asset}/contacts/deleted`);
    const id = pick(user.deleted);
    const entry = page?.status === 200 ? new RegExp(`<li id="c-${id}"[^>]*>([\\s\\S]*?)</li>`).exec(page.text) : undefined;
    const action = entry && /action="([^"]*\/restore)"/.exec(entry[1])?.[1];
    const version = entry && inputsOf(entry[1]).find((input) => input.name === 'version')?.value;
    if (!action || !version) {
      release(user.asset, 1);
      if (page?.status === 200) noteError(`restore deleted: ${id} not offered on the deleted page`);
      return;
    }
    const state = acknowledged.get(id);
    if (Number(version) !== state.version) noteError(`restore deleted: ${id} offered at version ${version}, expected ${state.version}`);
    const response = await call(user, 'restore deleted', 'POST', unescapeHtml(action), { form: { version }, expect: [303] });
    if (response?.status !== 303) {
      release(user.asset, 1);
      return;
    }
    advance(state, state.values);
    state.deleted = false;
    user.deleted.splice(user.deleted.indexOf(id), 1);
    user.mine.push(id);
    outcomes.deletedRestored += 1;
  },
  /**
   * A shared contact: the first time, open its edit form and keep it (the user goes on with other
   * things while co-buyers save); the next time, save it with one field changed, from that now
   * likely stale version: merged (303), or a clash on the notes (409) answered with "keep mine".
   */
  async 'shared edit (merge or clash)'(user) {
    const held = user.heldForm;
    if (!held) {
      const id = pick(user.shared);
      const page = await call(user, 'edit form', 'GET', `/assets/${user.asset}/contacts/${id}/edit`);
      const form = page?.status === 200 ? editFormOf(page.text) : undefined;
      if (page?.status === 200 && !form) noteError(`edit form of ${id}: no version`);
      if (form) user.heldForm = { id, ...form };
      return;
    }
    user.heldForm = undefined;
    const state = acknowledged.get(held.id);
    const field = Math.random() < 0.65 ? user.ownField : 'notes';
    const value = `${field === 'notes' ? 'Notiz' : field} ${user.sub} ${user.sequence}`;
    const path = `/assets/${user.asset}/contacts/${held.id}`;
    let response = await call(user, 'shared edit', 'POST', path, {
      form: { ...held.values, [field]: value, version: String(held.version) },
      expect: [303, 409],
    });
    for (let attempt = 0; response?.status === 409 && attempt < 2; attempt += 1) {
      const keepMine = keepMineOf(response.text);
      if (!keepMine) {
        // No base to merge against (the version the form started from is no longer kept).
        outcomes.noBase += 1;
        return;
      }
      outcomes.clashes += 1;
      if (keepMine.values[field] !== value) {
        noteError(`clash on ${held.id}: "keep mine" offers ${JSON.stringify(keepMine.values[field])}, not ${JSON.stringify(value)}`);
        return;
      }
      response = await call(user, 'clash resolve', 'POST', path, { form: keepMine.form, expect: [303, 409] });
      if (response?.status === 303) {
        outcomes.clashesResolved += 1;
        // This user's whole address replaced the co-buyer's, as chosen: each part is as chosen now.
        if (keepMine.address) for (const name of ADDRESS) if (name in state.values) state.values[name] = keepMine.values[name];
      }
    }
    if (response?.status !== 303) return;
    if (new URL(response.location, origin).searchParams.has('merged')) outcomes.merged += 1;
    if (field === 'notes') state.notesWrites.push({ value, sentAt: response.sentAt, ackedAt: response.ackedAt });
    else state.values[field] = value;
  },
  /** Uploads 1–5 cards of unique names, confirms the ticked ones, now and then a second time. */
  async import(user) {
    const size = 1 + Math.floor(Math.random() * 5);
    if (!reserve(user.asset, size)) return actions.delete(user);
    const names = Array.from({ length: size }, (_, index) => `Import ${user.sub} ${user.sequence}-${index}`);
    const text = names.map((name) => `BEGIN:VCARD\r\nVERSION:3.0\r\nN:Einfuhr;;;;\r\nFN:${name}\r\nORG:${name}\r\nEND:VCARD\r\n`).join('');
    const list = `/assets/${user.asset}/contacts`;
    // The upload redirects to its preview's own address (stop 64), which a browser then reads.
    const uploaded = await call(user, 'import upload', 'POST', `${list}/import`, { file: { name: 'load.vcf', text }, expect: [303] });
    const preview = uploaded?.status === 303 ? await call(user, 'import preview', 'GET', uploaded.location) : undefined;
    const action =
      preview?.status === 200
        ? /<form method="post" action="([^"]*\/contacts\/import\/[A-Za-z0-9_-]+)"/.exec(preview.text)?.[1]
        : undefined;
    const ticked = inputsOf(preview?.text ?? '')
      .filter((input) => input.name === 'card' && 'checked' in input)
      .map((input) => input.value);
    if (!action || ticked.length !== size) {
      release(user.asset, size);
      if (preview?.status === 200) noteError(`import preview: ${ticked.length} of ${size} cards ticked, form ${action ?? 'missing'}`);
      return;
    }
    const confirm = unescapeHtml(action);
    // As a browser sends it: with the book's state the preview was read in. A co-buyer's write
    // since that makes a ticked card likely a contact of the book makes the preview come back
    // (409, marks read anew; the buyer confirms that one); any other is imported at once (stop 73).
    let page = preview.text;
    let response;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const book = inputsOf(page).find((input) => input.name === 'book')?.value ?? '';
      const again = inputsOf(page)
        .filter((input) => input.name === 'card' && 'checked' in input)
        .map((input) => input.value);
      response = await call(user, 'import confirm', 'POST', confirm, { form: { book, card: again }, expect: [303, 409] });
      if (response?.status !== 409) break;
      if (!response.text.includes('Seit Ihrer Vorschau wurden Kontakte angelegt oder geändert.')) {
        noteError(`import confirm: 409 without the book's change: ${response.text.slice(0, 200)}`);
        break;
      }
      outcomes.importsRechecked += 1;
      page = response.text;
    }
    if (response?.status !== 303) {
      release(user.asset, size);
      return;
    }
    for (const name of names) importedCards.set(name, { asset: user.asset, undone: false });
    user.imports.push({ confirm, names, ticked, undone: false });
    outcomes.importsConfirmed += 1;
    outcomes.cardsImported += size;
    // A double submit (a retry, a second tap) must answer alike and import nothing again.
    if (Math.random() < 0.2) await reconfirm(user, user.imports.at(-1));
  },
  async 'undo or re-confirm an import'(user) {
    const open = user.imports.filter((done) => !done.undone);
    if (open.length === 0) return actions.import(user);
    const chosen = pick(open);
    if (Math.random() < 0.3) return reconfirm(user, chosen);
    // Without JS: 303 to the list, which says what the undo removed (contract §6).
    const response = await call(user, 'import undo', 'POST', `${chosen.confirm}/undo`, { expect: [303] });
    if (response?.status !== 303) return;
    chosen.undone = true;
    for (const name of chosen.names) importedCards.get(name).undone = true;
    release(user.asset, chosen.names.length);
    outcomes.importsUndone += 1;
  },
};

async function reconfirm(user, done) {
  const response = await call(user, 'import re-confirm', 'POST', done.confirm, { form: { card: done.ticked }, expect: [303] });
  if (response) outcomes.reconfirms += 1;
}

/** A plain (not merged) write of `values` as the next version of a contact only its owner writes. */
function advance(state, values) {
  state.version += 1;
  state.values = { ...values };
  state.versions.set(state.version, state.values);
}

function chooseAction() {
  let roll = Math.random();
  for (const [name, share] of MIX) {
    roll -= share;
    if (roll < 0) return name;
  }
  return MIX[0][0];
}

async function customer(user, deadline) {
  while (Date.now() < deadline) {
    user.sequence += 1;
    await actions[chooseAction()](user);
    await sleep(THINK_MS);
  }
}

// ---- the check ------------------------------------------------------------------------------

/** Reads every apartment back through the export and compares with what was acknowledged. */
async function verify(users) {
  const problems = [];
  const seen = new Map();
  const byCompany = new Map();
  for (const asset of ASSETS) {
    const user = users.find((candidate) => candidate.asset === asset);
    const response = await fetch(`${origin}/assets/${asset}/contacts.vcf`, { headers: { Cookie: `propster_session=${user.token}` } });
    for (const card of cardsOf(await response.text())) {
      if (seen.has(card.id)) problems.push(`${card.id} appears in ${seen.get(card.id).asset} and ${asset}`);
      seen.set(card.id, { asset, card });
      byCompany.set(card.company, [...(byCompany.get(card.company) ?? []), asset]);
    }
  }
  for (const [id, state] of acknowledged) {
    const where = seen.get(id);
    if (state.deleted) {
      if (where) problems.push(`${id} was deleted but is in ${where.asset}`);
      continue;
    }
    if (where?.asset !== state.asset) {
      problems.push(`${id} expected in ${state.asset}, found in ${where?.asset ?? 'none'}`);
      continue;
    }
    for (const [field, value] of Object.entries(state.values)) {
      if (state.shared && field === 'notes' && state.notesWrites.length) continue;
      if (where.card[field] !== value) problems.push(`${id} ${field}: ${JSON.stringify(where.card[field])} ≠ ${JSON.stringify(value)}`);
    }
    if (state.shared && state.notesWrites.length) {
      // The last write to commit is one that no other write began after (answers may overtake).
      const latest = state.notesWrites.filter((write) =>
        state.notesWrites.every((other) => other === write || other.sentAt <= write.ackedAt),
      );
      if (!latest.some((write) => write.value === where.card.notes))
        problems.push(`${id} notes: ${JSON.stringify(where.card.notes)} is none of ${latest.map((write) => write.value).join(' | ')}`);
    }
  }
  for (const [name, expected] of importedCards) {
    const found = byCompany.get(name) ?? [];
    if (expected.undone && found.length) problems.push(`import ${name} was undone but is in ${found.join(', ')}`);
    if (!expected.undone && (found.length !== 1 || found[0] !== expected.asset))
      problems.push(`import ${name} expected once in ${expected.asset}, found in [${found.join(', ')}]`);
  }
  for (const [id, { asset, card }] of seen) {
    if (!acknowledged.has(id) && !importedCards.has(card.company))
      problems.push(`${id} (${card.company}) in ${asset} was never acknowledged`);
  }
  return problems;
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

const users = [];
for (const asset of ASSETS) {
  for (let index = 0; index < USERS_PER_ASSET; index += 1) {
    const sub = `load-${asset}-${index}`;
    users.push({
      sub,
      asset,
      token: await tokenFor(sub, [asset]),
      ownField: OWNED_FIELDS[index % OWNED_FIELDS.length],
      sequence: 0,
      writes: [],
      mine: [],
      deleted: [],
      shared: [],
      imports: [],
      heldForm: undefined,
    });
  }
}
console.log(`load: ${users.length} customers on ${ASSETS.length} apartments for ${SECONDS} s against ${origin} (wrangler dev, local D1)`);
let elapsed;
let problems;
try {
  // The contacts the co-buyers of each apartment share, created before the clock starts.
  for (const asset of ASSETS) {
    const first = users.find((user) => user.asset === asset);
    const shared = [];
    for (let index = 0; index < SHARED_PER_ASSET; index += 1) {
      first.sequence += 1;
      const values = {
        company: `Gemeinsam ${asset} ${index}`,
        last_name: 'Haus',
        position: 'Start',
        city: 'Start',
        street: 'Start 1',
        notes: 'Start',
      };
      const id = await createContact(first, 'create', values, { shared: true });
      if (!id) throw new Error(`could not create the shared contacts of ${asset}`);
      shared.push(id);
    }
    for (const user of users) if (user.asset === asset) user.shared = shared;
  }
  const started = Date.now();
  await Promise.all(users.map((user) => customer(user, started + SECONDS * 1000)));
  elapsed = (Date.now() - started) / 1000;
  problems = await verify(users);
} finally {
  await server.stop();
}
const live = [...acknowledged.values()].filter((state) => !state.deleted).length;
const liveImported = [...importedCards.values()].filter((card) => !card.undone).length;
const rows = [
  ['duration', `${elapsed.toFixed(0)} s`],
  ['customers / apartments', `${users.length} / ${ASSETS.length}`],
  ['requests', String(counts.requests)],
  ['throughput', `${(counts.requests / elapsed).toFixed(1)} requests/s`],
  ['latency p50 / p99', `${percentile(latencies, 50).toFixed(1)} ms / ${percentile(latencies, 99).toFixed(1)} ms`],
  ['errors (unexpected status, 5xx, network)', String(counts.errors)],
  ['409 conflicts / 429 rate limited', `${counts.conflicts} / ${counts.rateLimited}`],
  [
    'shared edits merged / clashes (resolved "keep mine") / no base',
    `${outcomes.merged} / ${outcomes.clashes} (${outcomes.clashesResolved}) / ${outcomes.noBase}`,
  ],
  ['versions restored / deleted contacts restored', `${outcomes.versionsRestored} / ${outcomes.deletedRestored}`],
  [
    'imports confirmed (cards) / previews shown again after a co-buyer\u2019s write / confirmed again / undone',
    `${outcomes.importsConfirmed} (${outcomes.cardsImported}) / ${outcomes.importsRechecked} / ${outcomes.reconfirms} / ${outcomes.importsUndone}`,
  ],
  [
    'acknowledged writes checked',
    `${acknowledged.size} contacts (${live} live), ${importedCards.size} imported cards (${liveImported} live)`,
  ],
  ['lost, duplicated, misplaced or wrong values', String(problems.length)],
];
const table = ['| figure | value |', '|---|---|', ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join('\n');
/** The order of the per-action table: the reads first, then the writes, as in MIX. */
const KINDS = ['list', 'search', 'export', 'edit form', 'history', 'deleted page', 'create', 'edit', 'delete'];
KINDS.push('restore version', 'restore deleted', 'shared edit', 'clash resolve');
KINDS.push('import upload', 'import preview', 'import confirm', 'import re-confirm', 'import undo');
const order = (kind) => (KINDS.includes(kind) ? KINDS.indexOf(kind) : KINDS.length);
const kindRows = [...byKind]
  .sort(([a], [b]) => order(a) - order(b))
  .map(
    ([kind, stats]) =>
      `| ${kind} | ${stats.requests} | ${percentile(stats.latencies, 50).toFixed(1)} | ${percentile(stats.latencies, 99).toFixed(1)} |`,
  );
const kindTable = ['| action | requests | p50 ms | p99 ms |', '|---|---:|---:|---:|', ...kindRows].join('\n');
console.log(table);
console.log(kindTable);
if (errorSamples.length) console.log('error samples:', errorSamples);
if (problems.length) console.log('problems:', problems.slice(0, 10));

const mix = MIX.map(([name, share]) => `${Math.round(share * 100)} % ${name}`).join(', ');
const docPath = join(root, 'docs', 'benchmarks.md');
const section = `<!-- load:start -->
## Load and soak (\`npm run load\`)

${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; through \`wrangler dev\` with local D1; each customer waits ${THINK_MS} ms between actions (${mix}). Each apartment's customers share ${SHARED_PER_ASSET} contacts whose edit forms they keep open while the others save (each writes a field of their own, all write the notes).

${table}

${kindTable}
<!-- load:end -->`;
const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Benchmarks\n';
writeFileSync(
  docPath,
  doc.includes('<!-- load:start -->')
    ? doc.replace(/<!-- load:start -->[\s\S]*<!-- load:end -->/, section)
    : `${doc.trimEnd()}\n\n${section}\n`,
);
process.exit(counts.errors === 0 && problems.length === 0 ? 0 : 1);
