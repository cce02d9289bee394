import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const SRC = path.resolve(import.meta.dirname, '..')

/** Every TypeScript file under src/, as a path relative to src/. */
function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path.relative(SRC, full)] : []
  })
}

/** The file a relative specifier names (`./x` is x.ts, x.tsx or x/index.ts), or null for a package. */
function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null
  const base = path.resolve(path.dirname(path.join(SRC, from)), specifier)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return path.relative(SRC, candidate)
  }
  return null
}

/** What a file imports from src/, type-only imports included: a circle of types is still a circle to read. */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(SRC, file), 'utf8'), ts.ScriptTarget.Latest, false)
  const specifiers: string[] = []
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier.text)
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [first] = node.arguments
      if (first !== undefined && ts.isStringLiteral(first)) specifiers.push(first.text)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      specifiers.push(node.argument.literal.text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return [...new Set(specifiers.flatMap((s) => resolve(file, s) ?? []))]
}

/** One circle (as the files around it, the first repeated at the end) per group of files that import each other. */
export function importCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's strongly connected components; a group of two or more, or a file importing itself, holds a circle.
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const groups: string[][] = []
  const connect = (file: string): void => {
    index.set(file, counter)
    low.set(file, counter)
    counter++
    stack.push(file)
    onStack.add(file)
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        connect(next)
        low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0))
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(next) ?? 0))
      }
    }
    if (low.get(file) === index.get(file)) {
      const group: string[] = []
      let member: string | undefined
      do {
        member = stack.pop()
        if (member === undefined) break
        onStack.delete(member)
        group.push(member)
      } while (member !== file)
      if (group.length > 1 || (graph.get(file) ?? []).includes(file)) groups.push(group)
    }
  }
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) connect(file)
  // Within each group, one concrete circle to print: a shortest way from its first file back to itself.
  return groups.map((group) => {
    const members = new Set(group)
    const start = [...group].sort()[0] ?? ''
    const cameFrom = new Map<string, string>()
    const queue = [start]
    while (queue.length > 0) {
      const file = queue.shift() ?? ''
      for (const next of graph.get(file) ?? []) {
        if (!members.has(next)) continue
        if (next === start) {
          const circle = [start]
          for (let at = file; at !== start; at = cameFrom.get(at) ?? start) circle.unshift(at)
          circle.unshift(start)
          return circle
        }
        if (!cameFrom.has(next)) {
          cameFrom.set(next, file)
          queue.push(next)
        }
      }
    }
    return [...group, group[0] ?? '']
  })
}

describe('imports under src/', () => {
  it('finds a circle when there is one, and names its files in order', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts']],
    ])
    expect(importCircles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts'], ['e.ts', 'e.ts']])
    expect(importCircles(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toEqual([])
  })

  it('form no circle', () => {
    const files = sourceFiles()
    expect(files.length).toBeGreaterThan(100)
    const graph = new Map(files.map((file) => [file, importsOf(file)]))
    const circles = importCircles(graph).map((circle) => circle.join(' -> '))
    expect(circles, `import circles under src/:\n${circles.join('\n')}`).toEqual([])
  })
})
