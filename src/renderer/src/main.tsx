import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/spotlight/styles.css'
import './styles.css'
import { MantineProvider } from '@mantine/core'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { connect } from './lib/client'
import { applyStoredScheme, colorSchemeManager } from './lib/color-scheme'
import { LAST_PAGE_KEY } from './lib/nav'
import { startingPath } from './lib/routes'
import { installStyleNonce } from './lib/style-nonce'
import { cssVariablesResolver, theme } from './theme'

applyStoredScheme()
const mode = connect()
// The desktop app reopens on the page the user left; browser mode opens where its link points.
if (mode === 'desktop') {
  const restore = startingPath(window.location.hash, localStorage.getItem(LAST_PAGE_KEY))
  if (restore !== null) history.replaceState(null, '', `#${restore}`)
}
const styleNonce = installStyleNonce()
const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
      colorSchemeManager={colorSchemeManager}
      getStyleNonce={styleNonce === undefined ? undefined : () => styleNonce}
    >
      <App mode={mode} />
    </MantineProvider>
  </StrictMode>,
)
