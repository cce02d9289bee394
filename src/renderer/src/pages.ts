export const PAGES = [
  { id: 'people', label: 'People', hint: 'everyone you know' },
  { id: 'paths', label: 'Find a path', hint: 'who can introduce you' },
  { id: 'introductions', label: 'Introductions', hint: 'asks and intros' },
  { id: 'week', label: 'This week', hint: 'your weekly review' },
  { id: 'reciprocity', label: 'Reciprocity', hint: 'who you owe' },
  { id: 'organisations', label: 'Organisations', hint: 'where people work' },
  { id: 'network', label: 'Network map', hint: 'everyone at a glance' },
  { id: 'import', label: 'Import & export', hint: 'contacts in and out' },
  { id: 'review', label: 'Review', hint: 'what Kith learned' },
  { id: 'settings', label: 'Settings', hint: 'data and backups' },
] as const

export type PageId = (typeof PAGES)[number]['id']
