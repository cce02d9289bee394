import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * The window's first page (the entry script: the shell and the People page) loads only what it
 * uses; what other pages and the dialogs need comes later (docs/architecture.md, "Loading the
 * page in pieces"). This walks the entry's static imports, as the bundler does, and checks that
 * the code kept out of it stays out.
 */
const SRC = path.resolve(import.meta.dirname, '..')
const ENTRY = 'renderer/src/main.tsx'

function resolve(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(path.join(SRC, from)), specifier)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return path.relative(SRC, candidate)
  }
  return null
}

/** The modules a file loads when it runs: static imports and re-exports that are not type-only (not `import()`). */
function loadedBy(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(SRC, file), 'utf8'), ts.ScriptTarget.Latest, false)
  const specifiers: string[] = []
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const bindings = clause?.namedBindings
      const typesOnly =
        clause !== undefined &&
        (clause.phaseModifier === ts.SyntaxKind.TypeKeyword ||
          (clause.name === undefined && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly)))
      if (!typesOnly) specifiers.push(node.moduleSpecifier.text)
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier.text)
    }
  }
  return specifiers
}

/** Every module the entry loads, each with the chain of files that brought it in. */
function firstPage(): Map<string, string[]> {
  const reached = new Map<string, string[]>([[ENTRY, [ENTRY]]])
  const queue = [ENTRY]
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    const chain = reached.get(file) ?? []
    for (const specifier of loadedBy(file)) {
      const target = specifier.startsWith('.') ? resolve(file, specifier) : specifier
      if (target === null || reached.has(target)) continue
      reached.set(target, [...chain, target])
      if (specifier.startsWith('.')) queue.push(target)
    }
  }
  return reached
}

describe("the window's first page", () => {
  const reached = firstPage()
  const chainsTo = (test: (module: string) => boolean): string[] =>
    [...reached].filter(([module]) => test(module)).map(([, chain]) => chain.join(' → '))

  it('reaches the People page (the walk follows the real imports)', () => {
    expect(reached.has('renderer/src/features/people/PeoplePage.tsx')).toBe(true)
    expect(reached.has('@mantine/core')).toBe(true)
  })

  it('loads no zod: its checks belong to the forms and pages that load later', () => {
    expect(chainsTo((module) => module === 'zod' || module.startsWith('zod/'))).toEqual([])
  })

  it("leaves the dialogs' forms, the first-run forms and the other pages to load when needed", () => {
    const later = ['renderer/src/dialogs/forms.ts', 'renderer/src/features/people/FirstRun.tsx', 'renderer/src/features/imports/ImportExportPage.tsx', 'renderer/src/features/people/PersonPage.tsx']
    expect(chainsTo((module) => later.includes(module))).toEqual([])
  })
})
