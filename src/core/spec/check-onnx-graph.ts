// onnx-proto is CommonJS (`module.exports = $root`); see write-onnx.ts.
import onnxProto from 'onnx-proto';
import { fail, ok, type Result } from '../result.ts';
import type { ModelSpec } from './model-spec.ts';

const { onnx } = onnxProto;

/** The operators a logistic-regression package may use; anything else is not a model this app explains. */
const ALLOWED_OPS = new Set(['Gemm', 'Sigmoid', 'MatMul', 'Add', 'Flatten', 'Reshape', 'Identity']);

const { FLOAT, DOUBLE } = onnx.TensorProto.DataType;

/**
 * A real-valued tensor's numbers (float32 or float64, listed or as little-endian raw bytes);
 * undefined for other types (e.g. Reshape's int64 shape); 'cut' when its raw bytes do not divide evenly.
 */
function realValues(t: onnxProto.onnx.ITensorProto): number[] | 'cut' | undefined {
  const width = t.dataType === FLOAT ? 4 : t.dataType === DOUBLE ? 8 : 0;
  if (width === 0) return undefined;
  const listed = t.dataType === FLOAT ? t.floatData : t.doubleData;
  if (listed?.length) return [...listed];
  const raw = t.rawData ?? new Uint8Array(0);
  if (raw.length % width !== 0) return 'cut';
  const buffer = Uint8Array.from(raw).buffer;
  return [...(width === 4 ? new Float32Array(buffer) : new Float64Array(buffer))];
}

const dims = (info: onnxProto.onnx.IValueInfoProto | undefined) =>
  info?.type?.tensorType?.shape?.dim?.map((d) =>
    d.dimValue !== null && d.dimValue !== undefined ? Number(d.dimValue) : (d.dimParam ?? '?'),
  ) ?? [];

/**
 * Checks an ONNX file against its spec before the runtime sees it: only the operators of a
 * linear model, one input named and shaped as the spec's features, the spec's output, and
 * weights and intercept equal to the spec's (to float32 precision), which the explanations use.
 */
export function checkOnnxGraph(
  bytes: Uint8Array,
  spec: Pick<ModelSpec, 'input' | 'output' | 'features' | 'coefficients' | 'intercept' | 'onnx'>,
): Result<void> {
  const name = spec.onnx;
  let model: onnxProto.onnx.ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch {
    // The decoder's own words ("index out of range: 54 + 9 > 60") help no one and differ between Buffer and Uint8Array input.
    return fail(
      `The model file ${name} could not be opened: it is not an ONNX model, or it was cut short. Restore it from the package it came with.`,
    );
  }
  const graph = model.graph;
  if (!graph)
    return fail(
      `The model file ${name} could not be opened: it holds no model graph. Restore it from the package it came with.`,
    );
  const ops = [...new Set((graph.node ?? []).map((n) => n.opType ?? ''))];
  const unsupported = ops.filter((op) => !ALLOWED_OPS.has(op));
  if (unsupported.length)
    return fail(
      `The model file ${name} uses ${unsupported.join(', ')}, which a logistic-regression package never needs; only ${[...ALLOWED_OPS].join(', ')} are accepted. Re-train it with npm run train, or convert a scikit-learn logistic regression with scripts/from-sklearn.`,
    );
  const initializers = new Set((graph.initializer ?? []).map((t) => t.name));
  const inputs = (graph.input ?? []).filter((i) => !initializers.has(i.name));
  if (inputs.length !== 1 || inputs[0]!.name !== spec.input) {
    return fail(
      `The model file ${name} takes input ${inputs.map((i) => `"${i.name}"`).join(', ') || 'none'}, but its spec says "${spec.input}". The two files do not belong together.`,
    );
  }
  const width = dims(inputs[0]).at(-1);
  if (width !== spec.features.length) {
    return fail(
      `The model file ${name} takes ${width} features per customer, but its spec lists ${spec.features.length}. The two files do not belong together.`,
    );
  }
  if (!(graph.output ?? []).some((o) => o.name === spec.output)) {
    return fail(
      `The model file ${name} has no output "${spec.output}" (it has ${(graph.output ?? []).map((o) => `"${o.name}"`).join(', ')}). The two files do not belong together.`,
    );
  }
  const tensors: { name: string; values: number[] }[] = [];
  for (const t of graph.initializer ?? []) {
    const values = realValues(t);
    if (values === 'cut')
      return fail(
        `The model file ${name} is damaged: the bytes of its tensor "${t.name}" do not make whole numbers. Restore it from the package it came with.`,
      );
    if (values) tensors.push({ name: t.name ?? '', values });
  }
  const bad = tensors.find((t) => t.values.some((v) => !Number.isFinite(v)));
  if (bad)
    return fail(
      `The model file ${name} holds weights that are not finite numbers (NaN or infinity) in "${bad.name}". Re-train the model or restore the file.`,
    );
  // The explanations and the reference scorer use the spec's coefficients, so the graph must hold the same ones.
  // With one feature, weights and intercept are both one number: the linear node's second input says which is which.
  const linear = (graph.node ?? []).find((n) => n.opType === 'Gemm' || n.opType === 'MatMul')?.input?.[1];
  const sized = tensors.filter((t) => t.values.length === spec.features.length);
  const weights = sized.find((t) => t.name === linear) ?? sized[0];
  if (!weights)
    return fail(
      `The model file ${name} holds no weights for the spec's ${spec.features.length} features. The two files do not belong together.`,
    );
  const differs = spec.coefficients.findIndex(
    (c, j) => Math.abs(Math.fround(c) - weights.values[j]!) > 1e-6 * Math.max(1, Math.abs(c)),
  );
  if (differs >= 0)
    return fail(
      `The model file ${name} has weight ${weights.values[differs]} for feature "${spec.features[differs]!.name}", but its spec says ${spec.coefficients[differs]}. The two files do not belong together.`,
    );
  const biases = tensors.filter((t) => t !== weights && t.values.length === 1);
  const bias = biases.length === 1 ? biases[0]!.values[0]! : undefined;
  if (
    bias !== undefined &&
    Math.abs(Math.fround(spec.intercept) - bias) > 1e-6 * Math.max(1, Math.abs(spec.intercept))
  ) {
    return fail(
      `The model file ${name} has intercept ${bias}, but its spec says ${spec.intercept}. The two files do not belong together.`,
    );
  }
  return ok(undefined);
}
