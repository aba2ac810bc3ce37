import { fail, ok, type Result } from '../result.ts';
import { checkOnnxGraph } from './check-onnx-graph.ts';
import type { ModelSpec } from './model-spec.ts';
import { parseModelSpec } from './parse-model-spec.ts';

/** Sizes no real logistic-regression package reaches; beyond them a file is refused before parsing. */
export const PACKAGE_LIMITS = { specBytes: 50_000_000, onnxBytes: 100_000_000 } as const;

const mb = (bytes: number) => `${(bytes / 1e6).toLocaleString('en-US')} MB`;
const exact = (bytes: number) => `${bytes.toLocaleString('en-US')} bytes`;

/** Reads and validates a spec file's bytes: size, JSON, schema. */
export function readSpec(bytes: Uint8Array, fileName: string): Result<ModelSpec> {
  if (bytes.length > PACKAGE_LIMITS.specBytes)
    return fail(
      `The model spec ${fileName} is ${exact(bytes.length)}, over the ${mb(PACKAGE_LIMITS.specBytes)} no spec needs, so it was not opened. Check that it is the right file, or re-train the model.`,
    );
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail(`The model spec ${fileName} is not valid JSON. Restore it from the package it came with.`);
  }
  return parseModelSpec(json, fileName);
}

/** Checks the `.onnx` belonging to a valid spec: size, then the graph against the spec. */
export function checkOnnx(bytes: Uint8Array, spec: ModelSpec): Result<void> {
  if (bytes.length > PACKAGE_LIMITS.onnxBytes)
    return fail(
      `The model file ${spec.onnx} is ${exact(bytes.length)}, over the ${mb(PACKAGE_LIMITS.onnxBytes)} no logistic-regression model needs, so it was not opened. Check that it is the right file, or re-train the model.`,
    );
  return checkOnnxGraph(bytes, spec);
}

/** A whole package, as a deployed one is checked: every problem names the file. */
export function checkPackage(specBytes: Uint8Array, specName: string, onnxBytes: Uint8Array): Result<ModelSpec> {
  const spec = readSpec(specBytes, specName);
  if (!spec.ok) return spec;
  const graph = checkOnnx(onnxBytes, spec.value);
  return graph.ok ? ok(spec.value) : fail(graph.problem);
}
