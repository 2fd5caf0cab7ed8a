import {
  OperationNodeTransformer, ValueNode,
  type BinaryOperationNode, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow,
} from 'kysely';

/** Status codes are small integers (domain/node-status.ts); CompiledOnce's sentinels are far below zero. */
const MAX_STATUS_CODE = 99;

/** The column a reference names, whether written `status` or `nodes.status`. */
function columnName(node: BinaryOperationNode['leftOperand']): string | undefined {
  if (node.kind !== 'ReferenceNode') return undefined;
  const column = (node as { column?: { kind: string; column?: { name?: string } } }).column;
  return column?.kind === 'ColumnNode' ? column.column?.name : undefined;
}

/** Rewrites `status = ?` (a small integer) into `status = <literal>`. */
class StatusLiteralTransformer extends OperationNodeTransformer {
  protected override transformBinaryOperation(node: BinaryOperationNode): BinaryOperationNode {
    const transformed = super.transformBinaryOperation(node);
    const right = transformed.rightOperand;
    if (
      right.kind === 'ValueNode' && !(right as ValueNode).immediate
      && transformed.operator.kind === 'OperatorNode' && (transformed.operator as unknown as { operator: string }).operator === '='
      && columnName(transformed.leftOperand) === 'status'
    ) {
      const value = (right as ValueNode).value;
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_STATUS_CODE) {
        return { ...transformed, rightOperand: ValueNode.createImmediate(value) };
      }
    }
    return transformed;
  }
}

/**
 * Writes status comparisons as literals in SQLite's SQL (issue 14). The partial index
 * nodes_scheduled (`where status = 2`, migration 018) makes SQLite's planner look at the value
 * bound to any `status = ?`, to see whether the index could serve the query, and a statement
 * whose plan depends on a bound value is marked expired on every bind: it was parsed and planned
 * again on every run. For the article page's node statement that was 250 µs of 300. A literal
 * is decided once, when the statement is prepared. Status codes are a handful of constants, so
 * the statement cache gains at most a few texts per query.
 */
export class StatusLiteralPlugin implements KyselyPlugin {
  private readonly transformer = new StatusLiteralTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
