/** Organisations, as the data names them, and merges of two into one. */
import type { PersonRef } from './people'

export interface OrganisationView {
  id: number
  name: string
  /** other names that mean this organisation ("Stripe, Inc.") */
  aliases: string[]
  /** email domains of its people (stripe.com) */
  domains: string[]
  /** people Kith has there now, and ever */
  current: number
  people: number
}

export interface OrganisationMerge {
  id: number
  kept: PersonRef
  /** the name the merged organisation had */
  mergedName: string
  createdAt: string
  undoneAt: string | null
}
