// hono's validator middleware (hono/dist/validator/validator.js, `validator`) and
// @hono/zod-validator's zValidator on it as the Worker bundles them (src/contacts/routes.tsx
// imports src/generated/zod-validator.js, which imports src/generated/hono-validator.js): the same
// modules without what only targets the app never validates reach. Of hono's validator: the
// branches of the targets 'json' (its media type's regex and c.req.json()), 'header' and 'cookie'
// (hono's cookie parser, which the app calls itself); a target other than 'form', 'query' and
// 'param' throws (HONO_VALIDATOR_THROW) where hono's reads its value. Of zValidator: the map of a
// header schema's keys by their lowercase names, made only for the target 'header', and the call
// of an options' validationFunction, its fourth argument, which the app never passes. Together
// 168 B of the 100 KB gzip budget. test/node/hono-context.test.ts holds the app to those three targets;
// scripts/fingerprint.mjs writes both files from the installed packages at every `prepare-assets`,
// so they never go stale; a text it does not find once stops that script.
// test/node/hono-validator.test.ts holds them to the packages' modules.

/** What the generated validator does where hono's reads the value of a target the app never validates. */
export const HONO_VALIDATOR_THROW = 'default: throw new Error(target);';

/** The texts left out of hono/dist/validator/validator.js, each found once. */
const HONO_LEFT_OUT = [
  ['the JSON media type', /\nconst jsonRegex = [^\n]*\n/],
  ["the target 'json'", /\n\t\t\tcase "json":\n(?:\t\t\t\t[^\n]*\n)*?\t\t\t\tbreak;\n/],
  ["the target 'header'", /\n\t\t\tcase "header":\n\t\t\t\tvalue = c\.req\.header\(\);\n\t\t\t\tbreak;\n/],
];
/**
 * The message of a form whose body does not parse ("Malformed FormData request." and the parser's
 * error), built for hono's own error handler, which answers with it: the app's (src/app.tsx)
 * reads an HTTPException's message only as the reason of a 403 or a 429 (renderError,
 * src/errors.tsx), and answers this 400 by its status alone. Its catch throws the 400 without it
 * (test/node/hono-validator.test.ts).
 */
export const HONO_MALFORMED_FORM = {
  from: /\} catch \(e\) \{\n\t+let message = "Malformed FormData request\.";\n\t+message \+= e instanceof Error \? ` \$\{e\.message\}` : ` \$\{String\(e\)\}`;\n(\t+)throw new HTTPException\(400, \{ message \}\);\n/,
  to: '} catch {\n$1throw new HTTPException(400);\n',
};
/** The target 'cookie', the switch's last case, whose place the throw takes. */
const HONO_COOKIE = /\n(\t\t\t)case "cookie": value = getCookie\(c\);\n/;

/** Where the generated validator takes each of hono's imports from (hono's files by a path no alias matches), or null for one no longer used. */
export const HONO_IMPORTS = {
  '../http-exception.js': '../../node_modules/hono/dist/http-exception.js',
  '../utils/buffer.js': '../../node_modules/hono/dist/utils/buffer.js',
  '../helper/cookie/index.js': null,
};

/**
 * The header schema's key map of @hono/zod-validator, its declaration and its one use; and the
 * call of an options' validationFunction (zValidator's fourth argument, which the app never
 * passes) in place of the schema's own safeParseAsync; and that as the schema's safeParse: the
 * app's schemas are synchronous (no async refinement or transform: test/node/hono-validator.test.ts),
 * for which both give the same result, and zod/mini's schemas then need no safeParseAsync
 * (scripts/lib/zod-mini.mjs; 32 B, stop 75).
 */
const ZOD_LEFT_OUT = [
  ["the header key map's declaration", /\n\tconst caseInsensitiveKeymap = target === "header" && [^\n]*\n/],
  ["the header key map's use", /\n\t\tif \(caseInsensitiveKeymap\) validatorValue = [^\n]*\n/],
  [
    "the asynchronous parse and the options' validationFunction",
    /(\n\t\tconst result = )options && options\.validationFunction \? await options\.validationFunction\(schema, validatorValue\) : await schema\.safeParseAsync\((validatorValue\);\n)/,
    '$1schema.safeParse($2',
  ],
  // Its answer to a failed parse without a hook (the result as JSON, a 400): every zValidator of
  // the app has a hook or a schema that cannot fail (test/node/hono-validator.test.ts, by
  // TypeScript's checker), so it is never given (27 B gzip, with c.json() only it called).
  ['the answer to a failed parse without a hook', /\n\t\tif \(!result\.success\) return c\.json\(result, 400\);\n/],
];
const ZOD_IMPORT = 'import { validator } from "hono/validator";\n';

/** `text` with each pattern of `left` (each found exactly once) left out, or replaced by its third item. */
function leaveOut(file, text, left) {
  for (const [name, pattern, by = '\n'] of left) {
    if (text.match(new RegExp(pattern, 'g'))?.length !== 1)
      throw new Error(`${file}: ${name} not found once; update scripts/lib/hono-validator.mjs`);
    text = text.replace(pattern, by);
  }
  return text;
}

/** hono/dist/validator/validator.js without the targets 'json', 'header' and 'cookie', its imports as HONO_IMPORTS names them. */
export function trimHonoValidator(source) {
  const file = 'hono/dist/validator/validator.js';
  let text = leaveOut(file, source.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n'), [
    ...HONO_LEFT_OUT,
    ['the message of a malformed form', HONO_MALFORMED_FORM.from, HONO_MALFORMED_FORM.to],
  ]);
  if (text.split(HONO_COOKIE).length !== 3)
    throw new Error(`${file}: the target 'cookie' not found once; update scripts/lib/hono-validator.mjs`);
  text = text.replace(HONO_COOKIE, `\n$1${HONO_VALIDATOR_THROW}\n`);
  if (/jsonRegex|getCookie\(|"json"|"header"|"cookie"/.test(text))
    throw new Error(`${file}: more of the targets left out than expected; update scripts/lib/hono-validator.mjs`);
  const found = [];
  const body = text.replace(/^import \{([^}]*)\} from "([^"]+)";\n/gm, (_, names, from) => {
    found.push({ names: names.split(',').map((name) => name.trim()), from });
    return '';
  });
  if (/^import /m.test(body) || found.length !== Object.keys(HONO_IMPORTS).length || found.some(({ from }) => !(from in HONO_IMPORTS)))
    throw new Error(`${file}: other imports than expected; update scripts/lib/hono-validator.mjs`);
  const kept = found.flatMap(({ names, from }) => {
    const used = names.filter((name) => new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(body));
    if ((HONO_IMPORTS[from] === null) !== (used.length === 0))
      throw new Error(`${file}: ${from} is ${used.length ? '' : 'no longer '}used; update scripts/lib/hono-validator.mjs`);
    return used.length ? [`import { ${used.join(', ')} } from ${JSON.stringify(HONO_IMPORTS[from])};`] : [];
  });
  return `// Generated by scripts/lib/hono-validator.mjs from hono/dist/validator/validator.js (MIT, see node_modules/hono/LICENSE). Do not edit; not in git.\n${kept.join('\n')}\n${body}`;
}

/** @hono/zod-validator's dist/index.mjs without the header key map, its validator the generated one. */
export function trimZodValidator(source) {
  const file = '@hono/zod-validator/dist/index.mjs';
  let text = source.replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  if (!text.startsWith(ZOD_IMPORT) || text.split(' from ').length !== 2)
    throw new Error(`${file}: other imports than expected; update scripts/lib/hono-validator.mjs`);
  text = leaveOut(file, text.slice(ZOD_IMPORT.length), ZOD_LEFT_OUT);
  if (/caseInsensitiveKeymap|"header"|validationFunction/.test(text))
    throw new Error(`${file}: more of the header key map or the options than expected; update scripts/lib/hono-validator.mjs`);
  return `// Generated by scripts/lib/hono-validator.mjs from @hono/zod-validator/dist/index.mjs (MIT, see node_modules/@hono/zod-validator/package.json). Do not edit; not in git.\nimport { validator } from "./hono-validator.js";\n${text}`;
}

/** Its types: the package's own. */
export const ZOD_VALIDATOR_TYPES =
  "// Generated by scripts/fingerprint.mjs. Do not edit; not in git.\nexport { zValidator } from '@hono/zod-validator';\n";
