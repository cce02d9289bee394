import type { ImportDecision, ImportFormat, ImportPreview, ImportResult } from '../../../shared/imports'
import type { Backend } from '../backend'
import { ok } from './call'

/** Starts an import through dispatch and waits for its preview (or its failure). */
export async function previewImport(
  backend: Backend,
  fileName: string,
  content: string | Uint8Array,
  format: ImportFormat | null = null,
): Promise<{ preview: ImportPreview | null; error: string | null }> {
  const data = Buffer.from(typeof content === 'string' ? Buffer.from(content, 'utf8') : content).toString('base64')
  let status = await ok(backend, 'imports.start', { fileName, data, format })
  while (status.phase === 'reading' || status.phase === 'matching') {
    await new Promise((resolve) => setTimeout(resolve, 5))
    status = await ok(backend, 'imports.job', { jobId: status.jobId })
  }
  return { preview: status.preview, error: status.error }
}

/** Previews and applies an import, failing the test if the file is refused. */
export async function importFile(
  backend: Backend,
  fileName: string,
  content: string | Uint8Array,
  options: { format?: ImportFormat; strength?: number | null; decisions?: ImportDecision[] } = {},
): Promise<{ preview: ImportPreview; result: ImportResult }> {
  const { preview, error } = await previewImport(backend, fileName, content, options.format ?? null)
  if (preview === null) throw new Error(`import of ${fileName} was refused: ${error ?? 'no preview'}`)
  const result = await ok(backend, 'imports.apply', {
    jobId: preview.jobId,
    strength: options.strength === undefined ? preview.defaultStrength : options.strength,
    decisions: options.decisions ?? [],
  })
  return { preview, result }
}
