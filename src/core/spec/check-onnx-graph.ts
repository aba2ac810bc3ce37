// onnx-proto is CommonJS (`module.exports = $root`); see write-onnx.ts.
import onnxProto from 'onnx-proto';
import { fail, ok, type Result } from '../result.ts';
import type { ModelSpec } from './model-spec.ts';

const { onnx } = onnxProto;

/** The operators a logistic-regression package may use; anything else is not a model this app explains. */
const ALLOWED_OPS = new Set(['Gemm', 'Sigmoid', 'MatMul', 'Add', 'Flatten', 'Reshape', 'Identity']);

const dims = (info: onnxProto.onnx.IValueInfoProto | undefined) =>
  info?.type?.tensorType?.shape?.dim?.map((d) => (d.dimValue !== null && d.dimValue !== undefined ? Number(d.dimValue) : (d.dimParam ?? '?'))) ?? [];

/**
 * Checks an ONNX file against its spec before the runtime sees it: only the operators of a
 * linear model, one input named and shaped as the spec's features, the spec's output, and
 * weights equal to the spec's coefficients (to float32 precision), which the explanations use.
 */
export function checkOnnxGraph(bytes: Uint8Array, spec: Pick<ModelSpec, 'input' | 'output' | 'features' | 'coefficients' | 'intercept' | 'onnx'>): Result<void> {
  const name = spec.onnx;
  let model: onnxProto.onnx.ModelProto;
  try {
    model = onnx.ModelProto.decode(bytes);
  } catch (error) {
    return fail(`The model file ${name} could not be opened: it is not an ONNX model (${(error as Error).message}). Restore it from the package it came with.`);
  }
  const graph = model.graph;
  if (!graph) return fail(`The model file ${name} could not be opened: it holds no model graph. Restore it from the package it came with.`);
  const ops = [...new Set((graph.node ?? []).map((n) => n.opType ?? ''))];
  const unsupported = ops.filter((op) => !ALLOWED_OPS.has(op));
  if (unsupported.length) return fail(`The model file ${name} uses ${unsupported.join(', ')}, which a logistic-regression package never needs; only ${[...ALLOWED_OPS].join(', ')} are accepted.`);
  const initializers = new Set((graph.initializer ?? []).map((t) => t.name));
  const inputs = (graph.input ?? []).filter((i) => !initializers.has(i.name));
  if (inputs.length !== 1 || inputs[0]!.name !== spec.input) {
    return fail(`The model file ${name} takes input ${inputs.map((i) => `"${i.name}"`).join(', ') || 'none'}, but its spec says "${spec.input}". The two files do not belong together.`);
  }
  const width = dims(inputs[0]).at(-1);
  if (width !== spec.features.length) {
    return fail(`The model file ${name} takes ${width} features per customer, but its spec lists ${spec.features.length}. The two files do not belong together.`);
  }
  if (!(graph.output ?? []).some((o) => o.name === spec.output)) {
    return fail(`The model file ${name} has no output "${spec.output}" (it has ${(graph.output ?? []).map((o) => `"${o.name}"`).join(', ')}). The two files do not belong together.`);
  }
  const floats = (graph.initializer ?? []).flatMap((t) => (t.floatData?.length ? t.floatData : t.rawData?.length ? [...new Float32Array(Uint8Array.from(t.rawData).buffer)] : []));
  if (floats.some((v) => !Number.isFinite(v))) return fail(`The model file ${name} holds weights that are not finite numbers (NaN or infinity).`);
  const weights = (graph.initializer ?? []).find((t) => {
    const count = t.floatData?.length || (t.rawData?.length ?? 0) / 4;
    return count === spec.features.length;
  });
  if (weights) {
    const values = weights.floatData?.length ? weights.floatData : [...new Float32Array(Uint8Array.from(weights.rawData!).buffer)];
    const differs = spec.coefficients.findIndex((c, j) => Math.abs(Math.fround(c) - values[j]!) > 1e-6 * Math.max(1, Math.abs(c)));
    if (differs >= 0) return fail(`The model file ${name} has weight ${values[differs]} for feature "${spec.features[differs]!.name}", but its spec says ${spec.coefficients[differs]}. The two files do not belong together.`);
  }
  return ok(undefined);
}
