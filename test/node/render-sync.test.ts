// The app renders nothing asynchronous: no component of its is async, and no child, attribute
// value or html`` value it renders is a promise (nor an object whose toString() gives one). So the
// bundle's renderers leave out the branches that wait for one (src/generated/jsx-base.js and
// hono-html.js, scripts/lib/hono-jsx.mjs ASYNC and scripts/lib/hono-html.mjs): a render is its one
// string, and a promise that reached them anyway would throw, not wait. Read here with
// TypeScript's checker over src/, as tsconfig.json compiles it.
//
// hono declares a JSX element, a child and html``'s result as possibly a promise of an escaped
// string (JSX.Element, Child: `HtmlEscapedString | Promise<HtmlEscapedString>`), for the async
// components it supports. That pair is only a declaration: a JSX expression is made by jsx(),
// which returns a node, and html`` returns its escaped string when nothing it holds is a promise.
// A real promise can only come from asynchronous code, whose type is a promise alone
// (`Promise<…>`, not paired with the escaped string): this test finds each such expression that
// is rendered (a JSX child or attribute, a spread onto an element, an html`` value, a component's
// result) or handed where a JSX element or child is expected (a return, an argument, a property,
// a variable declared as one, a cast), and each rendered value typed `any`, which could hide one.
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { appProgram, root } from './drizzle-files';

const program = await appProgram();
const checker = program.getTypeChecker();
const files = program
  .getSourceFiles()
  .filter((source) => source.fileName.startsWith(join(root, 'src')) && !source.fileName.startsWith(join(root, 'src', 'generated')));

const isThenable = (type: ts.Type) => !!(type.flags & ts.TypeFlags.Object) && type.getProperty('then') !== undefined;
const isEscapedString = (type: ts.Type) => checker.typeToString(type) === 'HtmlEscapedString';

/**
 * What of a type could be a promise at run time: its members (a union's, an array's or tuple's
 * elements, a spread object's properties and what an object's toString() gives) that are promises
 * or `any`, but for the promise hono declares beside an escaped string (see above).
 */
function promises(type: ts.Type, seen = new Set<ts.Type>()): string[] {
  if (seen.has(type)) return [];
  seen.add(type);
  if (type.flags & ts.TypeFlags.Any) return ['any'];
  const members = type.isUnion() ? type.types : [type];
  const found: string[] = [];
  for (const member of members) {
    if (member.flags & ts.TypeFlags.Any) found.push('any');
    else if (isThenable(member)) {
      // hono's pair: a promise of what the same union has without one (`string | Promise<string>`).
      const promised = checker.getTypeArguments(member as ts.TypeReference)[0];
      const paired =
        promised &&
        members.some((other) => !isThenable(other) && !(other.flags & ts.TypeFlags.Any) && checker.isTypeAssignableTo(promised, other));
      if (!paired) found.push(checker.typeToString(member));
    } else if (checker.isArrayType(member) || checker.isTupleType(member))
      for (const element of checker.getTypeArguments(member as ts.TypeReference)) found.push(...promises(element, seen));
    else if (member.flags & ts.TypeFlags.Object && !isEscapedString(member) && member.getSymbol()?.name !== 'JSXNode') {
      // An object rendered as text: what its toString() gives.
      const stringify = member.getProperty('toString');
      const declaration = stringify?.valueDeclaration ?? stringify?.declarations?.[0];
      if (stringify && declaration)
        for (const signature of checker.getTypeOfSymbolAtLocation(stringify, declaration).getCallSignatures())
          found.push(...promises(signature.getReturnType(), seen));
    }
  }
  return found;
}

const where = (node: ts.Node) => {
  const source = node.getSourceFile();
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return `${source.fileName.slice(root.length + 1)}:${line + 1} ${node.getText(source).slice(0, 60)}`;
};

/**
 * Whether a type is hono's JSX element or child, or has one among its members (a union): a node or
 * an escaped string beside hono's declared promise of one (see above), where such a value is expected.
 */
const expectsRendered = (type: ts.Type | undefined): boolean => {
  if (!type) return false;
  const members = type.isUnion() ? type.types : [type];
  const rendered = members.some((member) => isEscapedString(member) || member.getSymbol()?.name === 'JSXNode');
  const declared = members.some((member) => {
    if (!isThenable(member)) return false;
    const promised = checker.getTypeArguments(member as ts.TypeReference)[0];
    return !!promised && (isEscapedString(promised) || !!(promised.flags & ts.TypeFlags.String));
  });
  return rendered && declared && promises(type).length === 0;
};

function visitAll(visit: (node: ts.Node) => void) {
  for (const source of files) {
    const walk = (node: ts.Node): void => {
      visit(node);
      ts.forEachChild(node, walk);
    };
    walk(source);
  }
}

describe('the app renders nothing asynchronous (TypeScript over src/)', () => {
  it('renders no promise: no JSX child, attribute or spread, no html`` value, no component result', () => {
    const rendered: string[] = [];
    const found: string[] = [];
    const check = (node: ts.Node, type: ts.Type) => {
      rendered.push(where(node));
      for (const kind of promises(type)) found.push(`${where(node)}: ${kind}`);
    };
    visitAll((node) => {
      if (ts.isJsxExpression(node) && node.expression) check(node.expression, checker.getTypeAtLocation(node.expression));
      if (ts.isJsxSpreadAttribute(node))
        for (const property of checker.getTypeAtLocation(node.expression).getProperties())
          check(node.expression, checker.getTypeOfSymbolAtLocation(property, node.expression));
      if (ts.isTaggedTemplateExpression(node) && node.tag.getText() === 'html' && ts.isTemplateExpression(node.template))
        for (const span of node.template.templateSpans) check(span.expression, checker.getTypeAtLocation(span.expression));
      // A component: what its call gives.
      if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && /^[A-Z]/.test(node.tagName.getText())) {
        const signatures = checker.getTypeAtLocation(node.tagName).getCallSignatures();
        expect(signatures.length, where(node)).toBeGreaterThan(0);
        for (const signature of signatures) check(node, signature.getReturnType());
      }
    });
    expect(found).toEqual([]);
    // (The html`` templates of the layout and the print page, the views' JSX.)
    expect(rendered.length).toBeGreaterThan(500);
    expect(rendered.some((at) => at.startsWith('src/views/layout.tsx'))).toBe(true);
  });

  it('hands no promise where a JSX element or child is expected, not even by a cast', () => {
    const found: string[] = [];
    let expected = 0;
    visitAll((node) => {
      if (!ts.isExpression(node) || ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) return;
      if (ts.isLiteralExpression(node)) return;
      const cast = ts.isAsExpression(node) || ts.isTypeAssertionExpression(node) || ts.isSatisfiesExpression(node);
      const target = cast ? checker.getTypeAtLocation(node) : checker.getContextualType(node);
      if (!expectsRendered(target)) return;
      expected++;
      // (Through casts in a row: `value as unknown as Child`.)
      let value: ts.Expression = node;
      while (
        ts.isAsExpression(value) ||
        ts.isTypeAssertionExpression(value) ||
        ts.isSatisfiesExpression(value) ||
        ts.isParenthesizedExpression(value)
      )
        value = value.expression;
      for (const kind of promises(checker.getTypeAtLocation(value))) found.push(`${where(value)}: ${kind}`);
    });
    expect(found).toEqual([]);
    expect(expected).toBeGreaterThan(100);
  });

  it('declares no component async', () => {
    const found: string[] = [];
    visitAll((node) => {
      if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && /^[A-Z]/.test(node.tagName.getText())) {
        const symbol = checker.getSymbolAtLocation(node.tagName);
        const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        for (const declaration of target?.declarations ?? []) {
          const fn = ts.isVariableDeclaration(declaration) ? declaration.initializer : declaration;
          if (fn && ts.isFunctionLike(fn) && ts.getCombinedModifierFlags(fn as ts.Declaration) & ts.ModifierFlags.Async)
            found.push(where(node));
        }
      }
    });
    expect(found).toEqual([]);
  });
});
