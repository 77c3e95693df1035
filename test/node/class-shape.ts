// A JavaScript module's shape as the tests of the generated stand-ins of hono's modules compare it
// (hono-base.test.ts, hono-context.test.ts): its class members as text, by name, and its other
// statements, read with TypeScript's parser.
import ts from 'typescript';

/** The module's class members as text by name, and its other statements (imports apart). */
export function shape(text: string) {
  const source = ts.createSourceFile('module.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const members = new Map<string, string>();
  const statements: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isClassExpression(node) || ts.isClassDeclaration(node)) {
      for (const member of node.members) members.set(member.name?.getText(source) ?? 'constructor', member.getText(source));
      return;
    }
    ts.forEachChild(node, visit);
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) continue;
    visit(statement);
    statements.push(ts.isVariableStatement(statement) && /= class /.test(statement.getText(source)) ? 'class' : statement.getText(source));
  }
  return { members, statements };
}
