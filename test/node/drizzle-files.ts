// drizzle-orm's files as the node tests of the bundle's stand-ins (src/db/no-*.ts, sqlite-*.ts,
// quiet-logger.ts) read them: to hold each wrangler.toml alias to what drizzle imports.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export const root = join(import.meta.dirname, '..', '..');

/** A file of the installed drizzle-orm (a path under node_modules/drizzle-orm/). */
export const drizzle = (file: string) => readFileSync(join(root, 'node_modules', 'drizzle-orm', file), 'utf8');

/** The drizzle modules a D1 Worker may bundle: the core, sql/, sqlite-core/, d1/ (paths under drizzle-orm/). */
export function bundledDrizzle(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, 'node_modules', 'drizzle-orm', dir))) {
      const path = dir ? `${dir}/${entry}` : entry;
      if (statSync(join(root, 'node_modules', 'drizzle-orm', path)).isDirectory()) {
        if (
          ['sql', 'sqlite-core', 'd1', 'sqlite-core/query-builders', 'sqlite-core/columns', 'sql/expressions', 'sql/functions'].includes(
            path,
          )
        )
          walk(path);
      } else if (path.endsWith('.js')) files.push(path);
    }
  };
  walk('');
  return files;
}

/**
 * The text of a drizzle module (a path under drizzle-orm/) as the Worker's bundle has it: a
 * generated module in its place (src/generated/, scripts/lib/drizzle-dialect.mjs), or '' for one
 * the bundle takes from an app's stand-in that has no drizzle code (wrangler.toml [alias]:
 * `$count`'s and the relational query's builders) or never imports (the D1 migrator: wrangler
 * applies the migrations).
 */
export function asBundled(path: string): string {
  const generated: Record<string, string> = {
    'sqlite-core/dialect.js': 'sqlite-dialect.js',
    'sqlite-core/db.js': 'sqlite-db.js',
    'sqlite-core/query-builders/select.js': 'sqlite-select.js',
    'sqlite-core/query-builders/update.js': 'sqlite-update.js',
    'sqlite-core/query-builders/insert.js': 'sqlite-insert.js',
    'sqlite-core/query-builders/delete.js': 'sqlite-delete.js',
    'sqlite-core/session.js': 'sqlite-session.js',
    'd1/session.js': 'd1-session.js',
    'd1/driver.js': 'd1-driver.js',
  };
  const file = generated[path];
  if (file) return readFileSync(join(root, 'src', 'generated', file), 'utf8');
  return ['sqlite-core/query-builders/count.js', 'sqlite-core/query-builders/query.js', 'd1/migrator.js'].includes(path)
    ? ''
    : drizzle(path);
}

/** The app's TypeScript sources under `dir` (a path under the repository). */
export function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((entry) => {
    const path = `${dir}/${entry}`;
    return statSync(join(root, path)).isDirectory() ? sources(path) : /\.tsx?$/.test(entry) ? [path] : [];
  });
}

let program: import('typescript').Program | undefined;

/** The app's sources (src/) as tsconfig.json compiles them, read once with TypeScript (for its checker). */
export async function appProgram(): Promise<import('typescript').Program> {
  const ts = (await import('typescript')).default;
  if (!program) {
    const config = ts.getParsedCommandLineOfConfigFile(
      join(root, 'tsconfig.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
        },
      },
    );
    if (!config) throw new Error('tsconfig.json: not read');
    program = ts.createProgram(
      sources('src').map((path) => join(root, path)),
      config.options,
    );
  }
  return program;
}

/**
 * Where the app's sources (src/, as tsconfig.json compiles them) name a member that one of
 * drizzle's type declarations declares: `file`, a path under drizzle-orm/ (`sqlite-core/db.d.ts`),
 * and the member names looked for, of the class `owner` there if given. Read with TypeScript's
 * checker, so a `db.run(…)` is found whatever the variable is called, and a `.run()` of a D1
 * statement or `.get()` of a Map is not. Each as "path:line name".
 */
export async function appUsesOf(file: string, names: readonly string[], owner?: string): Promise<string[]> {
  const ts = (await import('typescript')).default;
  const program = await appProgram();
  const checker = program.getTypeChecker();
  const declaration = join(root, 'node_modules', 'drizzle-orm', file);
  const found: string[] = [];
  for (const source of program.getSourceFiles()) {
    if (!source.fileName.startsWith(join(root, 'src'))) continue;
    const visit = (node: import('typescript').Node): void => {
      const name = ts.isPropertyAccessExpression(node)
        ? node.name
        : ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)
          ? node.argumentExpression
          : ts.isBindingElement(node)
            ? (node.propertyName ?? node.name)
            : undefined;
      const text = name && (ts.isIdentifier(name) || ts.isStringLiteralLike(name) ? name.text : undefined);
      if (name && text && names.includes(text)) {
        const symbol = checker.getSymbolAtLocation(name) ?? (ts.isBindingElement(node) ? propertyOfBinding(node) : undefined);
        const declared = (d: import('typescript').Declaration) =>
          realpathSync(d.getSourceFile().fileName) === realpathSync(declaration) &&
          (owner === undefined || (ts.isClassDeclaration(d.parent) && d.parent.name?.text === owner));
        if (symbol?.declarations?.some(declared)) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
          found.push(`${source.fileName.slice(root.length + 1)}:${line + 1} ${text}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    /** A destructured property's symbol: `const { run } = db`. */
    const propertyOfBinding = (node: import('typescript').BindingElement) => {
      const pattern = node.parent;
      const key = node.propertyName ?? node.name;
      if (!ts.isObjectBindingPattern(pattern) || !ts.isIdentifier(key)) return undefined;
      return checker.getTypeAtLocation(pattern).getProperty(key.text);
    };
    visit(source);
  }
  return found;
}

/**
 * `text` (a module of drizzle's) with each top-level class of `names` made by a call marked pure,
 * as scripts/lib/ writes it for esbuild to drop where nothing uses it; `found`: those classes, in
 * the module's order. Read with TypeScript's parser: each class as its text is there.
 */
export function withPureClasses(text: string, names: readonly string[]): { text: string; found: string[] } {
  const source = ts.createSourceFile('module.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const pure = source.statements.filter(
    (statement): statement is ts.ClassDeclaration => ts.isClassDeclaration(statement) && names.includes(statement.name?.text ?? ''),
  );
  let out = text;
  for (const statement of [...pure].reverse())
    out = `${out.slice(0, statement.getStart(source))}const ${statement.name?.text} = /* @__PURE__ */ (() => ${statement.getText(source)})();${out.slice(statement.getEnd())}`;
  return { text: out, found: pure.map((statement) => statement.name?.text ?? '') };
}

/** A bundled package's ES modules (`dir` under node_modules, its CommonJS copies left out): where a test looks for who imports a text. */
export const esmOf = (dir: string): string[] =>
  (readdirSync(join(root, 'node_modules', dir), { recursive: true }) as string[])
    .filter((file) => /\.m?js$/.test(file) && !file.split(/[\\/]/).includes('cjs'))
    .map((file) => join(dir, file));

/** Whether `to` is `from` with words (identifiers, numbers) and marks left out only: the words of `to` are those of `from`, in their order. */
export function onlyLeavesOutWords(from: string, to: string): boolean {
  const words = (text: string) => text.match(/[\w$]+|[^\s\w$]/g) ?? [];
  const theirs = words(from);
  let at = 0;
  for (const word of words(to)) {
    while (at < theirs.length && theirs[at] !== word) at += 1;
    if (at === theirs.length) return false;
    at += 1;
  }
  return true;
}

/**
 * A source file of the repository (a path from its root) without its comments, each a space, as
 * TypeScript's parser finds them: not in strings, regular expressions or JSX text (a regular
 * expression took a route's '/*' for a comment's start and dropped the text after it, so that a
 * check of what src/app.tsx calls never saw its end).
 */
export const sourceCode = (file: string) => withoutComments(file, readFileSync(join(root, file), 'utf8'));

/** `text` (of a file named `file`: .ts, .tsx or .js) with each comment a space. */
function withoutComments(file: string, text: string): string {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const comments: ts.CommentRange[] = [];
  const visit = (node: ts.Node): void => {
    const children = node.getChildren(source);
    if (children.length) children.forEach(visit);
    else if (node.kind !== ts.SyntaxKind.JsxText) comments.push(...(ts.getLeadingCommentRanges(text, node.pos) ?? []));
  };
  visit(source);
  let kept = '';
  let at = 0;
  for (const { pos, end } of comments.sort((a, b) => a.pos - b.pos)) {
    if (pos < at) continue;
    kept += `${text.slice(at, pos)} `;
    at = end;
  }
  return kept + text.slice(at);
}
