import { Alert, AppShell, Burger, Code, Group, NavLink, ScrollArea, Text, Title, VisuallyHidden } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useState, type ReactNode } from 'react'
import { PeoplePage } from './features/people/PeoplePage'
import { SettingsPage } from './features/settings/SettingsPage'
import { EmptyState } from './features/shell/EmptyState'
import type { Mode } from './lib/client'
import { PAGES, type PageId } from './pages'

export function App({ mode }: { mode: Mode }): ReactNode {
  const [page, setPage] = useState<PageId>('people')
  const [navOpen, { toggle, close }] = useDisclosure(false)

  if (mode === 'browser-without-token') {
    return (
      <Alert color="red" title="This page needs its start-up link" m="xl" role="alert">
        Open the address that <Code>npm start</Code> or <Code>kith serve</Code> printed (it ends with{' '}
        <Code>#token=…</Code>). Kith only answers pages opened that way.
      </Alert>
    )
  }

  const go = (id: PageId): void => {
    setPage(id)
    close()
  }
  const current = PAGES.find((p) => p.id === page) ?? PAGES[0]

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="lg"
    >
      <a href="#main" className="kith-skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm">
          <Burger opened={navOpen} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
          <Title order={1} size="h3">
            Kith
          </Title>
          <Text size="sm" c="dimmed" visibleFrom="sm">
            warm introductions, kept on this computer
          </Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label="Main">
        <ScrollArea>
          {PAGES.map((p) => (
            <NavLink
              key={p.id}
              component="button"
              label={p.label}
              description={p.hint}
              active={p.id === page}
              aria-current={p.id === page ? 'page' : undefined}
              onClick={() => go(p.id)}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <VisuallyHidden aria-live="polite">{current.label}</VisuallyHidden>
        {page === 'people' && <PeoplePage onImport={() => go('import')} />}
        {page === 'paths' && (
          <EmptyState title="Find a path">
            Type a person, a company or a tag and Kith ranks the warmest ways in through the people you know,
            explaining every rank. Path finding arrives in a coming release.
          </EmptyState>
        )}
        {page === 'introductions' && (
          <EmptyState title="Introductions">
            Asks you make and introductions you broker, from permission first to closing the loop, will be
            tracked here.
          </EmptyState>
        )}
        {page === 'week' && (
          <EmptyState title="This week">
            Every week Kith will propose introductions you could make, favors to return and ties going cold.
          </EmptyState>
        )}
        {page === 'import' && (
          <EmptyState title="Import & export">
            Importing LinkedIn, Google Contacts and vCard files, and exporting everything, arrives in a coming
            release. Until then, the sample network (on the People page) lets you try Kith.
          </EmptyState>
        )}
        {page === 'settings' && <SettingsPage />}
      </AppShell.Main>
    </AppShell>
  )
}
