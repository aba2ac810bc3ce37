// onnx-proto is CommonJS (`module.exports = $root`), which Node's ESM loader cannot split into
// named exports, so `import { onnx } from 'onnx-proto'` fails at runtime under tsx and Vitest.
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** The default ONNX domain at opset 13 has Gemm with unidirectional broadcast of C and Sigmoid. */
const OPSET_VERSION = 13;
/**
 * IR 8 is the newest version onnx-proto's schema (ONNX 1.10) describes; onnxruntime-web reads it.
 * Using the schema's own constant would silently bump the IR when the dependency is upgraded.
 */
const IR_VERSION = 8;
const PRODUCER_NAME = 'churn-radar-trainer';

const WEIGHTS = 'coefficients';
const BIAS = 'intercept';
const LOGIT = 'logit';

export interface LogisticOnnxArgs {
  coefficients: ArrayLike<number>;
  intercept: number;
  input: string;
  output: string;
  graphName: string;
  docString?: string;
}

/**
 * Serialises p = sigmoid(X·w + b) as an ONNX model: float32 input [N, F] -> float32 output [N, 1].
 * Deterministic: the same arguments always give byte-identical output, so the committed model
 * only changes when the coefficients do.
 */
export function buildLogisticOnnx(args: LogisticOnnxArgs): Uint8Array {
  const { coefficients, intercept, input, output, graphName, docString } = args;
  const featureCount = coefficients.length;
  if (featureCount === 0) throw new Error('buildLogisticOnnx: no coefficients');
  const weights = Array.from(coefficients);
  if (!weights.every(Number.isFinite) || !Number.isFinite(intercept)) {
    throw new Error('buildLogisticOnnx: coefficients and intercept must be finite');
  }
  const names = [input, output, WEIGHTS, BIAS, LOGIT];
  if (names.some((n) => n.length === 0) || new Set(names).size !== names.length) {
    throw new Error(
      `buildLogisticOnnx: input/output names must be non-empty and not one of ${[WEIGHTS, BIAS, LOGIT].join(', ')}`,
    );
  }

  const graph = onnx.GraphProto.create({
    name: graphName,
    node: [
      onnx.NodeProto.create({ name: 'linear', opType: 'Gemm', input: [input, WEIGHTS, BIAS], output: [LOGIT] }),
      onnx.NodeProto.create({ name: 'probability', opType: 'Sigmoid', input: [LOGIT], output: [output] }),
    ],
    initializer: [floatTensor(WEIGHTS, [featureCount, 1], weights), floatTensor(BIAS, [1], [intercept])],
    input: [floatMatrixInfo(input, featureCount)],
    output: [floatMatrixInfo(output, 1)],
  });

  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    opsetImport: [onnx.OperatorSetIdProto.create({ domain: '', version: OPSET_VERSION })],
    producerName: PRODUCER_NAME,
    graph,
    ...(docString === undefined ? {} : { docString }),
  });
  return onnx.ModelProto.encode(model).finish();
}

function floatTensor(name: string, dims: number[], values: number[]): InstanceType<typeof onnx.TensorProto> {
  // floatData is encoded as packed float32, so each value is rounded to float32 here.
  return onnx.TensorProto.create({ name, dims, dataType: onnx.TensorProto.DataType.FLOAT, floatData: values });
}

/** A float32 [N, columns] tensor with a symbolic batch dimension. */
function floatMatrixInfo(name: string, columns: number): InstanceType<typeof onnx.ValueInfoProto> {
  return onnx.ValueInfoProto.create({
    name,
    type: onnx.TypeProto.create({
      tensorType: onnx.TypeProto.Tensor.create({
        elemType: onnx.TensorProto.DataType.FLOAT,
        shape: onnx.TensorShapeProto.create({
          dim: [
            onnx.TensorShapeProto.Dimension.create({ dimParam: 'N' }),
            onnx.TensorShapeProto.Dimension.create({ dimValue: columns }),
          ],
        }),
      }),
    }),
  });
}
