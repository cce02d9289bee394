/** The dialogs' forms, as one chunk the dialog host loads on demand (Dialogs.tsx). */
export { ConnectForm } from './ConnectForm'
export { FavorForm } from './FavorForm'
export { InteractionForm } from './InteractionForm'
export { MergeForm } from './MergeForm'
export { PersonForm } from './PersonForm'
export { RelationshipForm } from './RelationshipForm'
export { FollowUpForm } from './FollowUpForm'
