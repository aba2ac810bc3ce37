/** Saves each file of a model package as a download, as `npm run train` writes them. */
export function downloadFiles(files: Record<string, Uint8Array>): void {
  for (const [name, bytes] of Object.entries(files)) {
    const url = URL.createObjectURL(
      new Blob([bytes as Uint8Array<ArrayBuffer>], {
        type: name.endsWith('.onnx') ? 'application/octet-stream' : 'application/json',
      }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

export interface ChosenPackage {
  specName: string;
  specBytes: Uint8Array;
  onnx: Uint8Array;
}

/** The spec and `.onnx` among the files a person picked, or what is missing. The training report is not needed. */
export async function readChosenPackage(
  files: readonly File[],
): Promise<{ ok: true; value: ChosenPackage } | { ok: false; problem: string }> {
  const specs = files.filter(
    (f) => f.name.toLowerCase().endsWith('.json') && !f.name.toLowerCase().endsWith('.report.json'),
  );
  const onnx = files.filter((f) => f.name.toLowerCase().endsWith('.onnx'));
  if (specs.length !== 1 || onnx.length !== 1) {
    return {
      ok: false,
      problem: `Choose the two files of one package together: its spec (<id>.json) and its model (<id>.onnx). You chose ${files.length === 0 ? 'nothing' : files.map((f) => f.name).join(', ')}.`,
    };
  }
  return {
    ok: true,
    value: {
      specName: specs[0]!.name,
      specBytes: new Uint8Array(await specs[0]!.arrayBuffer()),
      onnx: new Uint8Array(await onnx[0]!.arrayBuffer()),
    },
  };
}
