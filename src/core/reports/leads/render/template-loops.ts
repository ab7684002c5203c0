import Handlebars from 'handlebars';
import type { TemplateProblem } from './template-errors';

/**
 * Rendering repeats a loop's body once per item, so nested loops multiply: five levels
 * over 40 staff rows took 25 s, six would take minutes, long after the sample render that
 * validated the template (it has 5 staff). The built-ins nest two loops at most.
 */
export const MAX_LOOP_DEPTH = 3;

/** Blocks that run their body at most once; every other block may iterate. */
const ONCE = new Set(['if', 'unless', 'with']);

type Node = hbs.AST.Node & { loc?: hbs.AST.SourceLocation };

const lineOf = (node: Node): number | null => node.loc?.start.line ?? null;

/**
 * What a template may not do beyond the parse: define partials or decorators (an inline
 * partial can call itself or another with a loop inside, which no text count sees), use a
 * partial block (its fallback renders in place of a missing partial), or nest loops more
 * than MAX_LOOP_DEPTH deep. A loop is `{{#each}}`, and any other block that is not if,
 * unless or with, since Handlebars iterates a block named after an array
 * (`{{#staff}}…{{/staff}}`); `{{else each …}}` is a block in the `else` branch, so it is
 * counted too. Runs on the AST after checkTemplateLimits has bounded its size and depth.
 */
export function checkTemplateLoops(source: string): TemplateProblem | null {
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
  } catch {
    return null; // a syntax error: the compile that follows reports it with its line
  }
  return walk(ast, 0);
}

function walk(program: hbs.AST.Program | undefined, loops: number): TemplateProblem | null {
  for (const node of program?.body ?? []) {
    const problem = visit(node as Node, loops);
    if (problem) return problem;
  }
  return null;
}

function visit(node: Node, loops: number): TemplateProblem | null {
  switch (node.type) {
    case 'DecoratorBlock':
    case 'Decorator':
      return {
        line: lineOf(node),
        reason:
          'inline partials and decorators ({{#*inline}}, {{* …}}) are not available in custom templates',
      };
    case 'PartialBlockStatement':
      return {
        line: lineOf(node),
        reason: 'partial blocks ({{#> …}}) are not available in custom templates',
      };
    case 'BlockStatement': {
      const block = node as hbs.AST.BlockStatement;
      const name = block.path.type === 'PathExpression' ? block.path.original : '';
      const depth = ONCE.has(name) ? loops : loops + 1;
      if (depth > MAX_LOOP_DEPTH) {
        return {
          line: lineOf(node),
          reason: `loops are nested more than ${MAX_LOOP_DEPTH} deep ({{#${name}}} opens level ${depth}): every level multiplies the work of a report, so loop over fewer levels`,
        };
      }
      return walk(block.program, depth) ?? walk(block.inverse, depth);
    }
    default:
      return null;
  }
}
