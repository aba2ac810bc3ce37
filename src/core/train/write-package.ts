import type { ModelSpec } from '../spec/model-spec.ts';

/** The three files of a model package, as bytes, so runs can be compared exactly. */
export function packageFiles(result: {
  spec: ModelSpec;
  onnx: Uint8Array;
  report: object;
}): Record<string, Uint8Array> {
  const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
  return {
    [`${result.spec.id}.json`]: json(result.spec),
    [`${result.spec.id}.report.json`]: json(result.report),
    [result.spec.onnx]: result.onnx,
  };
}
