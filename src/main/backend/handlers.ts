import { METHOD_NAMES, isMethodName, type Args, type MethodName, type Result } from '../../shared/contract'
import { KithError } from './errors'
import type { BackendState } from './state'

/** How one method of the contract is carried out. */
export type Handler<M extends MethodName> = (args: Args<M>, backend: BackendState) => Result<M> | Promise<Result<M>>

export type Handlers = { readonly [M in MethodName]: Handler<M> }

/** One domain's handlers (`backend/<namespace>/handlers.ts`): some methods of the contract, each typed by its name. */
export type DomainHandlers = Partial<Handlers>

/** A handler as dispatch calls it, once the arguments are validated against its method's schema. */
export type AnyHandler = (args: unknown, backend: BackendState) => unknown

/** The methods registered so far, by name. */
export type HandlerRegistry = Map<MethodName, AnyHandler>

/**
 * Adds one domain's handlers to the registry. A method registered twice, or a
 * name the contract does not declare, is refused: no domain can quietly take
 * over another's method.
 */
export function register(registry: HandlerRegistry, handlers: DomainHandlers): void {
  for (const [name, handler] of Object.entries(handlers)) {
    if (!isMethodName(name)) throw new KithError('internal', `A handler is registered for ${name}, which the contract does not declare.`)
    if (registry.has(name)) throw new KithError('internal', `Two handlers are registered for ${name}; each method has one.`)
    registry.set(name, handler as AnyHandler)
  }
}

/** The methods of the contract no domain has registered. */
export function unregistered(registry: HandlerRegistry): MethodName[] {
  return METHOD_NAMES.filter((name) => !registry.has(name))
}

/** Every method a list of domains handles. */
type Covered<T extends readonly DomainHandlers[]> = T[number] extends infer D ? (D extends DomainHandlers ? keyof D : never) : never

/**
 * The handler of every method, from each domain's handlers. A method no domain
 * handles is a compile error (naming it) and, should types be bypassed, an
 * error at start-up; so is a method two domains handle.
 */
export function handlerRegistry<const T extends readonly DomainHandlers[]>(
  domains: T & ([Exclude<MethodName, Covered<T>>] extends [never] ? unknown : { unhandled: Exclude<MethodName, Covered<T>> }),
): ReadonlyMap<MethodName, AnyHandler> {
  const registry: HandlerRegistry = new Map()
  for (const handlers of domains) register(registry, handlers)
  const missing = unregistered(registry)
  if (missing.length > 0) throw new KithError('internal', `No handler is registered for ${missing.join(', ')}.`)
  return registry
}
