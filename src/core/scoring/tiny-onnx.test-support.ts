// onnx-proto is CommonJS: its named exports cannot be imported under Node's ESM loader (see train/write-onnx.ts).
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const { FLOAT, DOUBLE } = onnx.TensorProto.DataType;

interface Tensor {
  name: string;
  columns: number;
  type?: 'float' | 'double';
}

interface Node {
  op: 'Add' | 'Sigmoid' | 'Identity' | 'Cast';
  inputs: readonly string[];
  output: string;
  /** Cast's target type. */
  to?: 'double';
}

const valueInfo = ({ name, columns, type = 'float' }: Tensor) =>
  onnx.ValueInfoProto.create({
    name,
    type: onnx.TypeProto.create({
      tensorType: onnx.TypeProto.Tensor.create({
        elemType: type === 'float' ? FLOAT : DOUBLE,
        shape: onnx.TensorShapeProto.create({
          dim: [
            onnx.TensorShapeProto.Dimension.create({ dimParam: 'N' }),
            onnx.TensorShapeProto.Dimension.create({ dimValue: columns }),
          ],
        }),
      }),
    }),
  });

/**
 * A small ONNX model with the given inputs, nodes and outputs ([N, columns] each), to test how the
 * scorer meets models the shipped ones are not: several inputs or outputs, a double or a wide output.
 */
export function tinyOnnx(inputs: Tensor[], nodes: Node[], outputs: Tensor[]): Uint8Array {
  const graph = onnx.GraphProto.create({
    name: 'tiny',
    node: nodes.map((n, i) =>
      onnx.NodeProto.create({
        name: `n${i}`,
        opType: n.op,
        input: [...n.inputs],
        output: [n.output],
        attribute: n.to
          ? [onnx.AttributeProto.create({ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: DOUBLE })]
          : [],
      }),
    ),
    input: inputs.map(valueInfo),
    output: outputs.map(valueInfo),
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [onnx.OperatorSetIdProto.create({ domain: '', version: 13 })],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}
