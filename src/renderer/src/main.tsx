import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/spotlight/styles.css'
import './styles.css'
import { MantineProvider } from '@mantine/core'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { connect } from './lib/client'
import { installStyleNonce } from './lib/style-nonce'
import { cssVariablesResolver, theme } from './theme'

const mode = connect()
const styleNonce = installStyleNonce()
const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
      getStyleNonce={styleNonce === undefined ? undefined : () => styleNonce}
    >
      <App mode={mode} />
    </MantineProvider>
  </StrictMode>,
)
