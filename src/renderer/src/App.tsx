import { Alert, AppShell, Burger, Button, Code, Group, Kbd, NavLink, ScrollArea, Text, Title } from '@mantine/core'
import { useDisclosure, useHotkeys } from '@mantine/hooks'
import { Notifications } from '@mantine/notifications'
import { lazy, Suspense, useEffect, type ReactNode } from 'react'
import { useDueNotices } from './features/intros/useDueNotices'
import { PeoplePage } from './features/people/PeoplePage'
import { CommandPalette, openPalette } from './features/shell/CommandPalette'
import { DamageBanner } from './features/shell/DamageBanner'
import { PageLoadBoundary, PageLoading } from './components/PageLoading'
import { DialogsProvider, useDialogs } from './dialogs/Dialogs'
import type { Mode } from './lib/client'
import { DataVersionProvider } from './lib/data-version'
import { firstViewShown } from './lib/first-view'
import { NavProvider, useNav, type Route } from './lib/nav'
import { sectionOf } from './lib/routes'
import { useDocumentTitle } from './lib/title'
import { PAGES, type PageId } from './pages'

// Every page but People (where Kith opens) is its own chunk, loaded the first time it is shown.
const ImportExportPage = lazy(() => import('./features/imports/ImportExportPage').then((m) => ({ default: m.ImportExportPage })))
const IntroductionPage = lazy(() => import('./features/intros/IntroductionPage').then((m) => ({ default: m.IntroductionPage })))
const IntroductionsPage = lazy(() => import('./features/intros/IntroductionsPage').then((m) => ({ default: m.IntroductionsPage })))
const OrganisationsPage = lazy(() => import('./features/orgs/OrganisationsPage').then((m) => ({ default: m.OrganisationsPage })))
const NetworkMapPage = lazy(() => import('./features/network/NetworkMapPage').then((m) => ({ default: m.NetworkMapPage })))
const FindPathPage = lazy(() => import('./features/paths/FindPathPage').then((m) => ({ default: m.FindPathPage })))
const PersonPage = lazy(() => import('./features/people/PersonPage').then((m) => ({ default: m.PersonPage })))
const ReviewPage = lazy(() => import('./features/review/ReviewPage').then((m) => ({ default: m.ReviewPage })))
const SettingsPage = lazy(() => import('./features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })))
const ReciprocityPage = lazy(() => import('./features/weekly/ReciprocityPage').then((m) => ({ default: m.ReciprocityPage })))
const WeekPage = lazy(() => import('./features/weekly/WeekPage').then((m) => ({ default: m.WeekPage })))

const isMac = typeof navigator !== 'undefined' && /Macintosh|iPhone|iPad/.test(navigator.userAgent)
const MOD = isMac ? '⌘' : 'Ctrl'

function Page({ route }: { route: Route }): ReactNode {
  const { go } = useNav()
  switch (route.page) {
    case 'person':
      return <PersonPage id={route.id} />
    case 'introduction':
      return <IntroductionPage key={route.id} id={route.id} />
    case 'people':
      return 'tag' in route ? (
        <PeoplePage key={`tag:${route.tag}`} initialTag={route.tag} onImport={() => go({ page: 'import' })} />
      ) : (
        <PeoplePage onImport={() => go({ page: 'import' })} />
      )
    case 'paths':
      return (
        <FindPathPage
          question={'question' in route ? route.question : null}
          onQuestion={(question) => go(question === null ? { page: 'paths' } : { page: 'paths', question }, { replace: true })}
        />
      )
    case 'introductions':
      return <IntroductionsPage />
    case 'week':
      return <WeekPage />
    case 'reciprocity':
      return <ReciprocityPage />
    case 'organisations':
      return <OrganisationsPage />
    case 'network':
      return (
        <NetworkMapPage
          filters={'filters' in route ? route.filters : {}}
          onFilters={(filters) => go({ page: 'network', filters }, { replace: true })}
          onOpenPerson={(id) => go({ page: 'person', id })}
        />
      )
    case 'import':
      return <ImportExportPage />
    case 'review':
      return <ReviewPage />
    case 'settings':
      return <SettingsPage />
  }
}

/** Rendered beside a page inside its Suspense boundary: its effect runs once the page's code has loaded and the page is drawn. */
function FirstViewDrawn(): null {
  useEffect(() => {
    firstViewShown()
  }, [])
  return null
}

function Shell(): ReactNode {
  const { route, go } = useNav()
  const dialogs = useDialogs()
  const [navOpen, { toggle, close }] = useDisclosure(false)
  // Quick-log from anywhere, even while typing in a field.
  useHotkeys([['mod+I', () => dialogs.open({ kind: 'interaction' })]], [])
  useDueNotices()
  const section: PageId = sectionOf(route)
  // A person's or an introduction's page names the window itself, once it knows the name.
  useDocumentTitle(route.page === 'person' || route.page === 'introduction' ? null : (PAGES.find((p) => p.id === route.page)?.label ?? null))

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="lg">
      {/* The address after # is the page's route, so the link moves focus itself. */}
      <a
        href="#main"
        className="kith-skip-link"
        onClick={(event) => {
          event.preventDefault()
          document.getElementById('main')?.focus()
        }}
      >
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={1} size="h3">
              Kith
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              warm introductions, kept on this computer
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" size="xs" onClick={openPalette} aria-keyshortcuts="Control+K Meta+K">
              Find or run…&nbsp;<Kbd size="xs">{MOD}+K</Kbd>
            </Button>
            <Button variant="light" size="xs" onClick={() => dialogs.open({ kind: 'interaction' })} aria-keyshortcuts="Control+I Meta+I">
              Log interaction&nbsp;<Kbd size="xs">{MOD}+I</Kbd>
            </Button>
          </Group>
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
              active={p.id === section}
              aria-current={p.id === section ? 'page' : undefined}
              onClick={() => {
                go({ page: p.id })
                close()
                // The page's content takes the focus, as Skip to content gives it: the next Tab is in the page.
                requestAnimationFrame(() => document.getElementById('main')?.focus())
              }}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <DamageBanner />
        <PageLoadBoundary resetKey={route.page}>
          <Suspense fallback={<PageLoading />}>
            <Page route={route} />
            {/* The People page says when its rows are shown; any other page is the first view once its code has loaded and drawn. */}
            {route.page !== 'people' && <FirstViewDrawn />}
          </Suspense>
        </PageLoadBoundary>
      </AppShell.Main>
      <CommandPalette />
    </AppShell>
  )
}

export function App({ mode }: { mode: Mode }): ReactNode {
  if (mode === 'browser-without-token') {
    return (
      <Alert color="red" title="This page needs its start-up link" m="xl" role="alert">
        Open the address that <Code>npm start</Code> or <Code>kith serve</Code> printed (it ends with <Code>#token=…</Code>).
        Kith only answers pages opened that way.
      </Alert>
    )
  }
  return (
    <NavProvider desktop={mode === 'desktop'}>
      <DataVersionProvider>
        <DialogsProvider>
          <Notifications position="bottom-right" />
          <Shell />
        </DialogsProvider>
      </DataVersionProvider>
    </NavProvider>
  )
}
