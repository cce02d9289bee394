/**
 * Domain types shared by the backend, the renderer and the CLI, one module
 * per domain under `types/`; imported from here. The modules import each
 * other, never this file.
 */
export type * from './types/app'
export type * from './types/demo'
export type * from './types/people'
export type * from './types/paths'
export type * from './types/introductions'
export type * from './types/organisations'
export type * from './types/week'
export type { SuggestionStatus } from './vocab'
export type * from './types/network'
